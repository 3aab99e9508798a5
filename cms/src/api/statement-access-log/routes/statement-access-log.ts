import { factories } from '@strapi/strapi';

// Read-only over the REST API too (and only with an explicit permission); rows are written by the
// public statement API alone.
export default factories.createCoreRouter('api::statement-access-log.statement-access-log', { only: ['find', 'findOne'] });
