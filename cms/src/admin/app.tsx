import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, PresentationChart } from '@strapi/icons';
import da from './translations/da.json';

export default {
  config: {
    // Danish is the only language offered; see bootstrap for making it the default.
    locales: ['da'],
    // Strapi's own Danish files are incomplete: fill the gaps (scripts/translations/missing-da.mjs).
    translations: { da },
  },
  register(app: StrapiApp) {
    // Reports (R17–R19): statistics, CSV, annual report and half-year status.
    app.addMenuLink({
      to: 'rapporter',
      icon: PresentationChart,
      intlLabel: { id: 'borgerraadgiver.reports.menu', defaultMessage: 'Rapporter' },
      permissions: [],
      position: 3,
      Component: () => import('./reports/ReportsPage'),
    });
    // Homepage: overdue statements, deadlines of the coming week, ongoing-status alerts.
    app.widgets.register({
      id: 'statement-deadlines',
      icon: Clock,
      title: { id: 'borgerraadgiver.reports.widget', defaultMessage: 'Frister for redegørelser' },
      link: { label: { id: 'borgerraadgiver.reports.widget.link', defaultMessage: 'Se rapporter' }, href: '/rapporter' },
      component: () => import('./reports/DeadlinesWidget').then((module) => module.default),
    });
  },
  bootstrap(_app: StrapiApp) {
    // The admin falls back to English unless a language was chosen: choose Danish for new browsers.
    if (!window.localStorage.getItem('strapi-admin-language')) {
      window.localStorage.setItem('strapi-admin-language', 'da');
    }
  },
};
