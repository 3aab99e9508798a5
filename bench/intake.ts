/**
 * Benchmark of the public intake, in one run against one Strapi on a fresh database:
 *
 * 1. Throughput of POST /api/public/complaints (validation, rate limit in Redis, case rules,
 *    case number, receipt row in the outbox, enqueue) against a bare Strapi create of a plain
 *    record (POST /api/institutions with a full-access API token), same concurrency. Aim ≥ 0.5×.
 *    The two alternate in rounds, so a shared machine's changing load hits both alike.
 * 2. Latency of the intake at a steady 20 requests/s (open loop: requests start on schedule
 *    whether or not earlier ones have answered): p50, p95, p99. Aim p95 < 100 ms.
 *
 *   npx tsx bench/intake.ts [--db sqlite|postgres] [--n 400] [--rounds 4] [--concurrency 8] [--seconds 15]
 *   npm run bench:intake
 */
import { performance } from 'perf_hooks';
import { arg, machine, percentile, ratio, runBench } from './stats';

const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const N = Number(arg('n', '400'));
const ROUNDS = Number(arg('rounds', '4'));
const CONCURRENCY = Number(arg('concurrency', '8'));
const SECONDS = Number(arg('seconds', '15'));
const RATE = 20;

const complaint = (i: number) => ({
  purpose: 'klage',
  center: 'ved ikke',
  eventDate: '2026-01-05',
  description: `Benchmark ${i}: jeg har ventet fire måneder på svar på min ansøgning om hjælp.`,
  formalComplaintToUnit: true,
  identity: 'named',
  citizenName: 'Karen Jensen',
  citizenEmail: `borger${i}@example.org`,
  complainantKind: 'citizen',
  consent: true,
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await response.arrayBuffer();
  if (response.status !== 201 && response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return response.status;
}

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Until the database pool has been idle twice in a row. After each commit Strapi's Document
 * Service populates the written entry for its entry.* events, outside the request: that work
 * belongs to the write that caused it, and left running it would slow the next measurement.
 */
async function settled(pool: Pool) {
  for (let idle = 0; idle < 2;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    idle = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() === 0 ? idle + 1 : 0;
  }
}

/** Runs requests `from` .. `to - 1` with `concurrency` in flight; returns the seconds taken, until the database has settled. */
async function closedLoop(pool: Pool, from: number, to: number, concurrency: number, request: (i: number) => Promise<unknown>): Promise<number> {
  let next = from;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < to) await request(next++);
    }),
  );
  await settled(pool);
  return (performance.now() - start) / 1000;
}

async function main() {
  process.env.DATABASE_CLIENT = DB;
  process.env.LOG_LEVEL = 'error';
  process.env.PUBLIC_COMPLAINT_RATE_LIMIT = String(10 * (N + RATE * SECONDS + 100));
  const { startStrapi } = await import('../test/helpers/strapi');
  const app = await startStrapi();
  try {
    const token = await app.strapi.service('admin::api-token').create({ name: 'bench', type: 'full-access', lifespan: null, description: '' });
    const auth = { authorization: `Bearer ${token.accessKey}` };
    const intake = (i: number) => post(`${app.url}/api/public/complaints`, { data: complaint(i) });
    const plain = (i: number) => post(`${app.url}/api/institutions`, { data: { name: `Institution ${i}` } }, auth);
    const pool: Pool = (app.strapi.db.connection as unknown as { client: { pool: Pool } }).client.pool;

    // Warm up both paths (JIT, statement caches, connections).
    await closedLoop(pool, 1_000_000, 1_000_040, CONCURRENCY, intake);
    await closedLoop(pool, 1_000_000, 1_000_040, CONCURRENCY, plain);

    let [intakeSeconds, plainSeconds] = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      const [from, to] = [Math.floor((round * N) / ROUNDS), Math.floor(((round + 1) * N) / ROUNDS)];
      // Alternating which goes first, so neither always follows the other's leftovers.
      if (round % 2) plainSeconds += await closedLoop(pool, from, to, CONCURRENCY, plain);
      intakeSeconds += await closedLoop(pool, from, to, CONCURRENCY, intake);
      if (!(round % 2)) plainSeconds += await closedLoop(pool, from, to, CONCURRENCY, plain);
    }
    const [intakeRate, plainRate] = [N / intakeSeconds, N / plainSeconds];

    const latencies: number[] = [];
    const total = RATE * SECONDS;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const due = t0 + (i * 1000) / RATE;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const start = performance.now();
        await intake(2_000_000 + i);
        latencies.push(performance.now() - start);
      }),
    );
    await settled(pool); // before Strapi stops: its pool would refuse the events' queries

    console.log(
      `\nPublic intake on ${DB} (${N} requests each, ${CONCURRENCY} in flight, in ${ROUNDS} alternating rounds; Node ${process.versions.node}, ${machine()})`,
    );
    console.log(`  intake POST /api/public/complaints   ${intakeRate.toFixed(1).padStart(8)} req/s`);
    console.log(`  bare create POST /api/institutions   ${plainRate.toFixed(1).padStart(8)} req/s`);
    console.log(`  ratio intake / bare create           ${ratio(intakeRate, plainRate)}   (aim ≥ 0.5×)`);
    console.log(`\nIntake at a steady ${RATE} req/s for ${SECONDS} s (${total} requests; ${machine()})`);
    console.log(
      `  p50 ${percentile(latencies, 0.5).toFixed(1)} ms   p95 ${percentile(latencies, 0.95).toFixed(1)} ms   p99 ${percentile(latencies, 0.99).toFixed(1)} ms   max ${Math.max(...latencies).toFixed(1)} ms   (aim p95 < 100 ms)`,
    );
  } finally {
    await app.stop();
  }
}

runBench(main);
