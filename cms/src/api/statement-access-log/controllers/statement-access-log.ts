import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::statement-access-log.statement-access-log');
