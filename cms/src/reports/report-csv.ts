/**
 * The report as one CSV table: section, figure, this period, previous period, change, and the
 * addresses of the cases each count counts in the two periods (`baseUrl` is the CMS's address).
 */
import { UNIT_DECIMALS, type Unit } from './change';
import { toCsv, type CsvCell } from './csv';
import type { FigureRef, Report, Row, StatementStats } from './model';
import { figurePath } from './figure-link';

/** A value in its unit's decimals ("20,0" hours, "3" cases); empty when there is none. */
const fixed = (value: number | null, unit: Unit): CsvCell => (value === null ? null : { value, decimals: UNIT_DECIMALS[unit] });

export function reportToCsv(report: Report, baseUrl = ''): string {
  const cur = report.period.label;
  const prev = report.previousPeriod.label;
  const out: CsvCell[][] = [['Afsnit', 'Opgørelse', cur, prev, 'Ændring', 'Ændring i %', `Sagerne ${cur}`, `Sagerne ${prev}`]];
  const links = (label: string, figure?: FigureRef): CsvCell[] =>
    figure ? [report.period, report.previousPeriod].map((period) => `${baseUrl}${figurePath(period, figure, label)}`) : [];
  const rowsOf = (section: string, rows: Row[]) => {
    for (const r of rows)
      out.push([
        section,
        r.label,
        fixed(r.current, r.unit),
        fixed(r.previous, r.unit),
        fixed(r.change.difference, r.unit),
        fixed(r.change.percent, 'percent'),
        ...links(r.label, r.figure),
      ]);
  };
  const pair = (section: string, label: string, current: number | null, previous: number | null, unit: Unit = 'count', figure?: FigureRef) =>
    out.push([
      section,
      label,
      fixed(current, unit),
      fixed(previous, unit),
      current !== null && previous !== null ? fixed(current - previous, unit) : null,
      null,
      ...links(label, figure),
    ]);

  rowsOf('Nøgletal', report.summary);
  rowsOf('Henvendelser efter formål', report.inquiries.byPurpose);
  rowsOf('Henvendelser efter kanal', report.inquiries.byChannel);
  rowsOf('Henvendelser efter center', report.inquiries.byCenter);
  rowsOf('Henvendelser efter kategori', report.inquiries.byCategory);
  rowsOf('Henvendelser efter tema', report.inquiries.byTheme);
  rowsOf('Henvendelser uden for kompetence', report.inquiries.byOutOfScopeReason);
  rowsOf('Henvendelser efter identitet', report.inquiries.byIdentity);
  rowsOf('Henvendelser efter status', report.inquiries.byStatus);
  rowsOf('Henvendelser efter behandlingsform', report.inquiries.byHandling);
  rowsOf('Henvendelser efter resultat for borgeren', report.inquiries.byCitizenResult);
  rowsOf('Udfald', [
    report.outcomes.resolvedByDialogue,
    report.outcomes.referred,
    report.outcomes.rejected,
    report.outcomes.withdrawn,
    report.outcomes.reopenedInquiries,
  ]);
  rowsOf('Afvist efter begrundelse', report.outcomes.rejectedByReason);
  rowsOf('Udtalelser efter udfald', report.outcomes.opinionsByOutcome);
  rowsOf('Generelle udtalelser', [report.outcomes.generalOpinions]);
  rowsOf('Møder efter rolle', report.meetings.byRole);
  for (const t of report.times) {
    pair('Tider (dage)', `${t.label}: antal`, t.current.count, t.previous.count);
    pair('Tider (dage)', `${t.label}: median`, t.current.medianDays, t.previous.medianDays, 'days');
    pair('Tider (dage)', `${t.label}: 90 %-fraktil`, t.current.p90Days, t.previous.p90Days, 'days');
  }
  const statements = (name: string, s: { current: StatementStats; previous: StatementStats }) => {
    const f = s.current.figures;
    pair('Redegørelser', `${name}: anmodet`, s.current.requested, s.previous.requested, 'count', f?.requested);
    pair('Redegørelser', `${name}: heraf besvaret`, s.current.answered, s.previous.answered, 'count', f?.answered);
    pair('Redegørelser', `${name}: frist i perioden, besvaret rettidigt`, s.current.answeredOnTime, s.previous.answeredOnTime, 'count', f?.answeredOnTime);
    pair('Redegørelser', `${name}: frist i perioden, besvaret for sent`, s.current.answeredLate, s.previous.answeredLate, 'count', f?.answeredLate);
    pair(
      'Redegørelser',
      `${name}: frist i perioden, ubesvaret over fristen`,
      s.current.unansweredOverdue,
      s.previous.unansweredOverdue,
      'count',
      f?.unansweredOverdue,
    );
    pair('Redegørelser', `${name}: rettidige i %`, s.current.onTimePercent, s.previous.onTimePercent, 'percent');
    pair('Redegørelser', `${name}: dage over fristen, gennemsnit`, s.current.overdueDaysMean, s.previous.overdueDaysMean, 'days');
    pair('Redegørelser', `${name}: dage over fristen, højst`, s.current.overdueDaysMax, s.previous.overdueDaysMax, 'days');
  };
  statements('Alle centre', report.statements.total);
  for (const c of report.statements.byCenter) statements(c.name, c);
  rowsOf('Anbefalinger efter opfølgning', report.recommendations.byFollowUp);
  rowsOf('Genoptagne sager efter center', report.recommendations.reopenedByCenter);
  rowsOf('Forbedringsarbejde: aktiviteter', report.improvement.activitiesByKind);
  rowsOf('Forbedringsarbejde: timer', report.improvement.hoursByKind);
  rowsOf('Forbedringsarbejde: timer efter center', report.improvement.hoursByCenter);
  pair('Forbedringsarbejde', 'Arbejdstid i perioden (timer)', report.improvement.workingHours.current, report.improvement.workingHours.previous, 'hours');
  pair('Forbedringsarbejde', 'Andel af arbejdstiden i %', report.improvement.sharePercent.current, report.improvement.sharePercent.previous, 'percent');
  for (const c of report.centers) {
    rowsOf(`${c.name}: institutioner`, c.byInstitution);
  }

  // The trend and the follow-up list are tables of their own, below the figures.
  if (report.trend) {
    out.push([], ['Udvikling over fem år', 'Opgørelse', ...report.trend.periods.map((p) => p.label)]);
    for (const r of report.trend.rows) out.push(['Udvikling over fem år', r.label, ...r.values.map((v) => fixed(v, r.unit))]);
  }
  out.push(
    [],
    [`Opfølgning på anbefalinger fra ${prev}`, 'Anbefaling', 'Center', 'Sag', 'Udtalelse afgivet', 'Status', 'Note', 'Fulgt op', 'Sagen genoptaget'],
  );
  for (const r of report.recommendations.previousPeriod) {
    out.push([
      'Opfølgning på anbefalinger',
      r.text,
      r.centerName,
      r.caseNumber,
      r.issuedOn,
      r.followUpLabel,
      r.followUpNote,
      r.followedUpOn,
      r.caseReopened ? 'Ja' : 'Nej',
    ]);
  }
  return toCsv(out);
}

export function csvFilename(report: Report): string {
  return `borgerraadgiver-statistik-${report.period.from}-${report.period.to}.csv`;
}
