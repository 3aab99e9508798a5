/**
 * The case file's documents: stored privately (never under a public address), checked by content
 * and scanned by a real clamd, downloadable only through a signed address the admin hands out,
 * and kept as part of the record. Runs on SQLite and, with DATABASE_CLIENT=postgres, PostgreSQL.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { UID } from '@strapi/strapi';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { EICAR, startClamd, TestClamd } from '../helpers/clamd';

let app: TestStrapi;
let clamd: TestClamd;
let storageDir: string;
const publicUploads = path.resolve(__dirname, '../../cms/public/uploads');
const env = () => ({ CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port), DOCUMENT_STORAGE_DIR: storageDir, DOCUMENT_MAX_CASE_MB: '0.05' });

beforeAll(async () => {
  clamd = await startClamd();
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'documents-'));
  app = await startStrapi(env());
});
afterAll(async () => {
  await app?.stop();
  await clamd?.stop();
  for (const name of Object.keys(env())) delete process.env[name];
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const storedFiles = () =>
  fs.existsSync(storageDir)
    ? fs.readdirSync(storageDir, { recursive: true }).filter((entry) => fs.statSync(path.join(storageDir, String(entry))).isFile())
    : [];
const publicFiles = () => fs.readdirSync(publicUploads).filter((name) => name !== '.gitkeep');
const fileRows = () => app.strapi.db.query('plugin::upload.file').count({});

async function upload(name: string, content: Buffer | string, type: string) {
  const form = new FormData();
  form.append('files', new Blob([content], { type }), name);
  const response = await fetch(`${app.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${await app.adminToken()}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

describe('uploads are private', () => {
  it('stores an uploaded PDF outside the public folder under a random key, behind a signed address', async () => {
    const before = publicFiles();
    const { status, body } = await upload('klage-jens-hansen.pdf', PDF, 'application/pdf');
    expect(status).toBe(201);
    const url: string = body[0].url;
    expect(url).toMatch(/^\/dokumenter\/[a-f0-9]{32}\.pdf\?udloeber=\d+&signatur=/);
    expect(url).not.toMatch(/jens|hansen|klage/i);
    expect(publicFiles()).toEqual(before);
    expect(storedFiles()).toHaveLength(1);

    const signed = await fetch(`${app.url}${url}`);
    expect(signed.status).toBe(200);
    expect(Buffer.from(await signed.arrayBuffer()).equals(PDF)).toBe(true);
    expect(signed.headers.get('content-type')).toBe('application/pdf');

    const bare = url.split('?')[0];
    expect((await fetch(`${app.url}${bare}`)).status).toBe(403);
    expect((await fetch(`${app.url}${url.replace(/signatur=.{4}/, 'signatur=AAAA')}`)).status).toBe(403);
    const expired = url.replace(/udloeber=\d+/, `udloeber=${Math.floor(Date.now() / 1000) - 1}`);
    expect((await fetch(`${app.url}${expired}`)).status).toBe(403);
    // The plain local-provider address and the content API give nothing either.
    const row = await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: body[0].id } });
    // Also an upload left in the public folder by an earlier version, whatever the spelling of its path.
    fs.writeFileSync(path.join(publicUploads, 'gammel_fil.txt'), 'Borgerens gamle bilag');
    try {
      for (const probe of [
        '/uploads/gammel_fil.txt',
        '/%75ploads/gammel_fil.txt',
        '/uploads%2Fgammel_fil.txt',
        '/./uploads/gammel_fil.txt',
        '/UPLOADS/gammel_fil.txt',
        `/uploads/${row.hash}${row.ext}`,
      ]) {
        expect([probe, (await fetch(`${app.url}${probe}`)).status]).toEqual([probe, 404]);
      }
    } finally {
      fs.rmSync(path.join(publicUploads, 'gammel_fil.txt'));
    }
    expect((await fetch(`${app.url}/api/upload/files`)).status).toBeGreaterThanOrEqual(401);
    expect((await fetch(`${app.url}/api/upload/files/${body[0].id}`)).status).toBeGreaterThanOrEqual(401);
  });

  it.each([
    ['an HTML page renamed to .pdf', 'afgoerelse.pdf', '<!doctype html><html><script>alert(1)</script></html>', 'application/pdf', /ikke en filtype/],
    ['a Windows program renamed to .pdf', 'afgoerelse.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 'application/pdf', /ikke en filtype/],
    [
      'a ZIP archive renamed to .docx',
      'brev.docx',
      Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      /ikke en filtype/,
    ],
    ['the EICAR test virus as a text file', 'noter.txt', EICAR, 'text/plain', /virus/],
  ])('refuses %s with a Danish reason and stores nothing', async (_name, fileName, content, type, message) => {
    const rows = await fileRows();
    const stored = storedFiles().length;
    const { status, body } = await upload(fileName, content, type);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
    expect(await fileRows()).toBe(rows);
    expect(storedFiles()).toHaveLength(stored);
  });

  it('accepts plain text', async () => {
    const { status, body } = await upload('telefonnotat.txt', 'Borgeren ringede kl. 10 om sin sag.\n', 'text/plain');
    expect(status).toBe(201);
    expect(body[0].mime).toBe('text/plain');
  });
});

describe('documents in the case file', () => {
  const docs = (uid: string) => app.strapi.documents(uid as UID.ContentType);
  const CASE_DOCUMENT = 'api::case-document.case-document';
  const documentEvents = (complaintId: number): Promise<any[]> =>
    app.strapi.db
      .query('api::case-event.case-event' as UID.ContentType)
      .findMany({ where: { complaint: { id: complaintId }, subjectType: 'case_document' }, orderBy: { id: 'asc' } });

  it('are part of the record: received documents cannot be deleted or replaced, the case total is limited', async () => {
    const complaint: any = await docs('api::complaint.complaint').create({ data: { description: 'Afgørelsen kom aldrig', eventDate: '2026-10-01' } } as never);
    const first = (await upload('afgoerelse.pdf', PDF, 'application/pdf')).body[0];
    const created = await app.admin('POST', `/content-manager/collection-types/${CASE_DOCUMENT}`, {
      complaint: complaint.documentId,
      file: first.id,
      title: 'Afgørelse',
      source: 'borger',
      direction: 'modtaget',
    });
    expect(created.status).toBe(201);
    expect(created.body.data.registeredAt).toBeTruthy();
    const documentId = created.body.data.documentId;
    // Registered in the journal: received, from the citizen, when, by the advisor in the admin; never its title.
    const [registered, ...others] = await documentEvents(complaint.id);
    expect(others).toEqual([]);
    expect(registered).toMatchObject({
      kind: 'document_added',
      actorType: 'admin',
      actorName: 'Test Admin',
      subjectDocumentId: documentId,
      caseNumber: complaint.caseNumber,
      summary: 'Dokument modtaget fra borgeren.',
      changes: expect.objectContaining({
        direction: { from: null, to: 'modtaget' },
        source: { from: null, to: 'borger' },
        registeredAt: { from: null, to: new Date(created.body.data.registeredAt).toISOString() },
      }),
    });
    expect(JSON.stringify(registered)).not.toContain('Afgørelse');

    const removed = await app.admin('DELETE', `/content-manager/collection-types/${CASE_DOCUMENT}/${documentId}`);
    expect(removed.status).toBe(400);
    expect(removed.body.error.message).toMatch(/kan ikke slettes/);

    const second = (await upload('andet.pdf', PDF, 'application/pdf')).body[0];
    const replaced = await app.admin('PUT', `/content-manager/collection-types/${CASE_DOCUMENT}/${documentId}`, { file: second.id });
    expect(replaced.status).toBe(400);
    expect(replaced.body.error.details.errors[0].path).toEqual(['file']);

    // 0.05 MB per case: a ~60 kB file does not fit beside the first.
    const large = Buffer.concat([PDF, Buffer.alloc(60 * 1024, 0x20)]);
    const big = (await upload('bilag.pdf', large, 'application/pdf')).body[0];
    const tooMuch = await app.admin('POST', `/content-manager/collection-types/${CASE_DOCUMENT}`, {
      complaint: complaint.documentId,
      file: big.id,
      title: 'Bilag',
      source: 'borgerraadgiver',
      direction: 'intern',
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details.errors[0]).toMatchObject({ path: ['file'], message: expect.stringMatching(/højst fylde/) });
    expect(await docs(CASE_DOCUMENT).count({ filters: { complaint: { documentId: complaint.documentId } } } as never)).toBe(1);
    // Refused writes leave nothing in the journal; a new title is journaled as changed, without it.
    expect(await documentEvents(complaint.id)).toHaveLength(1);
    const retitled = await app.admin('PUT', `/content-manager/collection-types/${CASE_DOCUMENT}/${documentId}`, { title: 'Afgørelse af 1. oktober' });
    expect(retitled.status).toBe(200);
    expect((await documentEvents(complaint.id)).map((event) => [event.kind, event.summary, event.changes])).toEqual([
      ['document_added', 'Dokument modtaget fra borgeren.', expect.anything()],
      ['field_changed', 'Dokument ændret: Titel.', { title: { changed: true } }],
    ]);
  });
});
