/**
 * Any file name a citizen's or a center's computer can produce is accepted: the file is stored under
 * the system's own key and the name is kept for display; never Strapi's English refusal, never a 5xx.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { UID } from '@strapi/strapi';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { displayFileName } from '../../cms/src/documents/file-name';

const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-names-'));
let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi({ DOCUMENT_STORAGE_DIR: storageDir });
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const names = [
  'brev?.pdf',
  'a:b.pdf',
  '<svar> "endelig" | *.pdf',
  'C:\\Users\\borger\\Skrivebord\\afgørelse.pdf',
  'CON',
  '..',
  'linje\nskift.pdf',
  `${'lang'.repeat(80)}.pdf`,
  'smil 🙂 æøå.pdf',
  'nul\u0000tegn.pdf',
];

test("the complaint form takes files whatever their names, keeps each name for display and stores the file under the system's key", async () => {
  await app.strapi.service('api::public-complaint.public-complaint').resetRateLimit();
  const form = new FormData();
  form.append(
    'data',
    JSON.stringify({
      description: 'Se de vedhæftede breve.',
      identity: 'anonymous',
      eventDate: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10),
      purpose: 'klage',
      complainantKind: 'citizen',
      center: 'ved ikke',
      consent: true,
    }),
  );
  for (const name of names) form.append('files', new Blob([PDF], { type: 'application/pdf' }), name);
  const answer = await fetch(`${app.url}/api/public/complaints`, { method: 'POST', body: form });
  const body = (await answer.json()) as any;
  expect([answer.status, body.error?.message]).toEqual([201, undefined]);

  const complaint: any = await app.strapi.db
    .query('api::complaint.complaint' as UID.ContentType)
    .findOne({ where: { caseNumber: body.data.caseNumber }, populate: { documents: { populate: ['file'] } } });
  // What the browser sent is what the form's name was after multipart (a path and NUL are the browser's and the parser's to keep or drop).
  expect(complaint.documents).toHaveLength(names.length);
  for (const document of complaint.documents) {
    expect(document.title).toBe(document.file.name);
    expect(document.file.url).toMatch(/^\/dokumenter\/[a-f0-9]{32}\.pdf$/);
  }
  const shown = complaint.documents.map((document: any) => document.title).sort();
  for (const expected of ['brev?.pdf', 'a:b.pdf', '<svar> "endelig" | *.pdf', 'afgørelse.pdf', 'CON', 'smil 🙂 æøå.pdf']) expect(shown).toContain(expected);
  expect(shown.every((title: string) => title === displayFileName(title))).toBe(true);
});

test('the media library takes the same names from the advisor', async () => {
  for (const name of ['brev?.pdf', 'a:b.pdf']) {
    const form = new FormData();
    form.append('files', new Blob([PDF], { type: 'application/pdf' }), name);
    const answer = await fetch(`${app.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await app.adminToken()}` }, body: form });
    const body = (await answer.json()) as any;
    expect([name, answer.status]).toEqual([name, 201]);
    expect(body[0].name).toBe(name);
  }
});
