/** The report as one CSV table: section, figure, this period, previous period, change. */
import { toCsv, type CsvCell } from './csv';
import type { DurationStats, Report, Row, StatementStats } from './model';

export function reportToCsv(report: Report): string {
  const cur = report.period.label;
  const prev = report.previousPeriod.label;
  const out: CsvCell[][] = [['Afsnit', 'Opgørelse', cur, prev, 'Ændring', 'Ændring i %']];
  const rowsOf = (section: string, rows: Row[]) => {
    for (const r of rows) out.push([section, r.label, r.current, r.previous, r.change.difference, r.change.percent]);
  };
  const pair = (section: string, label: string, current: number | null, previous: number | null) =>
    out.push([section, label, current, previous, current !== null && previous !== null ? Math.round((current - previous) * 10) / 10 : null, null]);

  rowsOf('Nøgletal', report.summary);
  rowsOf('Henvendelser efter formål', report.inquiries.byPurpose);
  rowsOf('Henvendelser efter kanal', report.inquiries.byChannel);
  rowsOf('Henvendelser efter center', report.inquiries.byCenter);
  rowsOf('Henvendelser efter kategori', report.inquiries.byCategory);
  rowsOf('Henvendelser uden for kompetence', report.inquiries.byOutOfScopeReason);
  rowsOf('Henvendelser efter identitet', report.inquiries.byIdentity);
  rowsOf('Henvendelser efter status', report.inquiries.byStatus);
  rowsOf('Afvist efter begrundelse', report.outcomes.rejectedByReason);
  rowsOf('Udtalelser efter udfald', report.outcomes.opinionsByOutcome);
  rowsOf('Generelle udtalelser', [report.outcomes.generalOpinions]);
  for (const t of report.times) {
    const d = (s: DurationStats) => s;
    pair('Tider (dage)', `${t.label}: antal`, d(t.current).count, d(t.previous).count);
    pair('Tider (dage)', `${t.label}: median`, t.current.medianDays, t.previous.medianDays);
    pair('Tider (dage)', `${t.label}: 90 %-fraktil`, t.current.p90Days, t.previous.p90Days);
  }
  const statements = (name: string, s: { current: StatementStats; previous: StatementStats }) => {
    pair('Redegørelser', `${name}: anmodet`, s.current.requested, s.previous.requested);
    pair('Redegørelser', `${name}: besvaret`, s.current.answered, s.previous.answered);
    pair('Redegørelser', `${name}: rettidigt`, s.current.answeredOnTime, s.previous.answeredOnTime);
    pair('Redegørelser', `${name}: for sent`, s.current.answeredLate, s.previous.answeredLate);
    pair('Redegørelser', `${name}: ubesvaret over fristen`, s.current.openOverdue, s.previous.openOverdue);
    pair('Redegørelser', `${name}: rettidige i %`, s.current.onTimePercent, s.previous.onTimePercent);
    pair('Redegørelser', `${name}: dage over fristen, gennemsnit`, s.current.overdueDaysMean, s.previous.overdueDaysMean);
    pair('Redegørelser', `${name}: dage over fristen, højst`, s.current.overdueDaysMax, s.previous.overdueDaysMax);
  };
  statements('Alle centre', report.statements.total);
  for (const c of report.statements.byCenter) statements(c.name, c);
  rowsOf('Anbefalinger efter opfølgning', report.recommendations.byFollowUp);
  rowsOf('Genoptagne sager efter center', report.recommendations.reopenedByCenter);
  rowsOf('Forbedringsarbejde: aktiviteter', report.improvement.activitiesByKind);
  rowsOf('Forbedringsarbejde: timer', report.improvement.hoursByKind);
  rowsOf('Forbedringsarbejde: timer efter center', report.improvement.hoursByCenter);
  pair('Forbedringsarbejde', 'Arbejdstid i perioden (timer)', report.improvement.workingHours.current, report.improvement.workingHours.previous);
  pair('Forbedringsarbejde', 'Andel af arbejdstiden i %', report.improvement.sharePercent.current, report.improvement.sharePercent.previous);
  return toCsv(out);
}

export function csvFilename(report: Report): string {
  return `borgerraadgiver-statistik-${report.period.from}-${report.period.to}.csv`;
}
