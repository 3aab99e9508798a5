/**
 * The admin side of the app's custom fields (server side: cms/src/custom-fields).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { BulletList } from '@strapi/icons';

export function registerCustomFields(app: StrapiApp) {
  app.customFields.register([
    {
      name: 'choice',
      type: 'enumeration',
      intlLabel: { id: 'borgerraadgiver.choice.label', defaultMessage: 'Valg med danske betegnelser' },
      intlDescription: { id: 'borgerraadgiver.choice.description', defaultMessage: 'Gemmer nøglen, viser betegnelsen fra ordforrådet i config.' },
      components: { Input: async () => import('../workspace/ChoiceInput') as any },
    },
    {
      name: 'complaint-themes',
      type: 'json',
      icon: BulletList,
      intlLabel: { id: 'borgerraadgiver.complaint-themes.label', defaultMessage: 'Klagetemaer' },
      intlDescription: { id: 'borgerraadgiver.complaint-themes.description', defaultMessage: 'Et eller flere temaer fra listen i config' },
      components: { Input: async () => import('./ComplaintThemesInput') as any },
    },
  ]);
}
