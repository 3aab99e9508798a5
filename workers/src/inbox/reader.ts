/**
 * The inbox reader: hands every waiting message to the CMS and moves it to the done folder only
 * once the CMS has stored it (or had it already: the CMS is idempotent by Message-ID, so a
 * restart, a second reader or a message delivered twice stores it once). When the CMS or the mail
 * server is away the message stays in the inbox and is read again; a dropped IMAP connection is
 * opened again with backoff. Wakes on new mail (IMAP IDLE, a folder watch) and every INBOX_POLL_MS.
 */
import type { InboxSettings } from '@borgerraadgiver/config';
import type { InboxApi } from '../cms-client';
import { folderMailbox, imapMailbox, type Mailbox } from './mailbox';

export interface InboxReader {
  /** Reads until the inbox is empty or the CMS stops answering; resolves with how many messages left it. */
  readNow(): Promise<number>;
  close(): Promise<void>;
}

type Log = { info(message: string): void; warn(message: string): void };

const BATCH = 20;

/** An answer about the message itself (4xx, 500), not about the CMS being away. */
function isRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status <= 500 && status !== 408 && status !== 429;
}

export function startInboxReader(
  settings: InboxSettings,
  cms: InboxApi,
  log: Log,
  mailbox: Mailbox = settings.imap ? imapMailbox(settings.imap, settings) : folderMailbox(settings),
): InboxReader {
  let stopped = false;
  let opened = false;
  let wake: (() => void) | null = null;
  let pending = false;
  const nudge = () => {
    pending = true;
    wake?.();
  };
  const where = settings.imap ? `IMAP ${settings.imap.host}:${settings.imap.port}/${settings.imap.folder}` : settings.dir;

  async function ensureOpen() {
    if (opened && mailbox.usable()) return;
    if (opened) await mailbox.close().catch(() => undefined);
    opened = false;
    await mailbox.open(nudge);
    opened = true;
    log.info(`inbox: reading ${where}`);
  }

  let reading: Promise<number> | null = null;
  async function readAll(): Promise<number> {
    await ensureOpen();
    let moved = 0;
    for (;;) {
      pending = false;
      const messages = await mailbox.waiting(BATCH);
      let progress = 0;
      for (const message of messages) {
        if (stopped) return moved;
        let result;
        try {
          result = await cms.deliver(message.raw);
        } catch (error) {
          // The CMS unreachable or busy (no answer, 502-504): stop and read again later. A message
          // the CMS refuses stays in the inbox, named in the log, and does not hold up the others.
          if (!isRefusal(error)) throw error;
          log.warn(`inbox: message ${message.label} could not be stored (${(error as Error).message}); it stays in the inbox`);
          continue;
        }
        await mailbox.done(message);
        progress++;
        log.info(
          `inbox: message ${message.label} ${result.outcome === 'duplicate' ? 'was stored before' : `stored (${result.status})`}; moved to ${settings.doneFolder}`,
        );
      }
      moved += progress;
      if (!progress || messages.length < BATCH) return moved;
    }
  }
  // One read at a time per reader; a wake-up during a read reads again afterwards.
  const readNow = () => (reading ??= readAll().finally(() => (reading = null)));

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        await readNow();
        failures = 0;
      } catch (error) {
        failures++;
        log.warn(`inbox: ${(error as Error).message} (the message stays in the inbox; trying again)`);
      }
      if (stopped) break;
      const delay = failures ? Math.min(settings.pollMs, 1000 * 2 ** Math.min(failures, 6)) : settings.pollMs;
      if (!pending || failures)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      wake = null;
    }
  })();

  return {
    readNow,
    async close() {
      stopped = true;
      wake?.();
      await loop;
      await reading?.catch(() => undefined);
      await mailbox.close().catch(() => undefined);
    },
  };
}
