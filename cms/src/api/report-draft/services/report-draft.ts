import { factories } from '@strapi/strapi';
import { REPORT_DRAFT } from '../../../content-types';

export default factories.createCoreService(REPORT_DRAFT);
