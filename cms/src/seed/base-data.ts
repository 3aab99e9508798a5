import type { Core } from '@strapi/strapi';
import { ensureCaseNumberCounter } from '../db/case-number';
import { seedAdminLayouts } from './content-manager';
import { ensureSubmissionKeys } from '../db/submission-keys';
import { seedCenters, seedClosingDays } from './centers';
import { closePublicApi, seedAdminRoles } from './roles';

/** Idempotent first-start data; each step leaves what the advisor has edited alone. */
export async function seedBaseData(strapi: Core.Strapi) {
  await ensureCaseNumberCounter(strapi);
  await ensureSubmissionKeys(strapi);
  await seedAdminRoles(strapi);
  await closePublicApi(strapi);
  await seedCenters(strapi);
  await seedClosingDays(strapi);
  await seedAdminLayouts(strapi);
}
