import { factories } from '@strapi/strapi';
import { NOTIFICATION } from '../../../content-types';

export default factories.createCoreService(NOTIFICATION);
