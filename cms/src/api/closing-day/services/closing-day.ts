import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::closing-day.closing-day');
