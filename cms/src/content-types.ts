/**
 * The UID of every content type of this app, one constant each: use these instead of writing
 * the string again (plain literals, so they type-check wherever Strapi takes a UID).
 */
export const CASE_DOCUMENT = 'api::case-document.case-document';
export const CASE_EVENT = 'api::case-event.case-event';
export const CENTER = 'api::center.center';
export const CLOSING_DAY = 'api::closing-day.closing-day';
export const COMPLAINT = 'api::complaint.complaint';
export const INBOUND_MAIL = 'api::inbound-mail.inbound-mail';
export const IMPROVEMENT_ACTIVITY = 'api::improvement-activity.improvement-activity';
export const INSTITUTION = 'api::institution.institution';
export const MEETING = 'api::meeting.meeting';
export const NOTIFICATION = 'api::notification.notification';
export const OPINION = 'api::opinion.opinion';
export const RECOMMENDATION = 'api::recommendation.recommendation';
export const REPORT_ALERT = 'api::report-alert.report-alert';
export const REPORT_DRAFT = 'api::report-draft.report-draft';
export const SITE_CONTENT = 'api::site-content.site-content';
export const STAFF_FACTOR = 'api::staff-factor.staff-factor';
export const STAFF_LOG = 'api::staff-log.staff-log';
export const STATEMENT_ACCESS_LOG = 'api::statement-access-log.statement-access-log';
export const STATEMENT_LINK = 'api::statement-link.statement-link';
export const STATEMENT_REQUEST = 'api::statement-request.statement-request';
