import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::statement-request.statement-request');
