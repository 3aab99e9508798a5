/** The municipality's time zone: every calendar question (which day, 08:00, holidays) is asked here. */
export const TIME_ZONE = 'Europe/Copenhagen';
