import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::improvement-activity.improvement-activity');
