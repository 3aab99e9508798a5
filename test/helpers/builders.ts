/**
 * Data builders for the integration tests: centers, cases, statement requests and opinions created
 * through the Document Service (as a script would, so the case rules and the journal apply), with
 * defaults that pass the case rules and `overrides` for what a test cares about. Each returns the
 * stored document.
 */
import type { UID } from '@strapi/strapi';
import { CENTER, COMPLAINT, OPINION, STATEMENT_REQUEST } from '../../cms/src/content-types';
import { withNulls, type DocumentInput } from '../../cms/src/strapi-types';
import type { TestStrapi } from './strapi';

/** Fields of a document to set instead of the builder's defaults; null clears a default. */
export type Overrides<U extends UID.ContentType> = { [K in keyof DocumentInput<U>]?: DocumentInput<U>[K] | null };

const DAY = 86400000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/** Numbers the centers of a test file, so each gets its own name and addresses (names are unique). */
let centers = 0;

/**
 * The stored document as the Document Service returns it, with the row id it has in this app's
 * databases (Strapi types it as number or string), checked rather than cast.
 */
function stored<T extends { id?: unknown }>(document: T): T & { id: number } {
  if (typeof document.id !== 'number') throw new Error(`Expected a stored document with a numeric id, got ${JSON.stringify(document.id)}.`);
  return document as T & { id: number };
}

export function builders(app: TestStrapi) {
  const docs = <U extends UID.ContentType>(uid: U) => app.strapi.documents(uid);

  /** A center with a leader's and a chief's e-mail address. */
  async function center(overrides: Overrides<typeof CENTER> = {}) {
    const n = ++centers;
    return stored(
      await docs(CENTER).create({
        data: withNulls(CENTER, { name: `Center for Test ${n}`, email: `leder.${n}@example.org`, chiefEmail: `chef.${n}@example.org`, ...overrides }),
      }),
    );
  }

  let theDefaultCenter: ReturnType<typeof center> | undefined;
  /**
   * The center a case gets when the test names none: created on first use. A test that needs to
   * know it passes its fields before the first case (passing them once it exists is an error).
   */
  function defaultCenter(overrides?: Overrides<typeof CENTER>) {
    if (theDefaultCenter && overrides) throw new Error('The default center exists already: pass its fields before the first case.');
    return (theDefaultCenter ??= center(overrides));
  }

  /**
   * A described complaint from a named citizen about a decision 30 days ago, in the default center,
   * which has had the opportunity to respond (so it can be investigated and a statement requested).
   */
  async function complaint(overrides: Overrides<typeof COMPLAINT> = {}) {
    const centerId = overrides.center === undefined ? (await defaultCenter()).documentId : undefined;
    const created = await docs(COMPLAINT).create({
      data: withNulls(COMPLAINT, {
        description: 'Sagen blev ikke behandlet.',
        category: 'sagsbehandling',
        eventDate: daysAgo(30),
        identity: 'named',
        centerHadOpportunity: true,
        ...(centerId ? { center: centerId } : {}),
        ...overrides,
      }),
    });
    // The case number is given on registration.
    if (!created.caseNumber) throw new Error('The stored case has no case number.');
    return { ...stored(created), caseNumber: created.caseNumber };
  }

  /** A request to the case's center for a written statement, as a script sends it (no admin user). */
  async function statementRequest(of: { documentId: string }, overrides: Overrides<typeof STATEMENT_REQUEST> = {}) {
    return stored(
      await docs(STATEMENT_REQUEST).create({
        data: withNulls(STATEMENT_REQUEST, { complaint: of.documentId, questions: 'Redegør for sagsforløbet.', ...overrides }),
      }),
    );
  }

  /**
   * An opinion in the case (a case to be investigated), with a perspective and a reasoning; with
   * `null` for the case, a general opinion addressed to the chief executive.
   */
  async function opinion(of: { documentId: string } | null, overrides: Overrides<typeof OPINION> = {}) {
    const about = of ? { kind: 'case' as const, complaint: of.documentId } : { kind: 'general' as const, addressedTo: 'Kommunaldirektøren' };
    return stored(
      await docs(OPINION).create({
        data: withNulls(OPINION, {
          ...about,
          outcome: 'henstilling',
          legalPerspective: 'Forvaltningsloven § 7.',
          reasoning: 'Vejledningen var mangelfuld.',
          ...overrides,
        }),
      }),
    );
  }

  return { center, defaultCenter, complaint, statementRequest, opinion };
}

export type Builders = ReturnType<typeof builders>;
