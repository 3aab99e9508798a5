/**
 * The admin side of the app's custom fields (server side: cms/src/custom-fields), and the input
 * of Strapi's own long text, which grows with its text (LongTextInput).
 */
import type { StrapiApp } from '@strapi/strapi/admin';
import { BulletList } from '@strapi/icons';
import { LongTextInput } from './LongTextInput';

export function registerCustomFields(app: StrapiApp) {
  // Strapi types the component's props as {}; the edit view passes an input's props (name, label, hint, …).
  app.addFields({ type: 'text', Component: LongTextInput as never });
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
