/**
 * Benchmark of e-mail delivery through the outbox, in one run against one Strapi on a fresh
 * database, two worker processes (`node workers/dist/index.js`) and a local SMTP sink:
 *
 * 1. Throughput: N e-mails planned at once, delivered by the two workers (claim through the CMS,
 *    render, send, report), against nodemailer sending the same rendered messages directly to the
 *    same sink with as many in flight as the workers have (2 × 4). Aim ≥ 200 e-mails/s, ≥ 0.5×.
 *    The two alternate in rounds, so a shared machine's changing load hits both alike.
 * 2. Lateness: 10,000 notifications due within the same minute; for each, the time from its
 *    notBefore to its arrival at the sink: p50, p99. Aim p99 < 1 s.
 *
 *   npx tsx bench/outbox.ts [--db sqlite|postgres] [--n 2000] [--rounds 4] [--due 10000]
 *   npm run bench:outbox
 */
import crypto from 'crypto';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { performance } from 'perf_hooks';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { municipality, type OutboxMessage } from '@borgerraadgiver/config';
import { render } from '../workers/src/mail/templates';
import { OUTBOX_CONCURRENCY } from '../workers/src/queues/outbox';
import { arg, machine, percentile, ratio, runBench } from './stats';

const DB = arg('db', 'sqlite') as 'sqlite' | 'postgres';
const N = Number(arg('n', '2000'));
const ROUNDS = Number(arg('rounds', '4'));
const DUE = Number(arg('due', '10000'));
const WORKERS = 2;
const PER_WORKER = OUTBOX_CONCURRENCY;

/** Arrival time (ms since epoch) per outbox documentId, from the Message-ID the workers set. */
const arrivals = new Map<string, number>();
let received = 0;

function startSink(): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received++;
        const id = /^message-id:\s*<([^@>]+)@/im.exec(head)?.[1];
        if (id && !arrivals.has(id)) arrivals.set(id, Date.now());
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
}

