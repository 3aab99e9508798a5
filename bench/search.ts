/**
 * Benchmark of finding cases: generates N cases (default 100,000) with Danish text in their
 * descriptions, a statement request with the center's answer for every fifth and an opinion for
 * every twentieth, indexes them (the same code that keeps the index on every write), then in one
 * run, alternating in rounds:
 *   - full-text searches (frequent, middling and rare words, two words, with a center filter) as
 *     the advisor's route runs them, against a plain indexed lookup of a case by its documentId;
 *   - the drill-down of the report's largest figure (all inquiries of the year; its first page and
 *     count), against the full statistics report it comes from.
 * Prints p50/p95 and the ratios, with the machine's load; PostgreSQL aims at a search p95 ≤ 100 ms.
 *
 *   npx tsx bench/search.ts [--n 100000] [--db postgres|sqlite|both] [--queries 300] [--runs 5]
 *   npm run bench:search
 */
import { performance } from 'perf_hooks';
import { ReportFixtures } from './report-fixtures';
import { arg, machine, percentile, random, ratio, runChild, runBench } from './stats';

const N = Number(arg('n', process.env.BENCH_N ?? '100000'));
const DB = arg('db', 'both');
const QUERIES = Number(arg('queries', '300'));
const RUNS = Number(arg('runs', '5'));

/** Words of the field, drawn with a Zipf-like skew so some are common and most are rare. */
const WORDS = (
  'afslag afgørelse ansøgning begrundelse sagsbehandling sagsbehandler jobcenter kontanthjælp boligstøtte hjemmepleje ' +
  'bevilling klage ventetid partshøring aktindsigt journalisering vejledning frist brev telefon møde borgerservice ' +
  'handicap hjælpemiddel kørestol genoptræning plejebolig skole daginstitution pladsanvisning tandpleje sygedagpenge ' +
  'ressourceforløb fleksjob revalidering førtidspension beskæftigelse ydelse tilbagebetaling opkrævning parkering affald ' +
  'vej fortov byggesag byggetilladelse nabo støj lugt miljø tilsyn forældremyndighed underretning anbringelse familie ' +
  'barn ung misbrug psykiatri bostøtte visitation revurdering nedsættelse praktisk personlig rengøring madservice ' +
  'transport kørsel befordring handicapbil kommunikation sprog tolk diskrimination forskelsbehandling adfærd tone ' +
  'respekt uhøflig venlig hjælpsom forsinkelse sagsbehandlingstid rykker svar mail postkasse digital borger.dk ' +
  'ankestyrelsen forvaltningsloven offentlighedsloven retssikkerhedsloven serviceloven aktivloven dokumentation ' +
  'lægeerklæring speciallæge arbejdsprøvning virksomhedspraktik kursus uddannelse vejleder kontaktperson koordinator'
).split(' ');
const FILLER = 'jeg har ikke fået og det er en som de med for at på var der men om sin kan blev efter hvor'.split(' ');

const SUFFIXES = ['', '', 'en', 'et', 'er', 'erne', 'ene', 's'];

