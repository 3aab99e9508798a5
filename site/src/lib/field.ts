/** Ids that tie a form control to its hint and error, the same in every field component. */

/** The id of a field's control, and the target of its link in the error summary. */
export const fieldId = (name: string) => `f-${name}`;

/** The ids of the hint and the error a control is described by, or undefined when it has neither. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}
