import { factories } from '@strapi/strapi';
import { CASE_DOCUMENT } from '../../../content-types';

export default factories.createCoreController(CASE_DOCUMENT);
