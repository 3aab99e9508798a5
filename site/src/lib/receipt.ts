/** The receipt cookie: only the case number and whether an email was given, never personal data. */
export const RECEIPT_COOKIE = 'kvittering';

export interface Receipt {
  caseNumber: string | null;
  emailGiven: boolean;
}

export const encodeReceipt = (receipt: Receipt) => `${receipt.caseNumber ?? ''}|${receipt.emailGiven ? 1 : 0}`;

export function decodeReceipt(value: string | undefined): Receipt | null {
  const match = value ? /^(\d{4}-\d{1,6})?\|([01])$/.exec(value) : null;
  return match ? { caseNumber: match[1] ?? null, emailGiven: match[2] === '1' } : null;
}

/** Shown for 30 minutes, only under /klage and only in the browser that sent the complaint. */
export const receiptCookieOptions = (secure: boolean) => ({ path: '/klage', httpOnly: true, sameSite: 'strict' as const, secure, maxAge: 30 * 60 });