async function runOne(client: 'sqlite' | 'postgres') {
  process.env.DATABASE_CLIENT = client;
  process.env.LOG_LEVEL = 'error';
  const { startStrapi } = await import('../test/helpers/strapi');
  const { indexMissing } = await import('../cms/src/search/store');
  const { parseSearch, RANKED_CANDIDATES, searchCases } = await import('../cms/src/search/query');
  const { figureCases } = await import('../cms/src/reports/db/figures');
  const { yearPeriod } = await import('../cms/src/reports/period');
  const app = await startStrapi();
  try {
    const knex = app.strapi.db.connection;
    const rnd = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
    // Zipf-like: word k drawn with weight 1/(k+1).
    const zipf = () => WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp(rnd() * Math.log(WORDS.length + 1))) - 1)];
    const text = (words: number) =>
      Array.from({ length: words }, () => (rnd() < 0.4 ? pick(FILLER) : zipf() + pick(SUFFIXES)))
        .join(' ')
        .replace(/^./, (c) => c.toUpperCase()) + '.';
    const DAY = 86_400_000;
    const start = Date.UTC(2024, 0, 1);

    let t0 = performance.now();
    const centers = await knex.transaction(async (trx) => {
      const f = new ReportFixtures(trx, 1000);
      const centerIds = await f.centers(Array.from({ length: 12 }, (_, i) => `Center ${i + 1}`));
      const complaints = Array.from({ length: N }, () => ({
        center: pick(centerIds),
        receivedAt: new Date(start + Math.floor(rnd() * 2 * 365 * DAY)),
        status: pick(['modtaget', 'dialog', 'loest_ved_dialog', 'undersoegelse', 'afsluttet']),
        description: text(20 + Math.floor(rnd() * 60)),
        identity: pick(['named', 'named', 'confidential']),
        citizenName: `Borger ${Math.floor(rnd() * N)}`,
      }));
      const ids = await f.complaints(complaints);
      await f.statements(
        Array.from({ length: Math.floor(N / 5) }, (_, i) => ({
          center: complaints[i * 5].center,
          complaint: ids[i * 5],
          requestedAt: new Date(complaints[i * 5].receivedAt.getTime() + 3 * DAY),
          dueAt: new Date(complaints[i * 5].receivedAt.getTime() + 17 * DAY),
          respondedAt: new Date(complaints[i * 5].receivedAt.getTime() + 12 * DAY),
          questions: text(15),
          responseText: text(40 + Math.floor(rnd() * 80)),
        })),
      );
      await f.opinions(
        Array.from({ length: Math.floor(N / 20) }, (_, i) => ({
          outcome: pick(['kritik', 'henstilling', 'ingen_kritik', 'afvisning']),
          issuedAt: new Date(complaints[i * 20].receivedAt.getTime() + 40 * DAY),
          complaint: ids[i * 20],
          reasoning: text(60 + Math.floor(rnd() * 80)),
        })),
      );
      return centerIds;
    });
    const generateSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const indexed = await indexMissing(app.strapi);
    const indexSeconds = (performance.now() - t0) / 1000;
    if (client === 'postgres') await knex.raw('VACUUM ANALYZE');

    const centerDocuments = (await knex('centers').select('id', 'document_id')) as { id: number; document_id: string }[];
    const documentIds = ((await knex('complaints').select('document_id').orderBy('id').limit(5000)) as { document_id: string }[]).map((r) => r.document_id);
    const queries = [
      ...WORDS.slice(0, 5).map((w) => ({ q: w })), // frequent
      ...WORDS.slice(40, 45).map((w) => ({ q: `${w}erne` })), // middling, inflected
      ...WORDS.slice(-5).map((w) => ({ q: w })), // rare
      { q: `${WORDS[0]} ${WORDS[7]}` },
      { q: `${WORDS[3]}en ${WORDS[60]}` },
      { q: WORDS[1], center: centerDocuments.find((c) => c.id === centers[0])!.document_id },
    ];
    const search = (i: number) => searchCases(knex, parseSearch({ ...queries[i % queries.length], pageSize: '20' }), true);
    const lookup = (i: number) =>
      knex('complaints')
        .select('id', 'document_id', 'case_number', 'title')
        .where('document_id', documentIds[i % documentIds.length])
        .first();

    // Warm up, then alternate so both see the same conditions.
    for (let i = 0; i < queries.length; i++) await search(i);
    const searchMs: number[] = [];
    const lookupMs: number[] = [];
    let hits = 0;
    for (let i = 0; i < QUERIES; i++) {
      let t = performance.now();
      hits += (await search(i)).total;
      searchMs.push(performance.now() - t);
      t = performance.now();
      await lookup(i);
      lookupMs.push(performance.now() - t);
    }

    // Which index finds the ranked matches (./cms/src/search/query.ts takes them this way): for a
    // frequent word the latest rows by the key, for a rarer one the word index.
    const plans: string[] = [];
    if (client === 'postgres')
      for (const { q } of [queries[0], queries[queries.length - 4]]) {
        const [explained] = (
          await knex.raw(
            `EXPLAIN (ANALYZE, FORMAT JSON) SELECT s.complaint_id FROM case_search s WHERE s.all_tsv @@ plainto_tsquery('danish', ?) ORDER BY s.complaint_id DESC LIMIT ${RANKED_CANDIDATES + 1}`,
            [q],
          )
        ).rows[0]['QUERY PLAN'];
        const nodes: string[] = [];
        const walk = (node: any) => {
          if (node['Index Name']) nodes.push(`${node['Node Type']} on ${node['Index Name']}`);
          (node.Plans ?? []).forEach(walk);
        };
        walk(explained.Plan);
        plans.push(`"${q}": ${nodes.join(', ') || explained.Plan['Node Type']} ${Math.round(explained['Execution Time'] * 10) / 10} ms`);
      }

    const service = app.strapi.service('api::report.report') as any;
    const period = yearPeriod(2025);
    let report = await service.statistics(period);
    const largest = report.inquiries.total;
    const drillMs: number[] = [];
    const reportMs: number[] = [];
    let listed = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      // The first page, as "Sager bag tallet" opens it: the same query pages and counts.
      listed = (await figureCases(knex, period, largest.figure, { page: 1, pageSize: 50 })).total;
      drillMs.push(performance.now() - t);
      t = performance.now();
      report = await service.statistics(period);
      reportMs.push(performance.now() - t);
    }
    const p = (values: number[], q: number) => Math.round(percentile(values, q) * 10) / 10;
    console.log(
      JSON.stringify({
        client,
        cases: N,
        generateSeconds: Math.round(generateSeconds),
        indexed,
        indexSeconds: Math.round(indexSeconds),
        searches: QUERIES,
        meanHits: Math.round(hits / QUERIES),
        plans,
        searchP50: p(searchMs, 0.5),
        searchP95: p(searchMs, 0.95),
        lookupP50: p(lookupMs, 0.5),
        lookupP95: p(lookupMs, 0.95),
        searchRatio: ratio(percentile(searchMs, 0.95), percentile(lookupMs, 0.95)),
        figure: largest.label,
        figureValue: largest.current,
        listed,
        drillMs: p(drillMs, 0.5),
        reportMs: p(reportMs, 0.5),
        drillRatio: ratio(percentile(drillMs, 0.5), percentile(reportMs, 0.5)),
        machine: machine(),
      }),
    );
  } finally {
    await app.stop();
  }
}

