import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::improvement-activity.improvement-activity');
