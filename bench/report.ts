/**
 * Benchmark of the statistics report: generates N inquiries (default 100,000) with their journal,
 * statement requests, opinions, recommendations and improvement work over two years, then times
 * the full report for the last year (with the previous year beside it) against a plain grouped
 * COUNT over the same table, on SQLite and on PostgreSQL, each in its own process on a fresh
 * database. The journal came in mid-2024: older cases have only the backfill's event; newer ones
 * their status history (a tenth reopened once) and two other events each (opened, changed).
 * --profile prints the slowest queries of one more report; --keep leaves the database (named on
 * stderr) for EXPLAIN, to be dropped by hand.
 *
 *   npx tsx bench/report.ts [--n 100000] [--db sqlite|postgres|both] [--runs 5] [--profile] [--keep]
 *   npm run bench:report
 */
import { performance } from 'perf_hooks';
import { ReportFixtures } from './report-fixtures';
import { arg, machine, random, runChild, runBench } from './stats';

const args = process.argv.slice(2);
const N = Number(arg('n', process.env.BENCH_N ?? '100000'));
const RUNS = Number(arg('runs', '5'));
const DB = arg('db', 'both');
const PROFILE = args.includes('--profile');
const KEEP = args.includes('--keep');

/** The statuses a case passes through to reach its status (after "modtaget"). */
const PATHS: Record<string, string[][]> = {
  modtaget: [[]],
  visitation: [['visitation']],
  dialog: [['visitation', 'dialog']],
  afvist: [['afvist'], ['visitation', 'afvist']],
  henvist: [['henvist'], ['visitation', 'henvist']],
  loest_ved_dialog: [['dialog', 'loest_ved_dialog'], ['loest_ved_dialog']],
  undersoegelse: [['visitation', 'undersoegelse']],
  udtalelse_afgivet: [['visitation', 'undersoegelse', 'udtalelse_afgivet']],
  afsluttet: [
    ['dialog', 'loest_ved_dialog', 'afsluttet'],
    ['visitation', 'afvist', 'afsluttet'],
    ['henvist', 'afsluttet'],
    ['visitation', 'undersoegelse', 'udtalelse_afgivet', 'afsluttet'],
  ],
  tilbagetrukket: [['tilbagetrukket'], ['dialog', 'tilbagetrukket']],
};
const CLOSING = ['afvist', 'henvist', 'loest_ved_dialog', 'afsluttet', 'tilbagetrukket'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function runOne(client: 'sqlite' | 'postgres') {
  process.env.DATABASE_CLIENT = client;
  process.env.LOG_LEVEL = 'error';
  const { startStrapi } = await import('../test/helpers/strapi');
  const app = await startStrapi();
  try {
    const knex = app.strapi.db.connection;
    const rnd = random(42);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
    const DAY = 86_400_000;
    const start = Date.UTC(2024, 0, 1);
    const span = 2 * 365 * DAY;

    const t0 = performance.now();
    await knex.transaction(async (trx) => {
      const f = new ReportFixtures(trx, 1000);
      const centers = await f.centers(Array.from({ length: 12 }, (_, i) => `Center ${i + 1}`));
      const statuses = [
        'modtaget',
        'visitation',
        'dialog',
        'afvist',
        'henvist',
        'loest_ved_dialog',
        'undersoegelse',
        'udtalelse_afgivet',
        'afsluttet',
        'tilbagetrukket',
      ];
      const reasons = [
        'faglig_vurdering',
        'privatretlig',
        'anden_klageinstans',
        'personalesag',
        'serviceniveau',
        'foraeldet',
        'indbragt',
        'politisk_behandlet',
        'grundloes',
        'anonym',
      ];
      const journalFrom = Date.UTC(2024, 6, 1);
      const complaints = Array.from({ length: N }, () => {
        const receivedAt = new Date(start + Math.floor(rnd() * span));
        const status = pick(statuses);
        const firstActionAt = status === 'modtaget' ? null : new Date(receivedAt.getTime() + Math.floor(rnd() * 20 * DAY));
        // After the first action, one step every few days; a tenth of the cases resolved by dialogue and reopened first.
        let path = pick(PATHS[status]);
        if (path.length && rnd() < 0.1) path = ['loest_ved_dialog', 'genoptaget', ...path];
        const history = [{ status: 'modtaget', at: receivedAt }];
        let t = firstActionAt?.getTime() ?? receivedAt.getTime();
        let closedAt: Date | null = null;
        for (const next of path) {
          if (CLOSING.includes(next) && !closedAt) closedAt = new Date(t);
          if (!CLOSING.includes(next)) closedAt = null;
          history.push({ status: next, at: new Date(t) });
          t += Math.floor(rnd() * 15 * DAY);
        }
        const preJournal = receivedAt.getTime() < journalFrom;
        return {
          center: rnd() < 0.95 ? pick(centers) : null,
          receivedAt,
          purpose: pick(['klage', 'klage', 'raadgivning', 'genoptagelse']),
          channel: pick(['web', 'email', 'phone', 'letter', 'meeting', 'own_initiative', 'council']),
          category: rnd() < 0.8 ? pick(['sagsbehandling', 'betjening', 'faktisk_forvaltning', 'diskrimination']) : null,
          outOfScopeReason: history.some((h) => h.status === 'afvist') ? pick(reasons) : null,
          identity: pick(['named', 'named', 'named', 'confidential', 'anonymous']),
          status,
          firstActionAt,
          closedAt,
          referredTo: history.some((h) => h.status === 'henvist') ? 'Ankestyrelsen' : null,
          dialogOutcome: history.some((h) => h.status === 'loest_ved_dialog') ? 'Løst i dialog med centret' : null,
          // Before the journal only the status it has now is known.
          history: preJournal ? undefined : history,
          preJournal,
        };
      });
      const complaintIds = await f.complaints(complaints);
      await f.events(
        complaints.flatMap((c, i) =>
          c.preJournal
            ? []
            : [
                { complaint: complaintIds[i], kind: 'opened', at: new Date(c.receivedAt.getTime() + Math.floor(rnd() * 30 * DAY)) },
                { complaint: complaintIds[i], kind: 'field_changed', at: new Date(c.receivedAt.getTime() + Math.floor(rnd() * 30 * DAY)) },
              ],
        ),
      );
      const statementCount = Math.floor(N / 5);
      await f.statements(
        Array.from({ length: statementCount }, (_, i) => {
          const requestedAt = new Date(complaints[i * 5].receivedAt.getTime() + 3 * DAY);
          const answered = rnd() < 0.85;
          return {
            center: complaints[i * 5].center,
            complaint: complaintIds[i * 5],
            requestedAt,
            dueAt: new Date(requestedAt.getTime() + 14 * DAY),
            agreedDueAt: rnd() < 0.1 ? new Date(requestedAt.getTime() + 21 * DAY) : null,
            respondedAt: answered ? new Date(requestedAt.getTime() + Math.floor(rnd() * 25 * DAY)) : null,
            status: answered ? 'besvaret' : pick(['sendt', 'sendt', 'annulleret']),
          };
        }),
      );
      const opinionIds = await f.opinions(
        Array.from({ length: Math.floor(N / 20) }, (_, i) => ({
          kind: rnd() < 0.05 ? ('general' as const) : ('case' as const),
          outcome: pick(['kritik', 'henstilling', 'ingen_kritik', 'afvisning']),
          issuedAt: new Date(complaints[i * 20].receivedAt.getTime() + 40 * DAY),
          complaint: complaintIds[i * 20],
        })),
      );
      await f.recommendations(
        opinionIds.map((opinion) => ({ opinion, followUpStatus: pick(['afventer', 'accepteret', 'gennemfoert', 'afvist']), caseReopened: rnd() < 0.3 })),
      );
      await f.improvement(
        Array.from({ length: Math.max(10, Math.floor(N / 50)) }, () => ({
          kind: pick(['tilbagemelding', 'undervisning', 'vejledning', 'forbedringsprojekt', 'moede_centerchef']),
          date: new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10),
          hours: Math.round(rnd() * 16) / 2,
          center: rnd() < 0.7 ? pick(centers) : null,
        })),
      );
    });
    // As autovacuum leaves a table soon after a bulk load (PostgreSQL 13+ vacuums after inserts):
    // with the visibility map set, the covering indexes answer without reading the table.
    if (client === 'postgres') await knex.raw('VACUUM ANALYZE');
    const generateMs = performance.now() - t0;

    const service = app.strapi.service('api::report.report') as any;
    const { yearPeriod } = await import('../cms/src/reports/period');
    const period = yearPeriod(2025);
    const countQuery = () => knex.raw('SELECT case_status, COUNT(*) AS n FROM complaints GROUP BY case_status');

    // Warm up both, then alternate the runs so both see the same conditions.
    let report = await service.statistics(period);
    await countQuery();
    const reportMs: number[] = [];
    const countMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      report = await service.statistics(period);
      reportMs.push(performance.now() - t);
      t = performance.now();
      await countQuery();
      countMs.push(performance.now() - t);
    }
    if (PROFILE) await profile(knex, () => service.statistics(period));
    const r = median(reportMs);
    const c = median(countMs);
    console.log(
      JSON.stringify({
        client,
        cases: N,
        generateSeconds: Math.round(generateMs / 100) / 10,
        inquiriesInReport: report.inquiries.total.current + report.inquiries.total.previous,
        reportMs: Math.round(r * 10) / 10,
        groupedCountMs: Math.round(c * 10) / 10,
        ratio: Math.round((r / c) * 10) / 10,
        underOneSecond: r < 1000,
        machine: machine(),
      }),
    );
  } finally {
    if (KEEP) {
      // Without stopping Strapi, which drops the database.
      console.error(`kept database: ${client === 'postgres' ? process.env.DATABASE_NAME : process.env.DATABASE_FILENAME}`);
      process.exit(0);
    }
    await app.stop();
  }
}

