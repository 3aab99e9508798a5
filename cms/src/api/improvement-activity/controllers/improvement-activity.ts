import { factories } from '@strapi/strapi';
import { IMPROVEMENT_ACTIVITY } from '../../../content-types';

export default factories.createCoreController(IMPROVEMENT_ACTIVITY);
