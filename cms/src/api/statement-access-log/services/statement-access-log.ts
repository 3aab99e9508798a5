import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::statement-access-log.statement-access-log');
