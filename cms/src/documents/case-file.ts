/** Adds what citizens and centers send to the case file (api::case-document), through the rules. */
import type { Core } from '@strapi/strapi';
import { storeGeneratedFile } from './storage';
import { danishDateTime } from '@borgerraadgiver/config';
import { CASE_DOCUMENT } from '../content-types';
import { inTransaction } from '../db/transaction';

/** A message the citizen wrote on their case page, kept as a text document received from them. */
export async function storeCitizenMessage(
  strapi: Core.Strapi,
  complaint: { documentId: string; caseNumber?: string | null },
  message: string,
  now = new Date(),
) {
  await inTransaction(strapi, async () => {
    const file = await storeGeneratedFile(strapi, {
      name: `besked-${complaint.caseNumber ?? 'sag'}.txt`,
      mime: 'text/plain',
      ext: '.txt',
      data: Buffer.from(`${message}\n`, 'utf8'),
    });
    await strapi.documents(CASE_DOCUMENT).create({
      data: {
        complaint: complaint.documentId,
        file,
        title: `Besked fra borgeren ${danishDateTime(now, 'numeric')}`,
        direction: 'modtaget',
        source: 'borger',
        registeredAt: now.toISOString(),
      },
    });
  });
}
