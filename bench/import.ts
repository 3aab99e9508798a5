/**
 * Benchmark of the import of the old register: N rows of a Danish Excel CSV (Windows-1252,
 * semicolons) imported through the rules (every row checked as the Document Service would, then
 * written in batches with its case number, journal events, import record and search index row),
 * beside a plain bulk insert of the same rows into the same tables (the case rows and their center
 * links, 500 to a statement, one transaction). Each database runs in a fresh process on a fresh
 * database; the ratio is measured in that one run. The aim: 10,000 rows under 60 s.
 *
 *   npx tsx bench/import.ts [--n 10000] [--db sqlite|postgres|both]
 *   npm run bench:import
 */
import { spawnSync } from 'child_process';
import crypto from 'crypto';
import path from 'path';
import { performance } from 'perf_hooks';
import { machine, runBench } from './stats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(arg('n', '10000'));
const DB = arg('db', 'both');

interface Result {
  importSeconds: number;
  bulkSeconds: number;
  created: number;
}

async function runOne(client: 'sqlite' | 'postgres'): Promise<Result> {
  process.env.DATABASE_CLIENT = client;
  process.env.LOG_LEVEL = 'error';
  const { startStrapi } = await import('../test/helpers/strapi');
  const { danishExcelCsv, generatedRows } = await import('../test/helpers/import-files');
  const { mappingFor } = await import('../cms/src/import');
  const { readSheet } = await import('../cms/src/import/read');
  const { convertRow } = await import('../cms/src/import/mapping');
  const { importSheet, loadCenters } = await import('../cms/src/import/run');
  const app = await startStrapi();
  try {
    const centers = await loadCenters(app.strapi);
    const bytes = danishExcelCsv(
      generatedRows(
        N,
        centers.map((center) => center.name),
      ),
    );

    const t0 = performance.now();
    const sheet = await readSheet(bytes, 'register.csv');
    const mapping = await mappingFor(app.strapi, sheet.headers);
    const { summary } = await importSheet(app.strapi, sheet, { file: 'register.csv', mapping, dryRun: false });
    const importSeconds = (performance.now() - t0) / 1000;
    if (summary.created !== N) throw new Error(`expected ${N} cases, got ${JSON.stringify(summary)}`);

    // The same rows, converted the same way, written straight into the tables.
    const knex = app.strapi.db.connection;
    const t1 = performance.now();
    const converted = sheet.rows.map((row) => convertRow(row, sheet.headers, mapping, centers));
    const centerIds = new Map(centers.map((center) => [center.documentId, center.id]));
    await knex.transaction(async (trx) => {
      for (let start = 0; start < converted.length; start += 500) {
        const chunk = converted.slice(start, start + 500);
        const now = new Date();
        const ids: { id: number }[] = await trx('complaints')
          .insert(
            chunk.map(({ data }) => ({
              document_id: crypto.randomUUID().replace(/-/g, '').slice(0, 24),
              case_number: `B${data.caseNumber}`,
              received_at: new Date(String(data.receivedAt)),
              channel: data.channel,
              purpose: data.purpose,
              category: data.category,
              complaint_themes: JSON.stringify(data.complaintThemes),
              case_status: data.caseStatus,
              out_of_scope_reason: data.outOfScopeReason ?? null,
              closed_at: new Date(String(data.closedAt)),
              citizen_name: data.citizenName,
              description: data.description,
              complainant_kind: 'citizen',
              identity: 'named',
              created_at: now,
              updated_at: now,
            })),
          )
          .returning('id');
        await trx('complaints_center_lnk').insert(
          chunk.map(({ data }, i) => ({ complaint_id: typeof ids[i] === 'object' ? ids[i].id : ids[i], center_id: centerIds.get(String(data.center)) })),
        );
      }
    });
    const bulkSeconds = (performance.now() - t1) / 1000;
    return { importSeconds, bulkSeconds, created: summary.created };
  } finally {
    await app.stop();
  }
}

function child(client: string): Result {
  const result = spawnSync(process.execPath, [...process.execArgv, __filename, '--child', client, '--n', String(N)], {
    cwd: path.resolve(__dirname, '..'),
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`benchmark child failed (${client}):\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(line);
}

async function main() {
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    process.stdout.write(`${JSON.stringify(await runOne(args[childAt + 1] as 'sqlite' | 'postgres'))}\n`);
    return;
  }
  const clients = DB === 'both' ? ['sqlite', 'postgres'] : [DB];
  console.log(`Import of ${N} rows (Danish Excel CSV) through the rules, beside a plain bulk insert of the same rows (${machine()})`);
  console.log('The import also writes what the bulk insert leaves out: 2 journal events, an import record and a search index row per case.');
  console.log('database    import (rules, journal)   rows/s   bulk insert   ratio   under 60 s');
  for (const client of clients) {
    const { importSeconds, bulkSeconds } = child(client);
    console.log(
      `${client.padEnd(10)}  ${importSeconds.toFixed(1).padStart(16)} s   ${Math.round(N / importSeconds)
        .toString()
        .padStart(
          6,
        )}   ${bulkSeconds.toFixed(2).padStart(9)} s   ${(importSeconds / bulkSeconds).toFixed(0).padStart(4)}×   ${importSeconds < 60 ? 'ja' : 'NEJ'}`,
    );
  }
  console.log(`(${machine()} after the runs)`);
}

runBench(main);
