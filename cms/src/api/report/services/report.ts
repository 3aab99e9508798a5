/**
 * Reporting service: statistics for a period, CSV, the printable annual report / half-year
 * status with the advisor's texts, the homepage overview, ongoing-status alerts and the
 * report reminders in the outbox. Computation lives in ../../../reports (plain TS).
 */
import type { Core } from '@strapi/strapi';
import { withNulls } from '../../../strapi-types';
import { loadEndpoints, loadReportPolicy, municipality } from '@borgerraadgiver/config';
import { loadWorkingCalendar } from '../../../db/working-calendar';
import { buildReport } from '../../../reports/db/statistics';
import { figureCases, parseFigureQuery } from '../../../reports/db/figures';
import { statementDeadlines } from '../../../reports/db/overview';
import { centerLevels } from '../../../reports/db/ongoing-status';
import { parsePeriod, reportPeriod, type Period } from '../../../reports/period';
import { reportToCsv, csvFilename } from '../../../reports/report-csv';
import { documentTitles, renderReportDocument, type DocumentKind } from '../../../reports/document';
import { alertMessage, alertSubject, decideAlert, isElevated, usualLevel } from '../../../reports/ongoing-status';
import { nextReportReminders } from '../../../reports/reminders';
import { PeriodError } from '../../../reports/period';
import { insertRows } from '../../../outbox/writer';
import { ongoingStatusEmail, reportReminderEmail } from '../../../outbox/catalogue';
import { withClusterLock } from '../../../cluster/locks';
import { REPORT_DRAFT as DRAFT, REPORT_ALERT as ALERT, NOTIFICATION, CENTER } from '../../../content-types';
import { inTransaction } from '../../../db/transaction';

export interface DraftKey {
  kind: DocumentKind;
  year: number;
  half?: number | null;
}

export interface DraftTexts {
  title?: string | null;
  mainTrends?: string | null;
  attentionPoints?: string | null;
  recommendations?: string | null;
}

export function parseDraftKey(query: Record<string, unknown>): DraftKey {
  const kind = String(query.kind ?? 'annual');
  if (kind !== 'annual' && kind !== 'half_year') throw new PeriodError('Rapporttypen skal være årsberetning eller halvårsstatus.');
  const year = Number(query.year);
  const half = kind === 'half_year' ? Number(query.half ?? 1) : null;
  reportPeriod(kind, year, half ?? undefined); // validates year and half
  return { kind, year, half };
}

/** A stored alert of the reports, with its center populated. */
interface AlertRow {
  documentId: string;
  center?: { id: number; name?: string | null } | null;
  openedAt: string;
  recentCount: number | null;
  usualLevel: number | string | null;
  message: string | null;
  seenAt: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const reportPolicy = () => loadReportPolicy();

  const service = {
    async statistics(period: Period, now = new Date()) {
      const policy = reportPolicy();
      return buildReport(knex(), period, {
        now,
        hoursPerDay: policy.advisorWeeklyHours / 5,
        fte: policy.advisorFte,
        improvementTargetPercent: policy.improvementTargetPercent,
      });
    },

    async statisticsFor(query: Record<string, unknown>, now = new Date()) {
      return service.statistics(parsePeriod(query), now);
    },

    /** A page of the rows a figure of the statistics counts in a period, each with its case, and how many there are. */
    async figureCases(query: Record<string, unknown>, now = new Date()) {
      const { period, figure, page } = parseFigureQuery(query);
      return { ...(await figureCases(knex(), period, figure, page, now)), ...page };
    },

    async csv(query: Record<string, unknown>, now = new Date()) {
      const report = await service.statisticsFor(query, now);
      return { filename: csvFilename(report), csv: reportToCsv(report, loadEndpoints(process.env, municipality.email).cmsUrl) };
    },

    /** The draft for a report, created empty the first time it is asked for. */
    async draft(key: DraftKey) {
      const filters: Record<string, unknown> = { kind: key.kind, year: key.year };
      if (key.kind === 'half_year') filters.half = key.half;
      const existing = await strapi.documents(DRAFT).findFirst({ filters: filters });
      if (existing) return existing;
      const period = reportPeriod(key.kind, key.year, key.half ?? undefined);
      return strapi.documents(DRAFT).create({
        data: withNulls(DRAFT, {
          kind: key.kind,
          year: key.year,
          half: key.kind === 'half_year' ? key.half : null,
          periodFrom: period.from,
          periodTo: period.to,
          title: `${documentTitles[key.kind]} ${period.label}`,
        }),
      });
    },

    async saveDraft(key: DraftKey, texts: DraftTexts) {
      const draft = await service.draft(key);
      const data: Record<string, unknown> = {};
      for (const field of ['title', 'mainTrends', 'attentionPoints', 'recommendations'] as const) {
        if (texts[field] !== undefined) data[field] = texts[field] === null ? null : String(texts[field]);
      }
      return strapi.documents(DRAFT).update({ documentId: draft.documentId, data: data });
    },

    async document(key: DraftKey, now = new Date()) {
      const draft = await service.draft(key);
      const report = await service.statistics(reportPeriod(key.kind, key.year, key.half ?? undefined), now);
      const html = renderReportDocument({
        kind: key.kind,
        report,
        texts: draft,
        municipalityName: municipality.name,
        advisorTitle: municipality.advisorTitle,
        baseUrl: loadEndpoints(process.env, municipality.email).cmsUrl,
      });
      return { html, draft };
    },

    async overview(now = new Date()) {
      const deadlines = await statementDeadlines(knex(), now);
      const alerts: AlertRow[] = await strapi.db.query(ALERT).findMany({ where: { alertStatus: 'open' }, populate: ['center'], orderBy: { openedAt: 'desc' } });
      return {
        ...deadlines,
        alerts: alerts.map((a) => ({
          documentId: a.documentId,
          centerName: a.center?.name ?? null,
          openedAt: a.openedAt,
          recentCount: a.recentCount,
          usualLevel: a.usualLevel === null ? null : Number(a.usualLevel),
          message: a.message,
          seenAt: a.seenAt,
        })),
      };
    },

    async markAlertSeen(documentId: string, now = new Date()) {
      return strapi.documents(ALERT).update({ documentId, data: { seenAt: now } });
    },

    /**
     * Compares each center's last window with its usual level; opens an alert (admin notice and
     * an email in the outbox) when it rises above, closes it when the level is back to normal.
     * Runs one at a time across all instances, so two triggers never open two alerts for one episode.
     */
    checkOngoingStatus(now = new Date()): Promise<{ opened: number[]; closed: number[] }> {
      return withClusterLock(strapi, 'ongoing-status', () => evaluateOngoingStatus(now));
    },

    /**
     * Plans the next February and August reminders once each (dueVersion identifies them), one
     * instance at a time.
     */
    ensureReportReminders(now = new Date()): Promise<string[]> {
      return withClusterLock(strapi, 'report-reminders', () => planReportReminders(now));
    },
  };

