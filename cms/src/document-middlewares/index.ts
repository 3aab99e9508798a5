/**
 * The Document Service middlewares, one per concern. Every create, update, delete and read of a
 * document, from the admin panel, the REST API or a script, passes through them; src/index.ts
 * registers them in their order, the first outermost.
 */
export { inputBoundary } from './input-boundary';
export { concurrency } from './concurrency';
export { readOnly } from './read-only';
export { statementEmails } from './statement-emails';
export { opinionEmails } from './opinion-emails';
export { citizenLink } from './citizen-link';
export { caseClosed } from './case-closed';
export { calendarReplan } from './calendar-replan';
export { notificationDelivery } from './notification-delivery';
export { journal } from './journal';
export { caseRules } from './case-rules';
export { staffFactors } from './staff-factors';
