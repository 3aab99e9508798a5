/**
 * `npm run seed:demo` while the system runs (the script in its own process, as the README says to
 * run it, on the database of the CMS running in this test): on PostgreSQL it seeds while that CMS
 * takes complaints, both succeed and every case keeps its own case number; on SQLite, which
 * takes one writing process at a time, it refuses with one line saying what to do.
 */
import { spawn } from 'child_process';
import path from 'path';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { cmsSecrets } from '../helpers/servers';
import { submitComplaint } from '../helpers/intake';

const COMPLAINT = 'api::complaint.complaint';
let app: TestStrapi;

beforeAll(async () => {
  app = await startStrapi({ PUBLIC_COMPLAINT_RATE_LIMIT: '1000' });
});
afterAll(async () => {
  await app?.stop();
});

/** Runs scripts/seed-demo.mjs on this test's database and Redis prefix (process.env, set by startStrapi). */
function seedDemo() {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/seed-demo.mjs')], {
    // The running CMS's secrets where it has them; fresh ones for the rest, so no .env is written.
    env: { ...cmsSecrets(), ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function complain(n: number) {
  const { status, body } = await submitComplaint(app.url, {
    description: `Henvendelse ${n}, sendt mens demodata oprettes.`,
    citizenEmail: `karen${n}@example.org`,
  });
  return { status, caseNumber: body.data?.caseNumber };
}

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

(onPostgres ? test : test.skip)(
  'on PostgreSQL, seed:demo adds the demo cases while the running CMS takes complaints',
  async () => {
    let seeding = true;
    const seeded = seedDemo().finally(() => (seeding = false));
    const answers: { status: number; caseNumber?: string }[] = [];
    let duringSeed = 0;
    while (seeding || answers.length < 5) {
      answers.push(await complain(answers.length));
      if (seeding) duringSeed++;
    }
    const result = await seeded;

    expect(result).toMatchObject({ code: 0, output: expect.stringMatching(/Demodata oprettet: \d+ henvendelser\./) });
    expect(duringSeed).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
    const created = Number(/Demodata oprettet: (\d+)/.exec(result.output)![1]);
    const numbers = (await app.strapi.db.query(COMPLAINT).findMany({ select: ['caseNumber'] })).map((c: { caseNumber: string }) => c.caseNumber);
    expect(numbers).toHaveLength(created + answers.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toEqual(expect.arrayContaining(answers.map((answer) => answer.caseNumber)));

    // Run again, it changes nothing (also while the CMS runs).
    expect(await seedDemo()).toMatchObject({ code: 0, output: expect.stringContaining('Demodata findes allerede; intet ændret.') });
  },
  300_000,
);

(onPostgres ? test.skip : test)(
  'on SQLite, seed:demo refuses in one Danish line while the CMS has the database open, and changes nothing',
  async () => {
    const before = await app.strapi.db.query(COMPLAINT).count();
    const { code, output } = await seedDemo();
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^Systemet kører på SQLite-databasen .*test\\.db \\(proces ${process.pid}\\): stop det \\(Ctrl-C i npm start\\), kør npm run seed:demo, og start det igen\\.$`,
      ),
    );
    expect(await app.strapi.db.query(COMPLAINT).count()).toBe(before);
    expect((await complain(1)).status).toBe(201);
  },
  300_000,
);
