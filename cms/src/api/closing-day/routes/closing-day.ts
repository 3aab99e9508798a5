import { factories } from '@strapi/strapi';
import { CLOSING_DAY } from '../../../content-types';

export default factories.createCoreRouter(CLOSING_DAY);
