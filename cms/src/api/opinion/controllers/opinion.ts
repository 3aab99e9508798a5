import { factories } from '@strapi/strapi';
import { OPINION } from '../../../content-types';

export default factories.createCoreController(OPINION);
