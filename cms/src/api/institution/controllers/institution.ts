import { factories } from '@strapi/strapi';
import { INSTITUTION } from '../../../content-types';

export default factories.createCoreController(INSTITUTION);
