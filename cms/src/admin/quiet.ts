/**
 * No developer screens for the office: what Strapi shows a developer setting up a project (the
 * guided tour and its tasks, the media library's announcement, the marketplace, the content-type
 * builder, the edit view's links to it) is out of sight in a production build. Through Strapi's
 * own extension points: an RBAC middleware withholds the developer permissions from the menu and
 * pages (the server keeps its own checks, and the content-type builder's writes are refused outside
 * development anyway), a document-action filter drops the edit view's links, and the browser's
 * stored preferences of the tour and the banner start as "done". Preview and the documentation
 * links are off in config/admin.ts, the tutorials and release notes in app.tsx.
 */
import { getFetchClient } from '@strapi/strapi/admin';

/** Permissions that open developer screens. */
export const DEVELOPER_ACTIONS = ['admin::marketplace.read', 'plugin::content-type-builder.read'];

interface Permission {
  action: string;
}

/** For app.addRBACMiddleware: in production, no one "has" a developer permission. */
export const withoutDeveloperScreens = () => (next: (permissions: Permission[]) => Promise<Permission[]>) => (permissions: Permission[]) =>
  next(process.env.NODE_ENV === 'production' ? permissions.filter((permission) => !DEVELOPER_ACTIONS.includes(permission.action)) : permissions);

/**
 * The edit view's header actions that lead to developer screens: the content-type builder
 * ("Redigér modellen") and the view's layout ("Konfigurér visning"), which is the code's
 * (admin-layout.ts) and set again at its next version. For the content manager's addDocumentAction:
 * they are document actions placed in the header.
 */
const DEVELOPER_HEADER_ACTIONS = ['edit-the-model', 'configure-the-view'];
export const withoutDeveloperHeaderActions = <Action extends { type?: string }>(actions: Action[]) =>
  process.env.NODE_ENV === 'production' ? actions.filter((action) => !DEVELOPER_HEADER_ACTIONS.includes(action.type ?? '')) : actions;

/** The guided tour's stored state (STRAPI_GUIDED_TOUR): switched off unless a user turned it on. */
const GUIDED_TOUR = 'STRAPI_GUIDED_TOUR';

/**
 * The browser's first visit starts with the tour off and the media library's announcement
 * dismissed (its key is scoped by the instance's uuid from the public /admin/init).
 */
export async function quietBrowserDefaults(storage: Storage = window.localStorage) {
  if (!storage.getItem(GUIDED_TOUR)) storage.setItem(GUIDED_TOUR, JSON.stringify({ enabled: false, hidden: true, completedActions: [] }));
  try {
    const { data } = await getFetchClient().get<{ data?: { uuid?: unknown } }>('/admin/init');
    const uuid = data.data?.uuid;
    for (const legacy of [true, false]) {
      const key = `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`;
      if (!storage.getItem(key)) storage.setItem(key, 'true');
    }
  } catch {
    // Offline or not yet started: the banner can still be closed by hand.
  }
}
