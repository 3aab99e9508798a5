import type { StrapiApp } from '@strapi/strapi/admin';
import { Mail } from '@strapi/icons';

/** The homepage widget of failed deliveries; registered from app.tsx with one line. */
export function registerFailedDeliveriesWidget(app: StrapiApp) {
  app.widgets.register({
    id: 'failed-deliveries',
    icon: Mail,
    title: { id: 'borgerraadgiver.outbox.widget', defaultMessage: 'Mislykkede udsendelser' },
    component: () => import('./FailedDeliveriesWidget').then((module) => module.default),
  });
}
