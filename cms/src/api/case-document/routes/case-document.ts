import { factories } from '@strapi/strapi';
import { CASE_DOCUMENT } from '../../../content-types';

export default factories.createCoreRouter(CASE_DOCUMENT);
