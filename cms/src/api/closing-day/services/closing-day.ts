import { factories } from '@strapi/strapi';
import { CLOSING_DAY } from '../../../content-types';

export default factories.createCoreService(CLOSING_DAY);
