/** The edit view's form values, as a refused save keeps them and a new save sends them; no React. */
export type Values = Record<string, unknown>;

/** Form values as the content manager sends them (a relation's choices carry their API data). */
export function toApiData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toApiData);
  if (value && typeof value === 'object') {
    if ('apiData' in value) return (value as { apiData: unknown }).apiData;
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toApiData(child)]));
  }
  return value;
}

/** The typed edits (what differs from the version they were based on) on top of the current version. */
export function applyEdits(current: Values, loaded: Values, typed: Values): Values {
  const edited = Object.keys(typed).filter((field) => JSON.stringify(typed[field]) !== JSON.stringify(loaded[field]));
  return { ...current, ...Object.fromEntries(edited.map((field) => [field, typed[field]])) };
}
