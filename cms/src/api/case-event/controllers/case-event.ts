/** Read-only through the REST API (with a full-access API token); every write is refused by the journal guard. */
import { factories } from '@strapi/strapi';
import { CASE_EVENT } from '../../../content-types';

export default factories.createCoreController(CASE_EVENT);
