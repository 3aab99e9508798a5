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
        edit: editRows(configuration.layouts.edit, layout.hidden ?? [], layout.wide ?? []),
      },
    });
  }
  await store.set({ value: LAYOUT_VERSION });
}

type EditRow = { name: string; size: number }[];

/** Strapi's edit rows without the hidden fields, each wide field alone in a full-width row. */
function editRows(rows: EditRow[], hidden: string[], wide: string[]): EditRow[] {
  return rows
    .flatMap((row) => {
      const split: EditRow[] = [[]];
      for (const field of row.filter(({ name }) => !hidden.includes(name))) {
        if (wide.includes(field.name)) split.push([{ ...field, size: 12 }], []);
        else split[split.length - 1].push(field);
      }
      return split;
    })
    .filter((row) => row.length);
}
