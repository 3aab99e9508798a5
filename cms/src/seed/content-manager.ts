import type { Core, UID } from '@strapi/strapi';
import { fieldLabelsByType } from '@borgerraadgiver/config';
import { LAYOUT_VERSION, layouts } from '../admin-layout';

/** Danish labels, list columns and read-only computed fields in the admin, applied once per layout version. */
export async function seedAdminLayouts(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'borgerraadgiver', key: 'admin-layout-version' });
  if (((await store.get()) as number | null) === LAYOUT_VERSION) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const [uid, layout] of Object.entries(layouts)) {
    const contentType = strapi.contentTypes[uid as UID.ContentType];
    if (!contentType) continue;
    const configuration = await contentTypes.findConfiguration(contentType);
    const metadatas = { ...configuration.metadatas };
    for (const [field, entry] of Object.entries(fieldLabelsByType[uid] ?? {})) {
      if (!metadatas[field]) continue;
      const [label, description] = Array.isArray(entry) ? entry : [entry, ''];
      metadatas[field] = {
        edit: { ...metadatas[field].edit, label, description, editable: !(layout.readOnly ?? []).includes(field) },
        list: { ...metadatas[field].list, label },
      };
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: { ...configuration.settings, mainField: layout.mainField, defaultSortBy: layout.sort[0], defaultSortOrder: layout.sort[1] },
      metadatas,
      layouts: {
        ...configuration.layouts,
        list: layout.list.filter((field) => metadatas[field]),
        edit: configuration.layouts.edit
          .map((row: { name: string }[]) => row.filter((field) => !(layout.hidden ?? []).includes(field.name)))
          .filter((row: unknown[]) => row.length),
      },
    });
  }
  await store.set({ value: LAYOUT_VERSION });
}
