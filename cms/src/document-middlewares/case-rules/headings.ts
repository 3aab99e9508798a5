/**
 * Statement requests, meetings, opinions and recommendations carry a heading that names them by their case
 * and what they are (rules/headings), so pickers, lists and the case show more than "Uden titel".
 * Set by the case-rules middleware on every create and update; never typed by hand.
 */
import type { Core, UID } from '@strapi/strapi';
import { meetingHeading, opinionHeading, recommendationHeading, statementRequestHeading } from '../../rules';
import { relationTarget, storedId } from './relations';
import { notificationKinds } from '@borgerraadgiver/config';
import { COMPLAINT, NOTIFICATION, OPINION, MEETING, RECOMMENDATION, STATEMENT_REQUEST } from '../../content-types';

type Data = Record<string, unknown>;

const headings: Record<string, { via: 'complaint' | 'opinion'; make: (fields: Data) => string }> = {
  [STATEMENT_REQUEST]: { via: 'complaint', make: statementRequestHeading },
  [MEETING]: { via: 'complaint', make: meetingHeading },
  [OPINION]: { via: 'complaint', make: opinionHeading },
  [RECOMMENDATION]: { via: 'opinion', make: recommendationHeading },
};

/** The case number of the item after this write (through the opinion for a recommendation). */
async function caseNumberOf(strapi: Core.Strapi, via: 'complaint' | 'opinion', data: Data, previous: Data | null): Promise<string | null> {
  const submitted = relationTarget(data[via]);
  const previousId = storedId(previous?.[via]);
  const ref = submitted === undefined ? (previousId ? { id: previousId } : null) : submitted;
  if (!ref) return null;
  if (via === 'complaint') return (await strapi.db.query(COMPLAINT).findOne({ where: ref, select: ['caseNumber'] }))?.caseNumber ?? null;
  const opinion = await strapi.db.query(OPINION as UID.ContentType).findOne({ where: ref, populate: { complaint: { select: ['caseNumber'] } } });
  return opinion?.complaint?.caseNumber ?? null;
}

/** Sets data.heading; `previous` is the stored row with its `complaint` or `opinion` populated (null on create). */
export async function setHeading(strapi: Core.Strapi, uid: string, data: Data, previous: Data | null) {
  const heading = headings[uid];
  if (!heading) return;
  const caseNumber = await caseNumberOf(strapi, heading.via, data, previous);
  data.heading = heading.make({ ...previous, ...data, caseNumber });
}

/** Existing rows get their heading (idempotent: only rows without one, or an e-mail's that config renamed). */
export async function backfillHeadings(strapi: Core.Strapi) {
  // An e-mail is named by its kind (the outbox writer sets it on every row it writes); a kind
  // reworded in config renames the e-mails written before.
  for (const [kind, heading] of Object.entries(notificationKinds))
    await strapi.db.query(NOTIFICATION).updateMany({ where: { kind, $or: [{ heading: { $null: true } }, { heading: { $ne: heading } }] }, data: { heading } });
  for (const [uid, heading] of Object.entries(headings)) {
    const rows = await strapi.db.query(uid as UID.ContentType).findMany({ where: { heading: { $null: true } }, populate: [heading.via] });
    for (const row of rows) {
      const data: Data = {};
      await setHeading(strapi, uid, data, row);
      await strapi.db.query(uid as UID.ContentType).update({ where: { id: row.id }, data });
    }
  }
}
