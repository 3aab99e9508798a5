/** A reference to one related document as Strapi accepts it in `data`. */
export type RelationRef = { documentId: string } | { id: number };

/** True when submitted data would change a relation (the admin sends empty connect/disconnect when untouched). */
export function changesRelation(value: unknown): boolean {
  if (value === undefined) return false;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const input = value as Record<string, unknown>;
    return ['connect', 'disconnect', 'set'].some(
      (key) => key in input && (!Array.isArray(input[key]) || (input[key] as unknown[]).length > 0 || key === 'set'),
    );
  }
  return true;
}

/**
 * Reads the target of a to-one relation from submitted data, whatever form the caller used
 * (documentId, id, { connect }, { set }, { disconnect }). undefined means "unchanged".
 */
export function relationTarget(value: unknown): RelationRef | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return value ? { documentId: value } : null;
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? relationTarget(value[value.length - 1]) : null;
  if (typeof value === 'object') {
    const input = value as Record<string, unknown>;
    if (typeof input.documentId === 'string') return { documentId: input.documentId };
    if (typeof input.id === 'number') return { id: input.id };
    if (Array.isArray(input.set)) return relationTarget(input.set);
    const connect = Array.isArray(input.connect) ? input.connect : [];
    const disconnect = Array.isArray(input.disconnect) ? input.disconnect : [];
    if (connect.length) return relationTarget(connect);
    if (disconnect.length) return null;
  }
  return undefined;
}

/** The id of a populated relation of a stored row (`{ id, ... }`), undefined when it has none. */
export function storedId(value: unknown): number | undefined {
  return value && typeof value === 'object' && 'id' in value ? (value as { id: number }).id : undefined;
}
