import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, PresentationChart, Search, Trash, Upload } from '@strapi/icons';
import { registerCustomFields } from './custom-fields';
import { AccessRequestAction, AnonymiseAction } from './privacy/CaseActions';
import da from './translations/da.json';
import { registerFailedDeliveriesWidget } from './outbox/widget';
import { InboundMailPanel, registerInboxWidget } from './inbox';
import { CaseTimelinePanel } from './journal/TimelinePanel';
import { bootstrapWorkspace, registerWorkspace } from './workspace';
import { quietBrowserDefaults, withoutDeveloperHeaderActions, withoutDeveloperScreens } from './quiet';
import { COMPLAINT } from '../content-types';
import { installSecondFactorGate } from './second-factor/gate';
import { showSecondFactor } from './second-factor/SecondFactorScreen';
import { versionedSave, withConflictPanel } from './concurrency';

export default {
  config: {
    // Danish is the only language offered; see bootstrap for making it the default.
    locales: ['da'],
    // Strapi's own Danish files are incomplete: fill the gaps (scripts/translations/missing-da.mjs).
    translations: { da },
    // The home page is the advisor's: no tutorials or release notes from Strapi.
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The second factor after Strapi's login: a refused request waits for it, then goes through.
    installSecondFactorGate(showSecondFactor);
    // Labelled choices and complaint themes (server side: src/custom-fields).
    registerCustomFields(app);
    // Reports (R17–R19): statistics, CSV, annual report and half-year status.
    app.addMenuLink({
      to: 'rapporter',
      icon: PresentationChart,
      intlLabel: { id: 'borgerraadgiver.reports.menu', defaultMessage: 'Rapporter' },
      permissions: [],
      position: 3,
      Component: () => import('./reports/ReportsRoutes'),
    });
    // Finding cases: Danish full-text search over everything written in them, with filters.
    app.addMenuLink({
      to: 'soeg',
      icon: Search,
      intlLabel: { id: 'borgerraadgiver.search.menu', defaultMessage: 'Søg i sager' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: COMPLAINT }],
      position: 2,
      Component: () => import('./search/SearchPage'),
    });
    // Retention: closed cases due for anonymisation, postponement with a reason.
    app.addMenuLink({
      to: 'anonymisering',
      icon: Trash,
      intlLabel: { id: 'borgerraadgiver.privacy.menu', defaultMessage: 'Sager til anonymisering' },
      permissions: [{ action: 'plugin::content-manager.explorer.update', subject: COMPLAINT }],
      position: 4,
      Component: () => import('./privacy/RetentionPage'),
    });
    // Import of the old register (.xlsx or CSV), for the advisor (the routes check her role).
    app.addMenuLink({
      to: 'import',
      icon: Upload,
      intlLabel: { id: 'borgerraadgiver.import.menu', defaultMessage: 'Import af tidligere sager' },
      permissions: [{ action: 'plugin::content-manager.explorer.create', subject: COMPLAINT }],
      position: 5,
      Component: () => import('./import/ImportPage'),
    });
    // Homepage: overdue statements, deadlines of the coming week, ongoing-status alerts.
    app.widgets.register({
      id: 'statement-deadlines',
      icon: Clock,
      title: { id: 'borgerraadgiver.reports.widget', defaultMessage: 'Frister for redegørelser' },
      link: { label: { id: 'borgerraadgiver.reports.widget.link', defaultMessage: 'Se rapporter' }, href: '/rapporter' },
      component: () => import('./reports/DeadlinesWidget').then((module) => module.default),
    });
    registerFailedDeliveriesWidget(app);
    // Homepage: Ikke tilknyttet post and the latest e-mails from the advisor's inbox.
    registerInboxWidget(app);
    registerWorkspace(app);
    // No developer screens in production (marketplace, content-type builder): see quiet.ts.
    app.addRBACMiddleware(withoutDeveloperScreens as never);
  },
  bootstrap(app: StrapiApp) {
    // On a case: the citizen's access request (art. 15) and early erasure (art. 17).
    (app.getPlugin('content-manager').apis as any).addDocumentAction((actions: unknown[]) => [...actions, AccessRequestAction, AnonymiseAction]);
    // The case journal beside the complaint's form (who did what, who saw it, CSV).
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel([CaseTimelinePanel, InboundMailPanel]);
    bootstrapWorkspace(app);
    // Settings → Totrinsbekræftelse: one's own app and recovery codes; an administrator's reset of another's.
    app.addSettingsLink('global', {
      id: 'second-factor',
      to: 'totrinsbekraeftelse',
      intlLabel: { id: 'borgerraadgiver.second-factor.settings', defaultMessage: 'Totrinsbekræftelse' },
      permissions: [],
      Component: () => import('./second-factor/SettingsPage'),
    });
    // The save of case data sends the version it was based on; a refusal (409) keeps what was typed.
    (app.getPlugin('content-manager').apis as any).addDocumentAction(versionedSave);
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel(withConflictPanel);
    (app.getPlugin('content-manager').apis as any).addDocumentAction(withoutDeveloperHeaderActions);
    // The admin falls back to English unless a language was chosen: choose Danish for new browsers.
    if (!window.localStorage.getItem('strapi-admin-language')) {
      window.localStorage.setItem('strapi-admin-language', 'da');
    }
    void quietBrowserDefaults();
  },
};
