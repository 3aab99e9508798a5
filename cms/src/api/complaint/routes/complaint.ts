import { factories } from '@strapi/strapi';
import { COMPLAINT } from '../../../content-types';

export default factories.createCoreRouter(COMPLAINT);
