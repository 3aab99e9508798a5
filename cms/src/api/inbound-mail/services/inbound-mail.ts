import { factories } from '@strapi/strapi';
import { INBOUND_MAIL } from '../../../content-types';

export default factories.createCoreService(INBOUND_MAIL);
