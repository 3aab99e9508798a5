/**
 * Sending: SMTP through nodemailer when SMTP_HOST is set; otherwise each email is written as an
 * .eml file to MAIL_DIR (git-ignored .data/mail by default) so `npm start` works without a mail
 * server. Only in that dev mode is the e-mail's link logged: a link is a secret that opens a
 * center's statement page or a citizen's case page, so it must never appear in production logs.
 */
import fs from 'fs';
import path from 'path';
import nodemailer from 'nodemailer';
import type { WorkerSettings } from '../settings';
import type { RenderedMail } from './templates';

export interface OutgoingMail extends RenderedMail {
  /** The outbox row; used for a stable Message-ID and the .eml file name. */
  documentId: string;
  /** Logged in .eml dev mode only. */
  link?: string | null;
}

export interface MailTransport {
  readonly mode: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

type Log = { info(message: string): void };

function messageIdFor(documentId: string, from: string) {
  const domain = from.split('@')[1]?.replace(/[>\s]/g, '') || 'borgerraadgiver.local';
  return `<${documentId}@${domain}>`;
}

/** The message as both modes send it; the Message-ID follows the outbox row, so a resend is recognisable. */
function messageOf(mail: OutgoingMail, from: string): nodemailer.SendMailOptions {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: messageIdFor(mail.documentId, from) };
}

/**
 * The worker's transport. SMTP connections are pooled, one per e-mail in flight (`connections`):
 * a connection per message costs a handshake each time (a third of the throughput against a local
 * server, more with TLS) and mail relays limit how often a sender may connect.
 */
export function createTransport(settings: WorkerSettings, log: Log = console, connections = 1): MailTransport {
  const from = settings.endpoints.mailFrom;
  const smtp = settings.endpoints.smtp;
  if (smtp) {
    const transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: connections,
      host: smtp.host,
      port: smtp.port,
      secure: settings.outbox.smtpSecure,
      auth: settings.outbox.smtpUser ? { user: settings.outbox.smtpUser, pass: settings.outbox.smtpPassword ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      mode: 'smtp',
      async send(mail) {
        const info = await transporter.sendMail(messageOf(mail, from));
        return { messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }
  const dir = settings.outbox.mailDir;
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'file',
    async send(mail) {
      const info = await transporter.sendMail(messageOf(mail, from));
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.documentId}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      log.info(`mail (dev, no SMTP_HOST): wrote ${file}`);
      // Dev mode only: the link is a secret-bearing URL.
      if (mail.link) log.info(`mail (dev, no SMTP_HOST): link in the e-mail ${mail.link}`);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
