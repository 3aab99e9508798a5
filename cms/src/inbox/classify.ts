/**
 * What an incoming e-mail is, from its headers and parts alone (no Strapi, table-tested): its
 * idempotency key, the message ids and case numbers it refers to, whether it is an automatic
 * reply, and whether it is a delivery report about one of the system's own e-mails.
 */
import crypto from 'crypto';
import { caseReferences } from '@borgerraadgiver/config';

/** The parts of a parsed message (mailparser's ParsedMail) the routing reads. */
export interface MailFacts {
  messageId: string | null;
  /** In-Reply-To and References, oldest first. */
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  subject: string;
  text: string;
  /** Header names in lower case; a repeated header's values joined by newlines. */
  headers: Record<string, string>;
  /** The top-level Content-Type with its parameters, e.g. `multipart/report; report-type=delivery-status`. */
  contentType: string;
  /** The text of message/delivery-status, message/rfc822 and text/rfc822-headers parts. */
  reportParts: { contentType: string; text: string }[];
}

/** The stored key of a message: the SHA-256 of its Message-ID, or of the whole message when it has none. */
export function messageKeyOf(messageId: string | null, raw: Buffer): string {
  const id = messageId?.trim().replace(/^<|>$/g, '').toLowerCase();
  return crypto
    .createHash('sha256')
    .update(id ? `id:${id}` : 'raw:')
    .update(id ? '' : raw)
    .digest('hex');
}

/** Message ids without the angle brackets, as written in Message-ID, In-Reply-To and References. */
export function messageIds(value: string | string[] | null | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...text.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]);
}

/**
 * The outbox rows (their documentId) behind message ids the system itself gave its e-mails:
 * `<documentId@domain of MAIL_FROM>` (workers/src/mail/transport.ts).
 */
export function outboxIdsOf(ids: string[], mailFrom: string): string[] {
  const domain = mailFrom.split('@')[1]?.replace(/[>\s]/g, '').toLowerCase();
  if (!domain) return [];
  return ids.filter((id) => id.toLowerCase().endsWith(`@${domain}`)).map((id) => id.slice(0, id.lastIndexOf('@')));
}

const AUTO_SUBJECT =
  /^\s*(autosvar|automatisk svar|auto(matic)?[ -]?reply|out of (the )?office|fraværende|fraværsbesked|ikke til stede|abwesend|absence|autoreply)\b/i;

/**
 * An automatic answer (out-of-office, auto-reply, a list's robot): RFC 3834 Auto-Submitted, the
 * vendors' headers (Exchange, and the X-Autoreply family) and the subjects Outlook and Gmail write.
 */
export function isAutoReply(facts: MailFacts): boolean {
  const h = facts.headers;
  const autoSubmitted = h['auto-submitted']?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (h['x-autoreply'] || h['x-autorespond'] || h['x-autoresponder'] || /^(auto_?reply|bulk|junk)$/i.test(h['precedence']?.trim() ?? '')) return true;
  if (/\b(oof|autoreply)\b/i.test(h['x-ms-exchange-inbox-rules-loop'] ?? '') || /^(oof|autoreply|dr|rn|nrn)$/i.test(h['x-auto-response'] ?? '')) return true;
  return AUTO_SUBJECT.test(facts.subject);
}

export interface Bounce {
  /** Message ids of the e-mail that could not be delivered. */
  originalIds: string[];
  /** The reason in the mail server's own words (Diagnostic-Code or Status), for the outbox row. */
  diagnostic: string;
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail delivery (sub)?system)\b/i;
const BOUNCE_SUBJECT =
  /(undeliver|returned mail|delivery (status notification|has failed|failure)|mail delivery failed|failure notice|kunne ikke leveres|ikke leveret|levering mislykkedes)/i;

/**
 * A report that one of the system's e-mails could not be delivered: a DSN (RFC 3464,
 * multipart/report with report-type delivery-status and Action: failed) or, from servers that
 * send none, a mailer-daemon's message with the returned headers quoted. A delay report is not
 * a bounce. Null when the message is no bounce.
 */
export function bounceOf(facts: MailFacts): Bounce | null {
  const isReport = /multipart\/report/i.test(facts.contentType) && /report-type\s*=\s*"?delivery-status/i.test(facts.contentType);
  // mailparser puts an inline message/delivery-status part into the text.
  const status = facts.reportParts.find((part) => /delivery-status/i.test(part.contentType)) ?? (isReport ? { text: facts.text } : undefined);
  const returned = facts.reportParts.filter((part) => /rfc822/i.test(part.contentType)).map((part) => part.text);
  const sender = `${facts.fromAddress ?? ''} ${facts.fromName ?? ''}`.trim();
  if (isReport && status) {
    if (!/^action:\s*failed/im.test(status.text)) return null;
  } else if (!(BOUNCE_SENDER.test(sender) && BOUNCE_SUBJECT.test(facts.subject))) {
    return null;
  }
  const quoted = [...returned, facts.text].flatMap((text) => [...text.matchAll(/^message-id:\s*(<[^>]+>)/gim)].map((match) => match[1]));
  const originalIds = [...new Set([...messageIds(quoted), ...facts.references])];
  const diagnostic =
    status?.text.match(/^diagnostic-code:\s*(?:smtp;\s*)?(.+)$/im)?.[1]?.trim() ?? status?.text.match(/^status:\s*(.+)$/im)?.[1]?.trim() ?? facts.subject;
  return { originalIds, diagnostic };
}

/**
 * The case numbers the sender points at: the subject's references, else the system's tag
 * "[Sag …]" quoted in the text (a forwarded reply whose subject was rewritten).
 */
export function caseNumbersIn(facts: MailFacts): string[] {
  const inSubject = caseReferences(facts.subject);
  if (inSubject.length) return inSubject;
  return caseReferences([...facts.text.matchAll(/\[sag [^\]]+\]/gi)].map((match) => match[0]).join(' '));
}
