/**
 * Direct database inserts for reporting tests and the benchmark: rows and link tables as
 * Strapi 5 stores them (SQLite: datetimes as epoch ms; PostgreSQL: UTC timestamps), without
 * the Document Service, its rules or lifecycle hooks. Only for fixtures.
 *
 * Cases get their journal as the journal's writer records it (cms/src/journal): a `created` event
 * with the initial status and a `status_changed` event for each later status, with closedAt set
 * on entering a closing status and cleared on leaving one; or, for a case from before the
 * journal, only the backfill's `created` event without changes.
 */
import crypto from 'crypto';
import type { Knex } from 'knex';
import { closedStatuses } from '../cms/src/rules/complaint-status';
import { sqlFor, type Sql } from '../cms/src/reports/db/dialect';

/** One status a case was given, and when. */
export interface StatusStep {
  status: string;
  at: Date;
}

export interface ComplaintFixture {
  center?: number | null;
  caseNumber?: string;
  receivedAt: Date;
  purpose?: string;
  channel?: string;
  category?: string | null;
  outOfScopeReason?: string | null;
  identity?: string;
  status?: string;
  firstActionAt?: Date | null;
  closedAt?: Date | null;
  themes?: string[] | null;
  handling?: string | null;
  citizenResult?: string | null;
  citizenName?: string | null;
  citizenEmail?: string | null;
  cvr?: string | null;
  institution?: number | null;
  referredTo?: string | null;
  dialogOutcome?: string | null;
  description?: string;
  /**
   * The statuses the case went through, the first at its creation (before the journal: the one it
   * had when the journal came, reached at `at`); the last should be `status`. Defaults to "modtaget"
   * at receipt, then `status` (unless "modtaget") at closure, else first action, else receipt; before
   * the journal to `status` alone.
   */
  history?: StatusStep[];
  /** Registered before the journal: the backfill's `created` event without changes, then `history` after its first step. */
  preJournal?: boolean;
}

export interface EventFixture {
  complaint: number;
  caseNumber?: string | null;
  kind: string;
  at: Date;
  changes?: Record<string, unknown> | null;
  summary?: string;
  dedupeKey?: string | null;
}

export interface MeetingFixture {
  heldAt: Date;
  role: string;
  complaint?: number | null;
}

export interface StatementFixture {
  center?: number | null;
  complaint?: number | null;
  requestedAt: Date;
  dueAt: Date;
  agreedDueAt?: Date | null;
  respondedAt?: Date | null;
  status?: string;
  questions?: string;
  responseText?: string | null;
}

export interface OpinionFixture {
  kind?: 'case' | 'general';
  outcome: string;
  issuedAt: Date;
  complaint?: number | null;
  center?: number | null;
  reasoning?: string | null;
}

export interface RecommendationFixture {
  opinion: number;
  text?: string;
  center?: number | null;
  followUpStatus?: string;
  followUpNote?: string | null;
  followedUpAt?: Date | null;
  caseReopened?: boolean;
}

export interface ImprovementFixture {
  kind: string;
  date: string;
  hours?: number | null;
  center?: number | null;
}

/** The status history a fixture stands for (see ComplaintFixture.history). */
function historyOf(f: ComplaintFixture): StatusStep[] {
  if (f.history) return f.history;
  const status = f.status ?? 'modtaget';
  if (f.preJournal) return [{ status, at: f.closedAt ?? f.receivedAt }];
  const steps: StatusStep[] = [{ status: 'modtaget', at: f.receivedAt }];
  if (status !== 'modtaget') steps.push({ status, at: f.closedAt ?? f.firstActionAt ?? f.receivedAt });
  return steps;
}

/** 24 characters starting with a letter, like Strapi's own (a leading digit reads as a numeric id where a relation is set by documentId). */
const documentId = () => `d${crypto.randomBytes(12).toString('hex').slice(0, 23)}`;

export class ReportFixtures {
  readonly sql: Sql;
  private readonly stamp: number | string;

  private readonly chunkSize: number;

  constructor(
    private readonly knex: Knex,
    chunkSize = 400,
  ) {
    this.sql = sqlFor(knex);
    // SQLite's multi-row insert is a compound SELECT, limited to 500 terms.
    this.chunkSize = this.sql.dialect === 'sqlite' ? Math.min(chunkSize, 400) : chunkSize;
    this.stamp = this.sql.instant(new Date());
  }

