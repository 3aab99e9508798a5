/**
 * Danish messages for Strapi's own schema validation (required, length, e-mail, choice, number
 * range, type), which Strapi writes in English. Plain TypeScript: the message is rebuilt
 * from the field's attribute definition and the value, with Strapi's English text only telling
 * which check failed.
 */
import { characterCount } from '@borgerraadgiver/config';
import type { AttributeDefinition } from './normalise';

const number = (value: unknown) => Number(value).toLocaleString('da-DK');

/** The Danish message for one failed schema check on a field called `label`. */
export function danishSchemaMessage(english: string, label: string, attribute: AttributeDefinition | undefined, value: unknown): string {
  const text = typeof value === 'string' ? value : null;
  if (/must be defined|is a required field|cannot be empty|must not be null/i.test(english)) return `${label} skal udfyldes.`;
  if (/must be at most \d+ characters/i.test(english) || (attribute?.maxLength && text && characterCount(text) > attribute.maxLength)) {
    return attribute?.maxLength
      ? `${label} må højst være ${number(attribute.maxLength)} tegn. Du har skrevet ${number(characterCount(text ?? ''))} tegn.`
      : `${label} er for lang.`;
  }
  if (/must be at least \d+ characters/i.test(english)) return `${label} skal være mindst ${number(attribute?.minLength)} tegn.`;
  if (/valid email/i.test(english)) return `${label} skal være en gyldig e-mailadresse, fx navn@eksempel.dk.`;
  if (/one of the following values/i.test(english)) return `${label} har en værdi, der ikke findes på listen. Vælg en af mulighederne.`;
  if (/less than or equal to|must be less than/i.test(english)) return `${label} må højst være ${number(attribute?.max)}.`;
  if (/greater than or equal to|must be greater than/i.test(english)) return `${label} skal være mindst ${number(attribute?.min)}.`;
  if (/must match/i.test(english)) return `${label} har ikke det rigtige format.`;
  if (/must be a `?(number|integer|finite number|valid integer)/i.test(english)) return `${label} skal være et tal.`;
  if (/must be a `?boolean/i.test(english)) return `${label} skal være ja eller nej.`;
  if (/must be a `?date|invalid date/i.test(english)) return `${label} skal være en gyldig dato.`;
  if (/must be a `?(string|object|array)/i.test(english)) return `${label} har en forkert type.`;
  return `${label} har en ugyldig værdi.`;
}
