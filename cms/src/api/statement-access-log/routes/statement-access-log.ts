import { factories } from '@strapi/strapi';
import { STATEMENT_ACCESS_LOG } from '../../../content-types';

// Read-only over the REST API too (and only with an explicit permission); rows are written by the
// public statement API alone.
export default factories.createCoreRouter(STATEMENT_ACCESS_LOG, { only: ['find', 'findOne'] });
