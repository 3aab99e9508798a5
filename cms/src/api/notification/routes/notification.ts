import { factories } from '@strapi/strapi';
import { NOTIFICATION } from '../../../content-types';

// The outbox is written by the CMS itself; the REST API may only read it (with a permission).
export default factories.createCoreRouter(NOTIFICATION, { only: ['find', 'findOne'] });
