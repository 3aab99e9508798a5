import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::closing-day.closing-day');
