import { factories } from '@strapi/strapi';
import { REPORT_ALERT } from '../../../content-types';

export default factories.createCoreService(REPORT_ALERT);
