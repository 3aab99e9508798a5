/** Inquiries per center in the last window and in the 12 months before it, in one grouped query. */
import type { Knex } from 'knex';
import { BASELINE_DAYS } from '../ongoing-status';
import { num, rows, sqlFor } from './dialect';

export interface CenterLevel {
  centerId: number;
  recent: number;
  baseline: number;
}

const DAY_MS = 86_400_000;

export async function centerLevels(knex: Knex, now: Date, windowDays: number): Promise<{ levels: CenterLevel[]; hasHistory: boolean }> {
  const sql = sqlFor(knex);
  const windowStart = new Date(now.getTime() - windowDays * DAY_MS);
  const baselineStart = new Date(windowStart.getTime() - BASELINE_DAYS * DAY_MS);
  const result = await rows(
    knex,
    `SELECT l.center_id AS center_id,
            SUM(CASE WHEN c.received_at >= ? THEN 1 ELSE 0 END) AS recent,
            SUM(CASE WHEN c.received_at < ? THEN 1 ELSE 0 END) AS baseline
       FROM complaints c
       JOIN complaints_center_lnk l ON l.complaint_id = c.id
      WHERE c.received_at >= ? AND c.received_at <= ?
      GROUP BY l.center_id`,
    [sql.instant(windowStart), sql.instant(windowStart), sql.instant(baselineStart), sql.instant(now)],
  );
  // A usual level needs a history: some inquiry registered before the window.
  const oldest = await rows(knex, 'SELECT MIN(received_at) AS oldest FROM complaints', []);
  const oldestAt = sql.toDate(oldest[0]?.oldest);
  return {
    levels: result.map((x) => ({ centerId: Number(x.center_id), recent: num(x.recent), baseline: num(x.baseline) })),
    hasHistory: oldestAt !== null && oldestAt < windowStart,
  };
}
