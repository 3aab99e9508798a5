import { factories } from '@strapi/strapi';
import { RECOMMENDATION } from '../../../content-types';

export default factories.createCoreController(RECOMMENDATION);
