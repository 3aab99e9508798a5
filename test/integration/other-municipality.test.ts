/**
 * Another municipality runs the system by changing config/ alone: with a second municipality's
 * file (MUNICIPALITY_FILE) the first-start seeds and the demo cases name that municipality, its
 * address, phone and meeting places, and no word of Lejre remains anywhere they wrote.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startStrapi, TestStrapi } from '../helpers/strapi';

const solby = {
  name: 'Solby Kommune',
  advisorTitle: 'Borgerrådgiveren',
  address: { building: 'Solby Rådhus', street: 'Torvet 1', postalCode: '9999', city: 'Solby' },
  phone: '99 88 77 66',
  email: 'borgerraadgiver@solby.invalid',
  website: 'https://solby.invalid/borgerraadgiver',
  meetingPlaces: ['Borgerrådgiverens kontor på Solby Rådhus', 'Biblioteket i Nordstrand'],
  municipalDirectorTitle: 'Kommunaldirektøren',
  dataProtection: {
    controller: { name: 'Solby Kommune', address: 'Torvet 1, 9999 Solby', cvr: '12345678', phone: '99 88 77 00', email: 'post@solby.invalid' },
    officer: { name: 'Databeskyttelsesrådgiveren', email: 'dpo@solby.invalid', phone: '99 88 77 11' },
    legalBasis: ['Kommunestyrelseslovens § 65 e.'],
  },
  accessibilityStatementUrl: null,
  centers: [{ name: 'Center for Ældre', email: 'aeldre@solby.invalid', chiefEmail: 'chef.aeldre@solby.invalid', institutions: ['Plejecenter Solgården'] }],
  closingDays: ['12-24'],
};
const LEJRE = /lejre|hvalsø|allerslev|46 46 44 20|4320/i;

let app: TestStrapi;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'municipality-'));

beforeAll(async () => {
  const file = path.join(dir, 'municipality.json');
  fs.writeFileSync(file, JSON.stringify(solby));
  process.env.MUNICIPALITY_FILE = file;
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
  delete process.env.MUNICIPALITY_FILE;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the seeds and the demo cases name the configured municipality and never Lejre', async () => {
  const { seedDemoCases } = require('../../cms/dist/src/seed/demo-cases');
  expect(await seedDemoCases(app.strapi)).toBeGreaterThan(0);

  const written: Record<string, unknown> = {};
  for (const uid of [
    'api::site-content.site-content',
    'api::center.center',
    'api::institution.institution',
    'api::closing-day.closing-day',
    'api::complaint.complaint',
    'api::statement-request.statement-request',
    'api::opinion.opinion',
    'api::meeting.meeting',
    'api::recommendation.recommendation',
    'api::improvement-activity.improvement-activity',
    'api::notification.notification',
  ]) {
    written[uid] = await app.strapi.db.query(uid as any).findMany({});
  }
  written.roles = await app.strapi.db.query('admin::role').findMany({});
  const text = JSON.stringify(written);
  expect(text.match(LEJRE)).toBeNull();

  const [content] = written['api::site-content.site-content'] as Record<string, string>[];
  expect(content).toMatchObject({
    siteName: 'Borgerrådgiveren i Solby Kommune',
    contactBuilding: 'Solby Rådhus',
    contactPhone: '99 88 77 66',
    contactEmail: solby.email,
  });
  expect(content.contactMeetingPlaces.split('\n')).toEqual(solby.meetingPlaces);
  expect((written['api::center.center'] as { name: string }[]).map((center) => center.name)).toContain('Center for Ældre');
});

test("the site's fallback texts follow the same file", () => {
  const { fallbackContent } = require('../../site/src/lib/site-content');
  const fallback = fallbackContent();
  expect(JSON.stringify(fallback).match(LEJRE)).toBeNull();
  expect(fallback.contactPhone).toBe('99 88 77 66');
});
