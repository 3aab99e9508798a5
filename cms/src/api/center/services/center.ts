import { factories } from '@strapi/strapi';
import { CENTER } from '../../../content-types';

export default factories.createCoreService(CENTER);
