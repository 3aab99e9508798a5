/**
 * The core routes stay so that a write through the REST API meets the journal's refusal (a Danish
 * 403) instead of a silent 404; the public roles never get any of them (seed/roles.ts).
 */
import { factories } from '@strapi/strapi';
import { CASE_EVENT } from '../../../content-types';

export default factories.createCoreRouter(CASE_EVENT);
