/**
 * The report JSON from the admin routes, typed by the server's own modules (type-only imports:
 * nothing of the server is bundled except the pure Danish number formatting).
 */
import { formatNumber as formatDanishNumber } from '../../reports/change';
import type { DeadlineItem } from '../../reports/db/overview';

export { formatChange, formatValue } from '../../reports/change';
export type { Change, Unit } from '../../reports/change';
export type { FigureRef, RecommendationFollowUp, Report, Row, StatementStats, Trend } from '../../reports/model';
export type { DeadlineItem } from '../../reports/db/overview';

export interface Overview {
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
  alerts: {
    documentId: string;
    centerName: string | null;
    openedAt: string;
    recentCount: number;
    usualLevel: number | null;
    message: string;
    seenAt: string | null;
  }[];
}

/** Danish number, or a dash where there is no figure (e.g. a median of no durations). */
export const formatNumber = (value: number | null | undefined, decimals = 0) =>
  value === null || value === undefined ? '–' : formatDanishNumber(value, decimals);