async function main() {
  if (process.argv.includes('--child')) return runOne(DB as 'sqlite' | 'postgres');
  const clients = DB === 'both' ? (['postgres', 'sqlite'] as const) : ([DB] as ('sqlite' | 'postgres')[]);
  console.log(
    `Search benchmark: ${N} cases with statements and opinions, ${QUERIES} searches alternating with a lookup by documentId; drill-down of the largest figure against the full report (median of ${RUNS})`,
  );
  for (const client of clients) {
    const r = runChild(__filename, client, ['--n', String(N), '--queries', String(QUERIES), '--runs', String(RUNS)]);
    if (!r) continue;
    console.log(
      `${r.client.padEnd(9)} ${r.cases} cases (generated ${r.generateSeconds} s, indexed ${r.indexed} in ${r.indexSeconds} s)\n` +
        `  search      p50 ${r.searchP50} ms  p95 ${r.searchP95} ms  (${r.meanHits} hits on average)${r.client === 'postgres' ? (r.searchP95 <= 100 ? '  p95 ≤ 100 ms' : '  p95 OVER 100 ms') : ''}\n` +
        (r.plans.length ? `  matches by  ${r.plans.join('; ')}\n` : '') +
        `  lookup      p50 ${r.lookupP50} ms  p95 ${r.lookupP95} ms   search p95 / lookup p95 = ${r.searchRatio}\n` +
        `  drill-down  "${r.figure}" ${r.figureValue} counted, ${r.listed} in its list (first page of 50): ${r.drillMs} ms against the full report ${r.reportMs} ms = ${r.drillRatio}\n` +
        `  (${r.machine})`,
    );
  }
}

runBench(main);
