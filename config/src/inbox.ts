/**
 * E-mail into the case: the settings of the inbox reader (workers), the protocol between the
 * reader and the CMS (workers/src/cms-client.ts ↔ cms/src/inbox/), and the case reference every
 * e-mail the system sends carries in its subject, so that a reply finds its case.
 */

/** Settings of the inbox reader (read in settings.ts). */
export interface InboxSettings {
  /** The advisor's mailbox; null without INBOX_IMAP_HOST (then `dir` is read). */
  imap: { host: string; port: number; secure: boolean; user: string | null; password: string | null; folder: string } | null;
  /** Where a message goes once the CMS has stored it: an IMAP folder, or a folder under `dir`. */
  doneFolder: string;
  /** Without IMAP: `.eml` files placed here are read the same way. */
  dir: string;
  /** Longest wait between two reads (the polling interval where the server offers no IDLE). */
  pollMs: number;
}

/** How the CMS filed a message: the reader removes it from the inbox on every answer. */
export interface InboundResult {
  /** `duplicate`: a message with this Message-ID was stored before (another reader, an earlier run). */
  outcome: 'stored' | 'duplicate';
  status: InboundMailStatus;
  caseNumber: string | null;
}

/** What became of an incoming e-mail (api::inbound-mail.inbound-mail `mailStatus`). */
export const inboundMailStatuses = {
  ny_henvendelse: 'Ny henvendelse',
  tilknyttet: 'Tilknyttet sag',
  ikke_tilknyttet: 'Ikke tilknyttet',
  autosvar: 'Autosvar',
  returmail: 'Returmail',
  egen: 'Systemets egen e-mail',
} as const;
export type InboundMailStatus = keyof typeof inboundMailStatuses;

/** The reference in the subject of every e-mail about a case: "[Sag 2026-0001]". */
export const caseTag = (caseNumber: string) => `[Sag ${caseNumber}]`;

/**
 * The case numbers a text refers to: "[Sag 2026-0001]" and the looser forms people type when they
 * write the reference themselves ("sag 2026-1", "sagsnr. 2026-0001"); numbers are given four digits.
 */
export function caseReferences(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\bsag(?:snr\.?|snummer)?\s*(?:nr\.?\s*)?:?\s*(\d{4})\s*[-/]\s*(\d{1,6})\b/gi))
    found.add(`${match[1]}-${match[2].padStart(4, '0')}`);
  return [...found];
}
