/** What every form page shares: the problems shown above the form and the error summary. */
import { fieldId } from './field';

/** A problem with the whole post, shown first in the error summary with its own title. */
export interface Problem {
  title: string;
  message: string;
}

export interface SummaryItem {
  message: string;
  /** The field's control (#f-name), when the message belongs to a field. */
  href?: string;
}

/** The error summary: the problem, the general messages, then each field's error in page order. */
export function errorSummary<F extends string>(
  fields: readonly F[],
  errors: Partial<Record<F, string>>,
  general: string[] = [],
  problem: Problem | null = null,
): SummaryItem[] {
  return [
    ...(problem ? [{ message: problem.message }] : []),
    ...general.map((message) => ({ message })),
    ...fields.filter((field) => errors[field]).map((field) => ({ message: errors[field]!, href: `#${fieldId(field)}` })),
  ];
}

export const WAIT_TITLE = 'Vent lidt, før du prøver igen';
