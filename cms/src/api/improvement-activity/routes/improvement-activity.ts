import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::improvement-activity.improvement-activity');
