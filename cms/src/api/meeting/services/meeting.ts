import { factories } from '@strapi/strapi';
import { MEETING } from '../../../content-types';

export default factories.createCoreService(MEETING);
