/**
 * The journal's introduction: every case registered before it gets one `created` event dated
 * from its stored times (received, else created). Idempotent: runs at every start, writes only
 * for cases without a `created` event, and the event's unique key `created:<complaint id>` keeps
 * two instances starting together from writing it twice.
 */
import type { Core } from '@strapi/strapi';
import { SYSTEM } from './actor';
import { createdSummary } from './describe';
import { CASE_EVENT } from './model';
import { appendOnce } from './writer';
import { COMPLAINT } from '../content-types';

const BATCH = 500;

/** Returns the number of events written. */
export async function backfillCreatedEvents(strapi: Core.Strapi): Promise<number> {
  const knex = strapi.db.connection;
  const events = strapi.db.metadata.get(CASE_EVENT);
  const complaints = strapi.db.metadata.get(COMPLAINT);
  // Strapi's metadata type leaves out what a relation's join table is called.
  const { joinTable: link } = events.attributes.complaint as unknown as {
    joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  let written = 0;
  let lastId = 0;
  for (;;) {
    const rows: { id: number; case_number: string | null; received_at: unknown; created_at: unknown; channel: string; purpose: string }[] = await knex(
      complaints.tableName,
    )
      .select('id', 'case_number', 'received_at', 'created_at', 'channel', 'purpose')
      .where('id', '>', lastId)
      .whereNotExists(
        knex(link.name)
          .join(events.tableName, `${events.tableName}.id`, `${link.name}.${link.joinColumn.name}`)
          .whereRaw(`${link.name}.${link.inverseJoinColumn.name} = ${complaints.tableName}.id`)
          .andWhere(`${events.tableName}.kind`, 'created')
          .select(knex.raw('1')),
      )
      .orderBy('id')
      .limit(BATCH);
    if (!rows.length) return written;
    for (const row of rows) {
      const at = new Date((row.received_at ?? row.created_at) as string);
      const ok = await appendOnce(strapi, {
        kind: 'created',
        complaintId: row.id,
        caseNumber: row.case_number,
        summary: `${createdSummary({ caseNumber: row.case_number, channel: row.channel, purpose: row.purpose })}, før journalen blev indført.`,
        actor: SYSTEM,
        at: Number.isNaN(at.getTime()) ? new Date() : at,
        dedupeKey: `created:${row.id}`,
      });
      if (ok) written++;
    }
    lastId = rows[rows.length - 1].id;
  }
}
