import { factories } from '@strapi/strapi';
import { INBOUND_MAIL } from '../../../content-types';

export default factories.createCoreController(INBOUND_MAIL);
