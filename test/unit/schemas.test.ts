import { apiSchemas } from '../helpers/schemas';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Strapi checks `unique: true` with a query inside a yup test, and yup 0.32 drops that test's
// rejection: a save during a database outage never answers. Unique values are unique indexes.
test.each(apiSchemas())('$uid declares no unique attribute; its unique indexes name its columns', ({ schema }) => {
  expect(Object.entries(schema.attributes).filter(([, attribute]) => attribute.unique)).toEqual([]);
  const columns = new Set(Object.keys(schema.attributes).map(snake));
  for (const index of schema.indexes ?? [])
    for (const column of index.columns) expect({ index: index.name, column, exists: columns.has(column) }).toMatchObject({ exists: true });
});
