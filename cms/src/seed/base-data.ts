import type { Core } from '@strapi/strapi';
import { ensureCaseNumberCounter } from '../hooks/case-number';

/** Idempotent first-start data; each step leaves what the advisor has edited alone. */
export async function seedBaseData(strapi: Core.Strapi) {
  await ensureCaseNumberCounter(strapi);
}
