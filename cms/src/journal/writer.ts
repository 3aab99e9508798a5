/**
 * The only writer of the case journal. Events are appended with the query engine inside the
 * caller's transaction (a rolled-back write leaves no event). Everything else is refused:
 * the Document Service (admin panel, content-manager and REST APIs, scripts) by the journal's
 * middleware guard, and the query engine by the lifecycle guard below, so that even code calling
 * strapi.db.query(CASE_EVENT) can neither change nor delete an event, nor add
 * one outside this module.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_STRING_LENGTH } from '@borgerraadgiver/config';
import type { Knex } from 'knex';
import { currentActor } from './actor';
import { processWide } from '../utils/process-wide';
import { linkToOne } from '../db/links';
import { CASE_EVENT, type Actor, type Changes, type EventKind, type SubjectType } from './model';

export const REFUSED_MESSAGE = 'Sagens journal skrives kun af systemet. Hændelser kan ikke oprettes, ændres eller slettes.';

export interface NewEvent {
  kind: EventKind;
  /** The case (complaint id); null for what concerns no case, e.g. a general opinion. */
  complaintId: number | null;
  caseNumber?: string | null;
  summary: string;
  changes?: Changes | null;
  subjectType?: SubjectType | null;
  subjectDocumentId?: string | null;
  /** Defaults to the current actor (see actor.ts). */
  actor?: Actor;
  /** Defaults to now. */
  at?: Date;
  /** A unique key: a second event with the same key is dropped (see appendOnce). */
  dedupeKey?: string | null;
}

/**
 * The 403 for any write of the journal. A PolicyError, because Strapi's router turns every other
 * ForbiddenError thrown behind a route into a bare "Forbidden" and the user would not learn why.
 */
export function refusal() {
  return new errors.PolicyError(REFUSED_MESSAGE, { policy: 'case-journal' });
}

// One store per process (see processWide): tests import the source while Strapi runs the build.
const writing = processWide('journal.writing', () => new AsyncLocalStorage<true>());
const uid = CASE_EVENT as UID.ContentType;

function row(event: NewEvent, actor: Actor, at: Date) {
  return {
    complaint: event.complaintId,
    caseNumber: event.caseNumber ?? null,
    at: (event.at ?? at).toISOString(),
    actorType: (event.actor ?? actor).type,
    actorName: (event.actor ?? actor).name.slice(0, MAX_STRING_LENGTH),
    actorId: (event.actor ?? actor).id ?? null,
    kind: event.kind,
    changes: event.changes && Object.keys(event.changes).length ? event.changes : null,
    summary: event.summary.slice(0, 1000),
    subjectType: event.subjectType ?? null,
    subjectDocumentId: event.subjectDocumentId ?? null,
    dedupeKey: event.dedupeKey ?? null,
  };
}

/** Appends events in the current transaction (if any). Instants are UTC. */
export async function appendEvents(strapi: Core.Strapi, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const actor = currentActor(strapi);
  const now = new Date();
  await writing.run(true, async () => {
    for (const event of events) await strapi.db.query(uid).create({ data: row(event, actor, now) });
  });
}

/**
 * appendEvents for many events at once (an import's batch), in the caller's transaction `trx`:
 * the same rows, one insert for the events and one for their links to the cases.
 */
export async function appendEventsInBulk(strapi: Core.Strapi, trx: Knex.Transaction, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const actor = currentActor(strapi);
  const now = new Date();
  const rows = events.map((event) => row(event, actor, now));
  const { ids } = await writing.run(true, () => strapi.db.query(uid).createMany({ data: rows.map(({ complaint: _complaint, ...fields }) => fields) }));
  const links = rows.flatMap(({ complaint }, i): [number, number][] => (complaint === null ? [] : [[Number(ids[i]), complaint]]));
  await linkToOne(strapi, trx, CASE_EVENT, 'complaint', links);
}

function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|duplicate key/i.test(message ?? '');
}

/**
 * Appends one event unless an event with its dedupeKey exists (also when two instances race:
 * the unique index decides). Returns whether it was written. Call outside a transaction: on
 * PostgreSQL a refused insert would abort the caller's transaction.
 */
export async function appendOnce(strapi: Core.Strapi, event: NewEvent & { dedupeKey: string }): Promise<boolean> {
  const existing = await strapi.db.query(uid).findOne({ where: { dedupeKey: event.dedupeKey }, select: ['id'] });
  if (existing) return false;
  try {
    await appendEvents(strapi, [event]);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Refuses every write of the query engine on the journal except appendEvents' (and appendEventsInBulk's) own inserts. */
export function guardJournalQueries(strapi: Core.Strapi) {
  const refuse = () => {
    throw refusal();
  };
  const refuseOutsideWriter = () => {
    if (!writing.getStore()) refuse();
  };
  strapi.db.lifecycles.subscribe({
    models: [CASE_EVENT],
    beforeCreate: refuseOutsideWriter,
    beforeCreateMany: refuseOutsideWriter,
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
}
