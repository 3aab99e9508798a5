/**
 * What a write changed, as the journal records it. Plain TypeScript over a content type's
 * attribute definitions (as in its schema.json) and two stored rows; no Strapi import.
 *
 * Values are recorded for structured fields only (choices, yes/no, numbers, dates, instants and
 * relations). Free text and the citizen's identity and contact fields are recorded as changed,
 * without their values: they may name or describe the citizen, and an anonymisation must be
 * complete by changing the case rows alone.
 */
import { citizenIdentityFields } from '../rules/personal-data';
import type { ChangeValue, Changes, RelationValue } from './model';

export interface AttributeDefinition {
  type: string;
  customField?: string;
  relation?: string;
  mappedBy?: string;
  private?: boolean;
  /** A relation's target content type. */
  target?: string;
  /** Strapi's virtual relations (`localizations`) hold nothing. */
  unstable_virtual?: boolean;
  /** Whether the search reads a text field (false to leave it out). */
  searchable?: boolean;
}
export type Attributes = Record<string, AttributeDefinition>;
type Row = Record<string, unknown>;

const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
/** Derived alongside journaled values: the due date's explanation follows the due date, a heading names its row (rules/headings). */
const DERIVED_TEXT = new Set(['dueAtExplanation', 'heading']);
const VALUE_TYPES = new Set(['enumeration', 'boolean', 'integer', 'biginteger', 'float', 'decimal', 'date', 'datetime', 'time']);
/** Labels of related documents that are safe to copy (names of municipal units, case numbers). */
const RELATION_LABELS = ['name', 'caseNumber'];

function isOwnedToOne(attribute: AttributeDefinition): boolean {
  return attribute.type === 'relation' && !attribute.mappedBy && (attribute.relation === 'manyToOne' || attribute.relation === 'oneToOne');
}

/** The fields a content type's events speak about, in schema order. */
export function journaledFields(attributes: Attributes): string[] {
  return Object.entries(attributes)
    .filter(([name, attribute]) => !SYSTEM_FIELDS.has(name) && !DERIVED_TEXT.has(name) && !attribute.private)
    .filter(([, attribute]) => attribute.type !== 'relation' || isOwnedToOne(attribute))
    .filter(([, attribute]) => !['component', 'dynamiczone', 'media'].includes(attribute.type))
    .map(([name]) => name);
}

/** The owning to-one relations, which must be populated in the rows given to diffRows. */
export function relationFields(attributes: Attributes): string[] {
  return Object.entries(attributes)
    .filter(([name, attribute]) => !SYSTEM_FIELDS.has(name) && isOwnedToOne(attribute))
    .map(([name]) => name);
}

/** The stored type: a labelled choice (custom field `global::choice`) is an enumeration, in schema.json as at runtime. */
const storedType = (attribute: AttributeDefinition) => (attribute.customField === 'global::choice' ? 'enumeration' : attribute.type);

export function isRedacted(name: string, attribute: AttributeDefinition): boolean {
  return (citizenIdentityFields as readonly string[]).includes(name) || (attribute.type !== 'relation' && !VALUE_TYPES.has(storedType(attribute)));
}

function relationValue(value: unknown): RelationValue {
  if (!value || typeof value !== 'object') return null;
  const related = value as Row;
  if (typeof related.documentId !== 'string') return null;
  const label = RELATION_LABELS.map((key) => related[key]).find((candidate) => typeof candidate === 'string');
  return label ? { documentId: related.documentId, label } : { documentId: related.documentId };
}

/** A stored value as the journal records it (instants as UTC ISO strings, dates as YYYY-MM-DD). */
export function recordedValue(attribute: AttributeDefinition, value: unknown): ChangeValue {
  if (attribute.type === 'relation') return relationValue(value);
  if (value === null || value === undefined || value === '') return null;
  if (attribute.type === 'datetime') return new Date(value as string).toISOString();
  if (attribute.type === 'date') return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (attribute.type === 'boolean') return Boolean(value);
  if (['integer', 'biginteger', 'float', 'decimal'].includes(attribute.type)) return Number(value);
  return value as ChangeValue;
}

const sameRecorded = (a: ChangeValue, b: ChangeValue) => (a && b && typeof a === 'object' && typeof b === 'object' ? a.documentId === b.documentId : a === b);

/** A boolean left unset reads as false: unset → false is no change. */
const normalised = (attribute: AttributeDefinition, value: ChangeValue) => (attribute.type === 'boolean' && value === null ? false : value);

/**
 * The changes from `before` to `after` (stored rows, owning to-one relations populated).
 * With `before` null (a creation) only the fields that have a value are listed. `written` limits
 * the comparison to the fields the write set, so that a concurrent write's committed change is
 * not attributed to this one.
 */
export function diffRows(attributes: Attributes, before: Row | null, after: Row, written?: readonly string[]): Changes {
  const changes: Changes = {};
  for (const name of journaledFields(attributes)) {
    if (written && !written.includes(name)) continue;
    const attribute = attributes[name];
    const from = normalised(attribute, before ? recordedValue(attribute, before[name]) : null);
    const to = normalised(attribute, recordedValue(attribute, after[name]));
    if (sameRecorded(from, to)) continue;
    if (isRedacted(name, attribute)) {
      if (before) changes[name] = { changed: true };
      continue;
    }
    if (!before && (to === null || to === false)) continue;
    changes[name] = { from: before ? from : null, to };
  }
  return changes;
}

/** Splits changes into those named in `fields` and the rest. */
export function partition(changes: Changes, fields: readonly string[]): [Changes, Changes] {
  const picked: Changes = {};
  const rest: Changes = {};
  for (const [name, change] of Object.entries(changes)) (fields.includes(name) ? picked : rest)[name] = change;
  return [picked, rest];
}
