/**
 * Danish labels of every choice, from the one vocabulary in config (the schemas store its keys).
 * A field names its list in the custom field's options; a list of keys alone (a filter's options)
 * is matched by its exact set of keys.
 */
import { choiceLists, perspectives } from '../../../../config/src/vocabulary';

type Labels = Record<string, string>;

const lists = choiceLists as unknown as Record<string, Labels>;
const keySet = (keys: readonly string[]) => [...keys].sort().join('|');
const listByKeys = new Map(Object.values(lists).map((labels) => [keySet(Object.keys(labels)), labels]));

/** The labels of a schema attribute: its named list, or the list with exactly its keys. */
export function labelsFor(attribute: { enum?: readonly string[]; options?: { choices?: string } } | undefined): Labels | null {
  if (!attribute) return null;
  const named = attribute.options?.choices;
  if (named && lists[named]) return lists[named];
  return attribute.enum ? (listByKeys.get(keySet(attribute.enum)) ?? null) : null;
}

/** The labels of a set of stored keys, e.g. a filter's options. */
export const labelsForKeys = (keys: readonly string[]): Labels | null => listByKeys.get(keySet(keys)) ?? null;

export { choiceLists, perspectives };
