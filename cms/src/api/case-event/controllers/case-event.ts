/** Read-only through the REST API (with a full-access API token); every write is refused by the journal guard. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::case-event.case-event');