  async function planReportReminders(now: Date) {
    const calendar = await loadWorkingCalendar(strapi);
    const created: string[] = [];
    for (const plan of nextReportReminders(now, calendar)) {
      const existing = await strapi.db.query(NOTIFICATION).findOne({ where: { kind: 'report_reminder', dueVersion: plan.dueVersion } });
      if (existing) continue;
      await insertRows(strapi, [reportReminderEmail(plan)]);
      created.push(plan.dueVersion);
    }
    return created;
  }

  async function evaluateOngoingStatus(now: Date) {
    const policy = reportPolicy();
    const windowDays = policy.ongoingStatusWindowDays;
    const { levels, hasHistory } = await centerLevels(knex(), now, windowDays);
    const openAlerts: AlertRow[] = await strapi.db.query(ALERT).findMany({ where: { alertStatus: 'open', kind: 'ongoing_status' }, populate: ['center'] });
    const openByCenter = new Map(openAlerts.flatMap((a) => (a.center ? [[a.center.id, a] as const] : [])));
    const centerRows: { id: number; name: string }[] = await strapi.db.query(CENTER).findMany({ select: ['id', 'name'] });
    const centers = new Map<number, string>(centerRows.map((c) => [c.id, c.name]));
    const opened: number[] = [];
    const closed: number[] = [];
    const levelByCenter = new Map(levels.map((l) => [l.centerId, l]));
    for (const centerId of new Set([...levelByCenter.keys(), ...openByCenter.keys()])) {
      const level = levelByCenter.get(centerId) ?? { centerId, recent: 0, baseline: 0 };
      const usual = usualLevel(level.baseline, windowDays);
      const elevated =
        hasHistory && isElevated(level.recent, usual, { factor: policy.ongoingStatusFactor, minCount: policy.ongoingStatusMinCount, windowDays });
      const decision = decideAlert(elevated, openByCenter.has(centerId));
      if (decision === 'open') {
        const name = centers.get(centerId) ?? 'Et center';
        await inTransaction(strapi, async () => {
          const alert = await strapi.documents(ALERT).create({
            data: {
              kind: 'ongoing_status',
              alertStatus: 'open',
              center: centerId,
              openedAt: now,
              recentCount: level.recent,
              usualLevel: Math.round(usual * 100) / 100,
              factor: policy.ongoingStatusFactor,
              windowDays,
              message: alertMessage(name, level.recent, usual, windowDays),
            },
          });
          await insertRows(strapi, [ongoingStatusEmail(alert, alertSubject(name, level.recent, windowDays), now)]);
        });
        opened.push(centerId);
      } else if (decision === 'close') {
        await strapi.documents(ALERT).update({ documentId: openByCenter.get(centerId)!.documentId, data: { alertStatus: 'closed', closedAt: now } });
        closed.push(centerId);
      }
    }
    return { opened, closed };
  }

  return service;
};
