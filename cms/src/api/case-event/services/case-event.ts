import { factories } from '@strapi/strapi';
import { CASE_EVENT } from '../../../content-types';

export default factories.createCoreService(CASE_EVENT);
