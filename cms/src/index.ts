import type { Core } from '@strapi/strapi';
import { registerCaseRules } from './hooks/case-rules';
import { seedBaseData } from './seed/base-data';
import { seedSiteContent } from './seed/site-content';
import { registerReports } from './api/report/bootstrap';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerCaseRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await seedBaseData(strapi);
    await seedSiteContent(strapi);
    await registerReports(strapi);
  },
};