  private t = (date: Date | null | undefined) => (date ? this.sql.instant(date) : null);
  private bool = (value: boolean) => (this.sql.dialect === 'sqlite' ? (value ? 1 : 0) : value);
  private meta = () => ({ document_id: documentId(), created_at: this.stamp, updated_at: this.stamp, published_at: this.stamp });

  /** Inserts rows and returns their ids in order. */
  private async insert(table: string, rows: Record<string, unknown>[]): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += this.chunkSize) {
      const inserted = await this.knex(table)
        .insert(rows.slice(i, i + this.chunkSize))
        .returning('id');
      ids.push(...inserted.map((r: any) => Number(typeof r === 'object' ? r.id : r)));
    }
    return ids;
  }

  private async link(table: string, left: string, right: string, pairs: [number, number | null | undefined][]) {
    const rows = pairs.filter(([, r]) => r !== null && r !== undefined).map(([l, r]) => ({ [left]: l, [right]: r }));
    for (let i = 0; i < rows.length; i += this.chunkSize) await this.knex(table).insert(rows.slice(i, i + this.chunkSize));
  }

  async centers(names: string[]): Promise<number[]> {
    return this.insert(
      'centers',
      names.map((name, i) => ({ ...this.meta(), name, email: `center${i}@example.org` })),
    );
  }

  /** Institutions under their center: [name, center id]. */
  async institutions(list: [string, number | null][]): Promise<number[]> {
    const ids = await this.insert(
      'institutions',
      list.map(([name]) => ({ ...this.meta(), name })),
    );
    await this.link(
      'institutions_center_lnk',
      'institution_id',
      'center_id',
      ids.map((id, i) => [id, list[i][1]]),
    );
    return ids;
  }

  async meetings(fixtures: MeetingFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'meetings',
      fixtures.map((f) => ({ ...this.meta(), held_at: this.t(f.heldAt), role: f.role })),
    );
    await this.link(
      'meetings_complaint_lnk',
      'meeting_id',
      'complaint_id',
      ids.map((id, i) => [id, fixtures[i].complaint]),
    );
    return ids;
  }

  async closingDay(date: string, name: string, active: boolean) {
    await this.insert('closing_days', [{ ...this.meta(), date, name, active: this.bool(active) }]);
  }

  async complaints(fixtures: ComplaintFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'complaints',
      fixtures.map((f) => ({
        ...this.meta(),
        case_number: f.caseNumber ?? null,
        received_at: this.t(f.receivedAt),
        purpose: f.purpose ?? 'klage',
        channel: f.channel ?? 'web',
        category: f.category ?? null,
        out_of_scope_reason: f.outOfScopeReason ?? null,
        identity: f.identity ?? 'named',
        case_status: f.status ?? 'modtaget',
        complainant_kind: 'citizen',
        description: f.description ?? 'Testhenvendelse',
        first_action_at: this.t(f.firstActionAt),
        closed_at: this.t(f.closedAt),
        complaint_themes: f.themes ? JSON.stringify(f.themes) : null,
        handling: f.handling ?? null,
        citizen_result: f.citizenResult ?? null,
        citizen_name: f.citizenName ?? null,
        citizen_email: f.citizenEmail ?? null,
        cvr: f.cvr ?? null,
        referred_to: f.referredTo ?? null,
        dialog_outcome: f.dialogOutcome ?? null,
      })),
    );
    await this.link(
      'complaints_center_lnk',
      'complaint_id',
      'center_id',
      ids.map((id, i) => [id, fixtures[i].center]),
    );
    await this.link(
      'complaints_institution_lnk',
      'complaint_id',
      'institution_id',
      ids.map((id, i) => [id, fixtures[i].institution]),
    );
    await this.journal(fixtures, ids);
    return ids;
  }

  /** The journal's status events of the cases (see the top of this file). */
  private async journal(fixtures: ComplaintFixture[], ids: number[]) {
    const events: EventFixture[] = [];
    const closed = (status: string) => closedStatuses.includes(status as never);
    fixtures.forEach((f, i) => {
      const complaint = ids[i];
      const caseNumber = f.caseNumber ?? null;
      let from: string | null = null;
      let closedAt: string | null = null;
      for (const step of historyOf(f)) {
        const at = step.at.toISOString();
        if (f.preJournal && from === null) {
          // The status the case had when the journal came, not journaled: only the backfill's event.
          events.push({
            complaint,
            caseNumber,
            kind: 'created',
            at: f.receivedAt,
            summary: 'Henvendelse registreret, før journalen blev indført.',
            dedupeKey: `created:${complaint}`,
          });
          [from, closedAt] = [step.status, closed(step.status) ? at : null];
          continue;
        }
        const changes: Record<string, unknown> = { caseStatus: { from, to: step.status } };
        if (closed(step.status) && !closedAt) changes.closedAt = { from: null, to: (closedAt = at) };
        if (!closed(step.status) && closedAt) changes.closedAt = { from: closedAt, to: (closedAt = null) };
        if (from === null) {
          Object.assign(changes, {
            receivedAt: { from: null, to: f.receivedAt.toISOString() },
            channel: { from: null, to: f.channel ?? 'web' },
            purpose: { from: null, to: f.purpose ?? 'klage' },
          });
          events.push({ complaint, caseNumber, kind: 'created', at: step.at, changes, summary: 'Henvendelse registreret.', dedupeKey: `created:${complaint}` });
        } else {
          events.push({ complaint, caseNumber, kind: 'status_changed', at: step.at, changes, summary: `Status ændret fra ${from} til ${step.status}.` });
        }
        from = step.status;
      }
    });
    await this.events(events);
  }

  /** Journal events of cases, by the system. */
  async events(fixtures: EventFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'case_events',
      fixtures.map((f) => ({
        ...this.meta(),
        case_number: f.caseNumber ?? null,
        at: this.t(f.at),
        actor_type: 'system',
        actor_name: 'Systemet',
        kind: f.kind,
        changes: f.changes ? JSON.stringify(f.changes) : null,
        summary: f.summary ?? f.kind,
        subject_type: 'complaint',
        dedupe_key: f.dedupeKey ?? null,
      })),
    );
    await this.link(
      'case_events_complaint_lnk',
      'case_event_id',
      'complaint_id',
      ids.map((id, i) => [id, fixtures[i].complaint]),
    );
    return ids;
  }

  async statements(fixtures: StatementFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'statement_requests',
      fixtures.map((f) => ({
        ...this.meta(),
        questions: f.questions ?? 'Spørgsmål',
        response_text: f.responseText ?? null,
        requested_at: this.t(f.requestedAt),
        due_at: this.t(f.dueAt),
        agreed_due_at: this.t(f.agreedDueAt),
        responded_at: this.t(f.respondedAt),
        request_status: f.status ?? (f.respondedAt ? 'besvaret' : 'sendt'),
      })),
    );
    await this.link(
      'statement_requests_center_lnk',
      'statement_request_id',
      'center_id',
      ids.map((id, i) => [id, fixtures[i].center]),
    );
    await this.link(
      'statement_requests_complaint_lnk',
      'statement_request_id',
      'complaint_id',
      ids.map((id, i) => [id, fixtures[i].complaint]),
    );
    return ids;
  }

  async opinions(fixtures: OpinionFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'opinions',
      fixtures.map((f) => ({ ...this.meta(), kind: f.kind ?? 'case', outcome: f.outcome, issued_at: this.t(f.issuedAt), reasoning: f.reasoning ?? null })),
    );
    await this.link(
      'opinions_complaint_lnk',
      'opinion_id',
      'complaint_id',
      ids.map((id, i) => [id, fixtures[i].complaint]),
    );
    await this.link(
      'opinions_center_lnk',
      'opinion_id',
      'center_id',
      ids.map((id, i) => [id, fixtures[i].center]),
    );
    return ids;
  }

  async recommendations(fixtures: RecommendationFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'recommendations',
      fixtures.map((f) => ({
        ...this.meta(),
        text: f.text ?? 'Anbefaling',
        follow_up_status: f.followUpStatus ?? 'afventer',
        follow_up_note: f.followUpNote ?? null,
        followed_up_at: this.t(f.followedUpAt),
        case_reopened: this.bool(f.caseReopened ?? false),
      })),
    );
    await this.link(
      'recommendations_opinion_lnk',
      'recommendation_id',
      'opinion_id',
      ids.map((id, i) => [id, fixtures[i].opinion]),
    );
    await this.link(
      'recommendations_center_lnk',
      'recommendation_id',
      'center_id',
      ids.map((id, i) => [id, fixtures[i].center]),
    );
    return ids;
  }

  async improvement(fixtures: ImprovementFixture[]): Promise<number[]> {
    const ids = await this.insert(
      'improvement_activities',
      fixtures.map((f) => ({ ...this.meta(), kind: f.kind, title: 'Aktivitet', date: f.date, hours: f.hours ?? null })),
    );
    await this.link(
      'improvement_activities_center_lnk',
      'improvement_activity_id',
      'center_id',
      ids.map((id, i) => [id, fixtures[i].center]),
    );
    return ids;
  }
}
