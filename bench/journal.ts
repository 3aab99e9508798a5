/**
 * Benchmark of the case journal's cost on the hottest write: registering an inquiry through the
 * Document Service (the path of the admin panel, the public form and scripts). Each database runs
 * the same creates in two fresh processes, one with the journal and one with it unhooked
 * (withJournal replaced by the bare rules before Strapi registers them), alternating rounds so
 * machine load hits both alike, and prints the median time per create and the ratio.
 *
 *   npx tsx bench/journal.ts [--n 300] [--rounds 3] [--db sqlite|postgres|both]
 *   npm run bench:journal
 */
import { spawnSync } from 'child_process';
import { createRequire } from 'module';
import path from 'path';
import { performance } from 'perf_hooks';
import { runBench } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(arg('n', '300'));
const ROUNDS = Number(arg('rounds', '3'));
const DB = arg('db', 'both');
const WARMUP = 30;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One process: boot on a fresh database, create WARMUP + N inquiries, print ms per create. */
async function runOne(client: 'sqlite' | 'postgres', journal: boolean) {
  process.env.DATABASE_CLIENT = client;
  process.env.LOG_LEVEL = 'error';
  if (!journal) {
    // Before Strapi loads: the case-rules middleware then registers the rules without the journal.
    // The compiled module Strapi loads (CommonJS), so the replacement is what it registers.
    const middleware = createRequire(__filename)('../cms/dist/src/journal/middleware');
    middleware.withJournal = (_strapi: unknown, rules: unknown) => rules;
  }
  const { startStrapi } = await import('../test/helpers/strapi');
  const app = await startStrapi();
  try {
    const documents = app.strapi.documents('api::complaint.complaint');
    const center: any = await app.strapi
      .documents('api::center.center')
      .create({ data: { name: 'Center for Benchmark', email: 'bench@example.org' } } as never);
    const create = (i: number) =>
      documents.create({
        data: {
          description: `Henvendelse nr. ${i}`,
          eventDate: '2026-01-15',
          center: center.documentId,
          channel: 'phone',
          purpose: 'klage',
          identity: 'named',
          citizenName: 'Bente Bench',
          citizenEmail: 'bente@example.org',
        },
      } as never);
    for (let i = 0; i < WARMUP; i++) await create(i);
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await create(WARMUP + i);
      times.push(performance.now() - t0);
    }
    const events = await app.strapi.db.query('api::case-event.case-event').count({});
    if (journal !== events > 0) throw new Error(`journal ${journal ? 'on' : 'off'} but ${events} events`);
    process.stdout.write(`${JSON.stringify({ median: median(times), mean: times.reduce((a, b) => a + b, 0) / times.length })}\n`);
  } finally {
    await app.stop();
  }
}

function child(client: string, journal: boolean): { median: number; mean: number } {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', client, journal ? 'on' : 'off', '--n', String(N)], {
    cwd: path.resolve(__dirname, '..'),
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`benchmark child failed (${client}, journal ${journal}):\n${result.stderr}`);
  return JSON.parse(line);
}

async function main() {
  const childAt = args.indexOf('--child');
  if (childAt >= 0) return runOne(args[childAt + 1] as 'sqlite' | 'postgres', args[childAt + 2] === 'on');
  const clients = DB === 'both' ? ['sqlite', 'postgres'] : [DB];
  console.log(`Registering an inquiry through the Document Service: ${N} creates after ${WARMUP} warm-up, ${ROUNDS} round(s) of fresh processes`);
  console.log('database    without journal   with journal   ratio');
  for (const client of clients) {
    const without: number[] = [];
    const withJournal: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      without.push(child(client, false).median);
      withJournal.push(child(client, true).median);
    }
    const [a, b] = [median(without), median(withJournal)];
    console.log(`${client.padEnd(10)}  ${a.toFixed(2).padStart(10)} ms   ${b.toFixed(2).padStart(9)} ms   ${(b / a).toFixed(2)}×`);
  }
}

runBench(main);