async function waitFor(what: string, done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  const smtpPort = await startSink();
  const token = crypto.randomBytes(24).toString('base64url');
  // The workers inherit this environment, with the queue prefix startStrapi sets (and removes at the end).
  Object.assign(process.env, { DATABASE_CLIENT: DB, LOG_LEVEL: 'error', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), OUTBOX_WORKER_TOKEN: token });
  const { startStrapi } = await import('../test/helpers/strapi');
  // The compiled module Strapi runs (cms/dist has no type declarations; the source has the types).
  const { insertRows }: typeof import('../cms/src/outbox/writer') = await import('../cms/dist/src/outbox/writer.js' as string);
  const app = await startStrapi();
  const children: ChildProcess[] = [];
  try {
    // The same message the workers render for a report reminder.
    const message = (i: number): OutboxMessage => ({
      documentId: `direct${i}`,
      kind: 'report_reminder',
      recipient: municipality.email,
      subject: `Benchmark ${i}`,
      linkReissued: false,
      caseNumber: null,
      centerName: null,
      dueAt: null,
      requestedAt: null,
      link: null,
      linkExpiresAt: null,
      overdueNoticeSentAt: null,
      replacesEarlierLinks: false,
      failures: null,
      adminUrl: `${app.url}/admin`,
      opinionKind: null,
      opinionTitle: null,
      issuedAt: null,
      respondedAt: null,
      municipality: { name: municipality.name, advisorTitle: municipality.advisorTitle, email: municipality.email, phone: municipality.phone },
    });
    // As the workers' transport (workers/src/mail/transport.ts): pooled, a connection per message in flight.
    const direct = nodemailer.createTransport({
      pool: true,
      maxConnections: WORKERS * PER_WORKER,
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      connectionTimeout: 10_000,
    });
    /** Sends messages `from` .. `to - 1` directly; returns the seconds taken. */
    const sendDirect = async (from: number, to: number) => {
      let next = from;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: WORKERS * PER_WORKER }, async () => {
          while (next < to) {
            const i = next++;
            const mail = render(message(i));
            await direct.sendMail({
              from: municipality.email,
              to: mail.to,
              subject: mail.subject,
              text: mail.text,
              html: mail.html,
              messageId: `<direct${i}@bench>`,
            });
          }
        }),
      );
      return (performance.now() - start) / 1000;
    };

    const entry = path.resolve(__dirname, '../workers/dist/index.js');
    for (let i = 0; i < WORKERS; i++) {
      children.push(spawn(process.execPath, [entry], { env: { ...process.env, CMS_URL: app.url, OUTBOX_RECONCILE_EVERY: 'PT10M' }, stdio: 'ignore' }));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const plan = async (count: number, notBefore: (i: number) => Date, tag: string) => {
      const rows = Array.from({ length: count }, (_, i) => ({
        kind: 'report_reminder' as const,
        recipient: municipality.email,
        subject: `Benchmark ${tag} ${i}`,
        dueVersion: `bench:${tag}:${i}`,
        notBefore: notBefore(i),
      }));
      const stored: { documentId: string; notBefore: string | Date }[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        stored.push(...(await app.strapi.db.transaction(() => insertRows(app.strapi, rows.slice(i, i + 500)))));
      }
      return stored;
    };

    /** Plans `count` e-mails due now and waits until the sink has them all; returns the seconds taken. */
    const sendThroughOutbox = async (count: number, tag: string) => {
      const start = performance.now();
      const sent = await plan(count, () => new Date(), tag);
      await waitFor(`${count} e-mails`, () => sent.every((row) => arrivals.has(row.documentId)), 10 * 60_000);
      return (performance.now() - start) / 1000;
    };

    // Warm up both paths (JIT, statement caches, connections).
    await sendDirect(N, N + 40);
    await sendThroughOutbox(40, 'warm-up');

    const before = received;
    let [directSeconds, outboxSeconds] = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      const [from, to] = [Math.floor((round * N) / ROUNDS), Math.floor(((round + 1) * N) / ROUNDS)];
      // Alternating which goes first, so neither always follows the other's leftovers.
      if (round % 2) directSeconds += await sendDirect(from, to);
      outboxSeconds += await sendThroughOutbox(to - from, `throughput-${round}`);
      if (!(round % 2)) directSeconds += await sendDirect(from, to);
    }
    direct.close();
    const [outboxRate, directRate] = [N / outboxSeconds, N / directSeconds];
    const duplicates = received - before - 2 * N;

    // 10,000 due within one minute, starting once they are all planned.
    const dueStart = Date.now() + 30_000 + DUE * 3;
    const due = await plan(DUE, (i) => new Date(dueStart + Math.floor((i * 60_000) / DUE)), 'due');
    if (Date.now() > dueStart) throw new Error('planning took longer than the head start; raise it');
    await waitFor(`${DUE} due e-mails`, () => due.every((row) => arrivals.has(row.documentId)), 15 * 60_000);
    const lateness = due.map((row) => (arrivals.get(row.documentId)! - new Date(row.notBefore).getTime()) / 1000);

    console.log(
      `\nOutbox delivery on ${DB}, ${WORKERS} worker processes × ${PER_WORKER}, local SMTP sink, ${N} e-mails each in ${ROUNDS} alternating rounds (Node ${process.versions.node}, ${machine()})`,
    );
    console.log(`  through the outbox (claim, render, send, report)  ${outboxRate.toFixed(1).padStart(8)} e-mails/s   (aim ≥ 200)`);
    console.log(`  nodemailer directly, ${WORKERS * PER_WORKER} in flight              ${directRate.toFixed(1).padStart(8)} e-mails/s`);
    console.log(`  ratio outbox / direct                             ${ratio(outboxRate, directRate)}   (aim ≥ 0.5×)`);
    console.log(`  duplicates: ${duplicates}`);
    console.log(`\n${DUE} notifications due within one minute: lateness after notBefore (${machine()})`);
    console.log(
      `  p50 ${percentile(lateness, 0.5).toFixed(3)} s   p99 ${percentile(lateness, 0.99).toFixed(3)} s   max ${Math.max(...lateness).toFixed(3)} s   (aim p99 < 1 s)`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await app.stop();
  }
}

runBench(main);
