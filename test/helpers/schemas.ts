import fs from 'fs';
import path from 'path';

export interface SchemaAttribute {
  type?: string;
  unique?: boolean;
  options?: { choices?: string };
  [key: string]: unknown;
}

export interface ContentTypeSchema {
  collectionName: string;
  attributes: Record<string, SchemaAttribute>;
  indexes?: { name: string; columns: string[]; type?: string }[];
}

const apiDir = path.join(__dirname, '../../cms/src/api');

/** Every content type's schema.json under cms/src/api, read as data. */
export function apiSchemas(): { uid: string; schema: ContentTypeSchema }[] {
  return fs
    .readdirSync(apiDir)
    .flatMap((api) => {
      const dir = path.join(apiDir, api, 'content-types');
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => ({ uid: `api::${api}.${name}`, file: path.join(dir, name, 'schema.json') })) : [];
    })
    .map(({ uid, file }) => ({ uid, schema: JSON.parse(fs.readFileSync(file, 'utf8')) as ContentTypeSchema }));
}
