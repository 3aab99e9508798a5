import { factories } from '@strapi/strapi';
import { MEETING } from '../../../content-types';

export default factories.createCoreController(MEETING);