/** Runs `fn` once and prints its slowest queries (on SQLite they run one at a time, so each time is its own). */
async function profile(knex: any, fn: () => Promise<unknown>) {
  const started = new Map<string, { sql: string; t: number }>();
  const times: { ms: number; sql: string }[] = [];
  const onQuery = (q: any) => started.set(q.__knexQueryUid, { sql: q.sql, t: performance.now() });
  const onResponse = (_: unknown, q: any) => {
    const s = started.get(q.__knexQueryUid);
    if (s) times.push({ ms: performance.now() - s.t, sql: s.sql.replace(/\s+/g, ' ').slice(0, 160) });
  };
  knex.on('query', onQuery).on('query-response', onResponse);
  await fn();
  knex.removeListener('query', onQuery).removeListener('query-response', onResponse);
  for (const { ms, sql } of times.sort((a, b) => b.ms - a.ms).slice(0, 12)) console.error(`${ms.toFixed(1).padStart(8)} ms  ${sql}`);
}

async function main() {
  const child = args.includes('--child');
  if (child) return runOne(DB as 'sqlite' | 'postgres');
  const clients = DB === 'both' ? (['sqlite', 'postgres'] as const) : ([DB] as ('sqlite' | 'postgres')[]);
  console.log(
    `Statistics report benchmark: ${N} inquiries, median of ${RUNS} runs, full report for 2025 (with 2024) against SELECT case_status, COUNT(*) … GROUP BY case_status`,
  );
  const results: any[] = [];
  for (const client of clients) {
    const r = runChild(__filename, client, ['--n', String(N), '--runs', String(RUNS), ...(PROFILE ? ['--profile'] : []), ...(KEEP ? ['--keep'] : [])], {
      // The generated cases are built in memory before they are inserted: more than 4 GB at a million.
      heapMb: Math.max(4096, Math.ceil(N / 1000) * 12),
      echo: (stderr) => {
        if (PROFILE || KEEP) console.log(`${client}:${PROFILE ? ' slowest queries of one report' : ''}\n${stderr}`);
      },
    });
    if (r) results.push(r);
  }
  for (const r of results) {
    console.log(
      `${r.client.padEnd(9)} cases ${r.cases}  generated in ${r.generateSeconds} s  full report ${r.reportMs} ms  grouped COUNT ${r.groupedCountMs} ms  ratio ${r.ratio}×  ${r.underOneSecond ? 'under 1 s' : 'OVER 1 s'}  (${r.machine})`,
    );
  }
}

runBench(main);
