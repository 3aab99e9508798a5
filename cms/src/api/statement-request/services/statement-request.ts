import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::statement-request.statement-request');
