/**
 * Sends one outbox row: claim it from the CMS (atomic planned -> sending, re-checked there),
 * render, send, report. A plain function over the job's data; no Redis needed to test it.
 */
import { UnrecoverableError } from 'bullmq';
import type { OutboxJobData } from '@borgerraadgiver/config';
import type { OutboxApi } from '../cms-client';
import type { MailTransport } from '../mail/transport';
import { render } from '../mail/templates';

export interface SendJob {
  id?: string;
  data: OutboxJobData;
  /** Attempts already made before this one (BullMQ's job.attemptsMade). */
  attemptsMade: number;
  opts: { attempts?: number };
}

export interface SendDeps {
  cms: OutboxApi;
  transport: MailTransport;
  log?: { info(message: string): void; warn(message: string): void };
}

export type SendOutcome = { outcome: 'sent'; messageId: string } | { outcome: 'skipped'; reason: string } | { outcome: 'later'; notBefore: string };

async function reportWithRetry(deps: SendDeps, documentId: string, result: Parameters<OutboxApi['report']>[1]) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await deps.cms.report(documentId, result);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
  // The row stays in `sending`; the reconciler marks it failed after OUTBOX_SENDING_TIMEOUT.
  // Never resend: a retry of this job finds the row claimed and skips it.
  deps.log?.warn(`outbox ${documentId}: could not record the result (${(lastError as Error).message})`);
}

/** The text as kept on the e-mail's page: a personal link works only for its recipient and is never stored. */
export const withoutLink = (text: string, link: string | null) => (link ? text.split(link).join('[personligt link, gemmes ikke]') : text);

/** A permanent SMTP rejection (5xx reply, e.g. 550 no such mailbox): retrying cannot help. */
export function isPermanentRejection(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export async function processSend(job: SendJob, deps: SendDeps): Promise<SendOutcome> {
  const documentId = job.data.notificationId;
  const claim = await deps.cms.claim(documentId);
  if (claim.action === 'skip') {
    deps.log?.info(`outbox ${documentId}: skipped (${claim.reason})`);
    return { outcome: 'skipped', reason: claim.reason };
  }
  if (claim.action === 'later') return { outcome: 'later', notBefore: claim.notBefore };

  const { message } = claim;
  try {
    const mail = render(message);
    const { messageId } = await deps.transport.send({ ...mail, documentId, link: message.link });
    await reportWithRetry(deps, documentId, { ok: true, messageId, subject: mail.subject, text: withoutLink(mail.text, message.link) });
    deps.log?.info(`outbox ${documentId}: sent ${message.kind}`);
    return { outcome: 'sent', messageId };
  } catch (error) {
    const permanent = isPermanentRejection(error);
    const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await reportWithRetry(deps, documentId, { ok: false, error: (error as Error).message, final });
    deps.log?.warn(
      `outbox ${documentId}: attempt ${job.attemptsMade + 1} failed${permanent ? ' (permanent, not retried)' : final ? ' (final)' : ''}: ${(error as Error).message}`,
    );
    // BullMQ retries any other error with backoff; a permanent rejection would fail the same way again.
    throw permanent ? new UnrecoverableError((error as Error).message) : error;
  }
}
