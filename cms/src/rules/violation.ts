/** A broken rule: the field it concerns and a Danish message for the advisor. */
export interface Violation {
  path: string;
  message: string;
}

export const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
