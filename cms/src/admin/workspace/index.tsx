/**
 * The advisor's workspace in the admin panel, through Strapi's own extension points: the case
 * page's side panels (next steps, overview), the save that keeps refused
 * edits, labelled list columns and filters, and a home page of the advisor's own widgets.
 */
import * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Folder, Link as LinkIcon } from '@strapi/icons';
import { keepEditsOnRefusal } from './keepEdits';
import { labelColumns, labelFilters } from './listView';
import { NextSteps } from './NextSteps';
import { CaseOverview } from './CaseOverviewPanel';
import { SimilarCases } from '../search/SimilarCases';
import { COMPLAINT } from './useCase';

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

  // The content-type builder changes nothing in production (schemas are files): out of sight there.
  if (process.env.NODE_ENV === 'production') {
    const builder = app.router.menu.findIndex((link) => link.to === 'plugins/content-type-builder');
    if (builder >= 0) app.router.menu.splice(builder, 1);
  }

  app.widgets.register((widgets: any[]) => widgets.filter(ownWidget));
  app.widgets.register([
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
}
