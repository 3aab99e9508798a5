/** The second factor before any admin route answers (SPEC §3, ADMIN_MFA): see ../staff-sign-in/gate.ts. */
import type { Core } from '@strapi/strapi';
import { secondFactorGate } from '../staff-sign-in/gate';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => secondFactorGate(strapi);
