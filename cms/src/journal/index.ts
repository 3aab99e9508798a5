/**
 * The case journal (api::case-event.case-event): what happened in each case and who saw it.
 * Public surface for other modules; see model.ts for the event kinds and the `changes` shape.
 */
export { recordNotifications } from './notifications';
export { appendEvents, appendOnce, type NewEvent } from './writer';
export { adminUserName, currentActor, runAs, SYSTEM } from './actor';
export { backfillCreatedEvents } from './backfill';
export { registerJournal, startJournal } from './lifecycle';
export { caseTimeline, caseTimelineCsv } from './timeline';
export * from './model';
