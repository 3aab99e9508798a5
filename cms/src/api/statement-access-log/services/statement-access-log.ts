import { factories } from '@strapi/strapi';
import { STATEMENT_ACCESS_LOG } from '../../../content-types';

export default factories.createCoreService(STATEMENT_ACCESS_LOG);
