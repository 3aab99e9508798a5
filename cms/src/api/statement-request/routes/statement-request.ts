import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::statement-request.statement-request');
