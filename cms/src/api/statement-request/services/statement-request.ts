import { factories } from '@strapi/strapi';
import { STATEMENT_REQUEST } from '../../../content-types';

export default factories.createCoreService(STATEMENT_REQUEST);
