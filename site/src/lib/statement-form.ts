/** The center's statement form: fields, reading a POST and the site's own checks (Danish). */
export const STATEMENT_FIELDS = ['text', 'respondentName', 'respondentTitle'] as const;
export type StatementField = (typeof STATEMENT_FIELDS)[number];
export type StatementValues = Partial<Record<StatementField, string>>;
export type StatementErrors = Partial<Record<StatementField, string>>;

export const MAX_STATEMENT_LENGTH = 50_000;

export function readStatement(form: URLSearchParams): StatementValues {
  const values: StatementValues = {};
  for (const field of STATEMENT_FIELDS) {
    const value = form.get(field);
    if (value !== null) values[field] = value.replace(/\r\n?/g, '\n').slice(0, field === 'text' ? MAX_STATEMENT_LENGTH + 1000 : 500);
  }
  return values;
}

export function validateStatement(values: StatementValues): StatementErrors {
  const errors: StatementErrors = {};
  const text = values.text?.trim() ?? '';
  if (!text) errors.text = 'Skriv redegørelsen.';
  else if (text.length > MAX_STATEMENT_LENGTH) errors.text = `Redegørelsen må højst være ${MAX_STATEMENT_LENGTH.toLocaleString('da-DK')} tegn.`;
  if (!values.respondentName?.trim()) errors.respondentName = 'Skriv dit navn.';
  else if (values.respondentName.trim().length > 200) errors.respondentName = 'Navnet må højst være 200 tegn.';
  if ((values.respondentTitle?.trim().length ?? 0) > 200) errors.respondentTitle = 'Stillingen må højst være 200 tegn.';
  return errors;
}
