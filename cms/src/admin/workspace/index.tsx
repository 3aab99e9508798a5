/**
 * The advisor's workspace in the admin panel, through Strapi's own extension points: the case
 * page's side panels (next steps, overview), the save that keeps refused
 * edits, labelled list columns and filters, and a home page of the advisor's own widgets.
 */
import * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Folder, Link as LinkIcon, Plus } from '@strapi/icons';
import { keepEditsOnRefusal } from './keepEdits';
import { ListResetNotice, listRecoveryMiddleware, UnlistedFilterNotice } from './listRecovery';
import { labelColumns, labelFilters } from './listView';
import { NextSteps } from './NextSteps';
import { CaseOverview } from './CaseOverviewPanel';
import { SimilarCases } from '../search/SimilarCases';
import { casePagePrefetch, COMPLAINT } from './useCase';
import { INTAKE_PATH } from './views';

const NextStepsPanel: PanelComponent = ({ model, documentId, document }) =>
  model === COMPLAINT && documentId
    ? { title: 'Næste skridt', content: <NextSteps documentId={documentId} version={String(document?.updatedAt ?? '')} /> }
    : null;

const CaseOverviewPanel: PanelComponent = ({ model, documentId, document }) =>
  model === COMPLAINT && documentId
    ? { title: 'Sagens overblik', content: <CaseOverview documentId={documentId} version={String(document?.updatedAt ?? '')} /> }
    : null;

const SimilarCasesPanel: PanelComponent = ({ model, documentId, document }) =>
  model === COMPLAINT && documentId
    ? { title: 'Lignende sager', content: <SimilarCases documentId={documentId} version={String(document?.updatedAt ?? '')} /> }
    : null;

/** Widgets of this app (no pluginId); Strapi's generic ones belong to its plugins. */
const ownWidget = (widget: { pluginId?: string }) => !widget.pluginId;

export function registerWorkspace(app: StrapiApp) {
  const contentManager = app.getPlugin('content-manager').apis as any;
  contentManager.addEditViewSidePanel([NextStepsPanel, CaseOverviewPanel, SimilarCasesPanel]);
  contentManager.addDocumentAction(keepEditsOnRefusal);

  // "Indhold" opens the cases (the content manager would open the first type by name).
  const content = app.router.menu.find((link) => link.to === 'content-manager');
  if (content) content.to = `content-manager/collection-types/${COMPLAINT}`;

  // A list whose remembered view the server refuses opens again with its defaults; a case page's
  // panels load beside its document.
  app.addMiddlewares([listRecoveryMiddleware as never, casePagePrefetch as never]);

  // "Ny henvendelse": the advisor's own intake, from the menu and the home page.
  app.addMenuLink({
    to: INTAKE_PATH,
    icon: Plus,
    intlLabel: { id: 'borgerraadgiver.intake.menu', defaultMessage: 'Ny henvendelse' },
    permissions: [{ action: 'plugin::content-manager.explorer.create', subject: COMPLAINT }],
    position: 1,
    Component: () => import('./IntakePage'),
  });

  app.widgets.register((widgets: any[]) => widgets.filter(ownWidget));
  app.widgets.register([
    {
      id: 'new-inquiry',
      icon: Plus,
      title: { id: 'borgerraadgiver.widget.newInquiry', defaultMessage: 'Ny henvendelse' },
      component: () => import('./HomeWidgets').then((module) => module.NewInquiryWidget),
      permissions: [{ action: 'plugin::content-manager.explorer.create', subject: COMPLAINT }],
    },
    {
      id: 'open-cases',
      icon: Folder,
      title: { id: 'borgerraadgiver.widget.openCases', defaultMessage: 'Åbne sager efter status' },
      component: () => import('./HomeWidgets').then((module) => module.OpenCasesWidget),
    },
    {
      id: 'shortcuts',
      icon: LinkIcon,
      title: { id: 'borgerraadgiver.widget.shortcuts', defaultMessage: 'Genveje' },
      component: () => import('./HomeWidgets').then((module) => module.ShortcutsWidget),
    },
  ]);
}

export function bootstrapWorkspace(app: StrapiApp) {
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelColumns);
  app.registerHook('Admin/CM/pages/ListView/inject-in-filters', labelFilters);
  app.getPlugin('content-manager').injectComponent('listView', 'actions', { name: 'list-reset-notice', Component: ListResetNotice });
  app.getPlugin('content-manager').injectComponent('listView', 'actions', { name: 'unlisted-filter-notice', Component: UnlistedFilterNotice });
}
