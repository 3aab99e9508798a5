import type { StrapiApp } from '@strapi/strapi/admin';
import { Message } from '@strapi/icons';
import { InboundMailPanel } from './MailPanel';

/** The homepage widget of incoming e-mail; registered from app.tsx. */
export function registerInboxWidget(app: StrapiApp) {
  app.widgets.register({
    id: 'inbox',
    icon: Message,
    title: { id: 'borgerraadgiver.inbox.widget', defaultMessage: 'Indgående e-mail' },
    component: () => import('./InboxWidget').then((module) => module.default),
  });
}

export { InboundMailPanel };
