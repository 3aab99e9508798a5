/**
 * The longest texts the public can send, defined once: the CMS applies them to its content types
 * at startup (so the admin, the public API and the database agree), the site announces and checks
 * them. A "character" is a UTF-16 code unit after Unicode NFC, which is what a browser's
 * `maxlength` and the site's counters count; æ, ø and å are one character each.
 */
export const textLimits = {
  /** api::complaint.complaint, as sent through the public form. */
  complaint: {
    description: 20_000,
    citizenName: 200,
    citizenEmail: 254,
    citizenPhone: 40,
    citizenAddress: 500,
    businessName: 200,
    cvr: 8,
  },
  /** api::statement-request.statement-request, as answered on the center's statement page. */
  statementRequest: {
    responseText: 50_000,
    respondentName: 200,
    respondentTitle: 200,
  },
} as const;

/** The longest message a citizen writes on their case page (it joins the case file as a document, not a field). */
export const CITIZEN_MESSAGE_LIMIT = 20_000;

/** The longest `string` column (varchar(255)) both SQLite and PostgreSQL hold; longer text is a `text` attribute. */
export const MAX_STRING_LENGTH = 255;

/** Characters as counted against the limits (see above). */
export const characterCount = (text: string): number => text.length;

/** "Beskrivelsen må højst være 20.000 tegn. Du har skrevet 20.345 tegn." */
export function tooLongMessage(subject: string, limit: number, actual: number): string {
  return `${subject} må højst være ${limit.toLocaleString('da-DK')} tegn. Du har skrevet ${actual.toLocaleString('da-DK')} tegn.`;
}

/**
 * Bytes a form or JSON body may need to carry texts of these lengths: URL-encoding takes at most
 * 9 bytes per UTF-16 code unit (a 3-byte UTF-8 character as %XX%XX%XX), JSON at most 6 (\u0001),
 * plus room for the field names and the short fields.
 */
export function maxBodyBytes(limits: Record<string, number>, encoding: 'form' | 'json'): number {
  const total = Object.values(limits).reduce((sum, limit) => sum + limit, 0);
  return total * (encoding === 'form' ? 9 : 6) + 16 * 1024;
}
