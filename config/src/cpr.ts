/**
 * CPR numbers (personnumre) must not reach the advisor's system through its forms: the advisor
 * needs no CPR number to handle an inquiry (data minimisation; databeskyttelseslovens § 11), and
 * the public form is not a secure channel for it. One detector for the CMS and the site alike.
 *
 * A CPR-like number is a valid date written DDMMYY followed by four digits, with or without a
 * hyphen or a space between them ("010203-1234", "0102031234", "010203 1234"), standing alone
 * (no digit right before or after). The check digit is not tested: numbers issued since 2007
 * need not satisfy modulus 11.
 */

const CPR_PATTERN = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})(?!\d)/g;

/** True when DD-MM-YY is a date in 19YY or 20YY (so 29 February counts whenever YY is divisible by 4). */
function isValidDate(day: number, month: number, year2: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year2 % 4 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** The first CPR-like number in `text`, as written, or null. */
export function findCprNumber(text: unknown): string | null {
  if (typeof text !== 'string' || text.length < 10) return null;
  for (const match of text.matchAll(CPR_PATTERN)) {
    if (isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) return match[0];
  }
  return null;
}

/** True when `text` contains a CPR-like number (see findCprNumber). */
/**
 * Public form fields whose values the system made, never typed by the citizen (a center's id, the
 * one-time submission key): a random id can hold a run of digits that reads as a CPR number.
 */
export const SYSTEM_VALUE_FIELDS: readonly string[] = ['center', 'submissionKey'];

export const containsCprNumber = (text: unknown): boolean => findCprNumber(text) !== null;

/** The Danish messages on a field that contains a CPR-like number: to the citizen on the complaint form, to a center on the statement page, to the staff in the admin. */
export const cprMessages = {
  public:
    'Feltet ser ud til at indeholde et CPR-nummer (en dato efterfulgt af fire cifre). Skriv ikke dit CPR-nummer: borgerrådgiveren har ikke brug for det for at behandle din henvendelse, og formularen er ikke beregnet til det. Fjern nummeret. Er det ikke et CPR-nummer, så skriv tallene på en anden måde, fx med mellemrum.',
  center:
    'Teksten ser ud til at indeholde et CPR-nummer (en dato efterfulgt af fire cifre). Borgerrådgiveren har ikke brug for borgerens CPR-nummer; henvis til sagen med borgerrådgiverens sagsnummer, og fjern nummeret. Er det ikke et CPR-nummer, så skriv tallene på en anden måde, fx med mellemrum.',
  admin:
    'Feltet ser ud til at indeholde et CPR-nummer (en dato efterfulgt af fire cifre). Borgerrådgiveren registrerer ikke CPR-numre; fjern nummeret. Er det ikke et CPR-nummer, så skriv tallene på en anden måde, fx med mellemrum.',
} as const;
