import { factories } from '@strapi/strapi';

// The outbox is written by the CMS itself; the REST API may only read it (with a permission).
export default factories.createCoreRouter('api::notification.notification', { only: ['find', 'findOne'] });
