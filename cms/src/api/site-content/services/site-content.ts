import type { FactoryArgs } from '../../../strapi-types';
import { SITE_CONTENT as UID } from '../../../content-types';

const INTERNAL = ['id', 'documentId', 'createdAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'];

export default ({ strapi }: FactoryArgs) => ({
  /** The texts without internal fields; null before the first seed. */
  async getPublic(): Promise<Record<string, unknown> | null> {
    const doc = await strapi.documents(UID).findFirst({});
    if (!doc) return null;
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc)) if (!INTERNAL.includes(key)) result[key] = value;
    return result;
  },
});
