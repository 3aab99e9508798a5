/** A real SMTP server (smtp-server) for integration tests: collects every message it accepts. */
import net from 'net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Decoded headers and bodies (quoted-printable and RFC 2047 undone), for searching. */
  decoded: string;
  subject: string;
  messageId: string;
  /** The statement link in the mail, if any. */
  link: string | null;
}

/** How the server answers: reject recipients (5xx at RCPT), or store a message and still answer with an error. */
export interface SmtpBehaviour {
  rejectRecipient?: (address: string) => boolean;
  /** Called after a message is stored; a reply code (e.g. 451) makes the server answer DATA with that error. */
  errorAfterData?: (mail: ReceivedMail) => number | null;
}

export interface TestSmtp {
  port: number;
  messages: ReceivedMail[];
  /** Changeable while running. */
  behaviour: SmtpBehaviour;
  /** Stops accepting connections (the port is kept for start()). */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(predicate: (mails: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(text: string): string {
  return text.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const decoded = decodeWords(decodeQuotedPrintable(raw));
  const header = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^subject: (.*)$/im.exec(header)?.[1] ?? '').trim();
  const messageId = /^message-id: (.*)$/im.exec(header)?.[1]?.trim() ?? '';
  const link = /https?:\/\/[^\s"<>]+\/redegoerelse\/[A-Za-z0-9_-]+/.exec(decoded)?.[0] ?? null;
  return { to, raw, decoded, subject, messageId, link };
}

export async function startSmtp(port?: number): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const behaviour: SmtpBehaviour = {};
  const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });
  const chosen = port ?? (await freePort());
  let server: SMTPServer | null = null;
  const start = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (behaviour.rejectRecipient?.(address.address)) return callback(smtpError(550, '5.1.1 No such user'));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          );
          messages.push(mail);
          const code = behaviour.errorAfterData?.(mail) ?? null;
          callback(code ? smtpError(code, 'Temporary failure after the message was stored') : null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(chosen, '127.0.0.1', () => resolve());
    });
  };
  await start();
  return {
    port: chosen,
    messages,
    behaviour,
    start,
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async waitFor(predicate, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for mail; got ${messages.length}: ${messages.map((m) => `${m.to.join(',')} ${m.subject}`).join(' | ')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return messages;
    },
  };
}
