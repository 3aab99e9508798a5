/**
 * The two kinds of inbox the reader empties: the advisor's IMAP mailbox, or (without
 * INBOX_IMAP_HOST) a local folder of `.eml` files. Both list what waits and move a message to
 * the done folder; the reader (reader.ts) moves a message only after the CMS has stored it.
 */
import fs from 'fs';
import path from 'path';
import { ImapFlow } from 'imapflow';
import type { InboxSettings } from '@borgerraadgiver/config';

export interface WaitingMessage {
  /** For the log: the IMAP UID or the file name (never the sender or subject). */
  label: string;
  raw: Buffer;
}

export interface Mailbox {
  /** Opens the connection (IMAP) or the folders (files). */
  open(onNewMail: () => void): Promise<void>;
  /** Up to `limit` messages waiting in the inbox, oldest first. */
  waiting(limit: number): Promise<WaitingMessage[]>;
  /** Moves a stored message to the done folder; a message already gone (another reader) is fine. */
  done(message: WaitingMessage): Promise<void>;
  /** False once an IMAP connection has dropped: the reader opens a new one. */
  usable(): boolean;
  close(): Promise<void>;
}

type ImapSettings = NonNullable<InboxSettings['imap']>;

export function imapMailbox(imap: ImapSettings, settings: Pick<InboxSettings, 'doneFolder' | 'pollMs'>): Mailbox {
  let client: ImapFlow | null = null;
  return {
    async open(onNewMail) {
      client = new ImapFlow({
        host: imap.host,
        port: imap.port,
        secure: imap.secure,
        auth: imap.user ? { user: imap.user, pass: imap.password ?? '' } : undefined,
        logger: false,
        // IDLE where the server offers it; otherwise imapflow polls with NOOP this often (at most every 2 minutes).
        maxIdleTime: settings.pollMs,
        autoIdleDelay: 1000,
        connectionTimeout: 15_000,
        greetingTimeout: 10_000,
      });
      client.on('exists', onNewMail);
      client.on('error', () => undefined); // reported as a dropped connection (usable() false)
      await client.connect();
      const folders = await client.list();
      if (!folders.some((folder) => folder.path === settings.doneFolder)) await client.mailboxCreate(settings.doneFolder).catch(() => undefined);
      await client.mailboxOpen(imap.folder);
    },
    async waiting(limit) {
      const uids = ((await client!.search({ all: true }, { uid: true })) || []).slice(0, limit);
      if (!uids.length) return [];
      const messages = await client!.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
      return messages.filter((message) => message.source).map((message) => ({ label: String(message.uid), raw: message.source! }));
    },
    async done(message) {
      await client!.messageMove(message.label, settings.doneFolder, { uid: true });
    },
    usable: () => Boolean(client?.usable),
    async close() {
      const closing = client;
      client = null;
      if (!closing) return;
      await closing.logout().catch(() => closing.close());
    },
  };
}

export function folderMailbox(settings: Pick<InboxSettings, 'dir' | 'doneFolder'>): Mailbox {
  const doneDir = path.join(settings.dir, settings.doneFolder);
  let watcher: fs.FSWatcher | null = null;
  return {
    async open(onNewMail) {
      await fs.promises.mkdir(doneDir, { recursive: true });
      // fs.watch is a hint only (it misses events on some file systems); the reader also polls.
      watcher = fs.watch(settings.dir, onNewMail);
      watcher.on('error', () => undefined);
    },
    async waiting(limit) {
      const names = (await fs.promises.readdir(settings.dir)).filter((name) => name.toLowerCase().endsWith('.eml')).sort();
      const messages: WaitingMessage[] = [];
      for (const name of names.slice(0, limit)) {
        const raw = await fs.promises.readFile(path.join(settings.dir, name)).catch(() => null);
        if (raw) messages.push({ label: name, raw });
      }
      return messages;
    },
    async done(message) {
      const target = path.join(doneDir, fs.existsSync(path.join(doneDir, message.label)) ? `${Date.now()}-${message.label}` : message.label);
      await fs.promises.rename(path.join(settings.dir, message.label), target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },
    usable: () => true,
    async close() {
      watcher?.close();
      watcher = null;
    },
  };
}
