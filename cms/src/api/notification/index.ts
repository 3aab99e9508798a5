/**
 * Module lifecycle of the outbox API: Strapi calls register/bootstrap/destroy of every API folder
 * that has an index, so the outbox wires itself in without touching src/index.ts.
 */
import type { Core } from '@strapi/strapi';
import { registerOutbox, startOutbox, stopOutbox } from '../../outbox';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerOutbox(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await startOutbox(strapi);
  },
  async destroy() {
    await stopOutbox();
  },
};
