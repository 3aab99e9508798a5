/**
 * The printable annual report / half-year status (R18): one HTML document with the figures,
 * SVG charts, a section per center and the advisor's own texts. Print CSS makes it a clean PDF
 * from the browser's print dialog. Pure: takes the report and the texts, returns HTML.
 */
import { danishDateTime, escapeHtml } from '@borgerraadgiver/config';
import { formatChange, formatValue, UNIT_DECIMALS, type Unit } from './change';
import type { CenterSection, FigureRef, Report, Row, StatementStats } from './model';
import { figurePath } from './figure-link';
import { barChart } from './svg';

export type DocumentKind = 'annual' | 'half_year';

export interface DocumentTexts {
  mainTrends?: string | null;
  attentionPoints?: string | null;
  recommendations?: string | null;
}

export interface DocumentInput {
  kind: DocumentKind;
  report: Report;
  texts: DocumentTexts;
  municipalityName: string;
  advisorTitle: string;
  /** The CMS's address, before the links from each count to its cases (none: relative links). */
  baseUrl?: string;
}

export const documentTitles: Record<DocumentKind, string> = { annual: 'Årsberetning', half_year: 'Halvårsstatus' };

const e = escapeHtml;

function paragraphs(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return '<p class="empty">(Ikke skrevet endnu.)</p>';
  return trimmed
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((l) => /^\s*[-•*]\s+/.test(l))) return `<ul>${lines.map((l) => `<li>${e(l.replace(/^\s*[-•*]\s+/, ''))}</li>`).join('')}</ul>`;
      return `<p>${lines.map(e).join('<br>')}</p>`;
    })
    .join('');
}

/** A value in its unit's format, a dash where there is none. */
const n = (value: number | null, unit: Unit = 'count') => (value === null ? '–' : formatValue(value, unit));
const pct = (value: number | null) => (value === null ? '–' : `${formatValue(value, 'percent')} %`);

/** Where the links from the counts lead (the CMS's address), set for the document being rendered. */
let linkBase = '';

/** A count that opens the cases it counts in `period` (on screen; printed as plain text). */
function counted(value: string, figure: FigureRef | undefined, period: Report['period'], label: string): string {
  return figure ? `<a href="${e(linkBase + figurePath(period, figure, label))}">${value}</a>` : value;
}

function rowsTable(caption: string, rows: Row[], report: Report): string {
  if (rows.length === 0) return '';
  return `<table><caption>${e(caption)}</caption><thead><tr><th scope="col"></th><th scope="col" class="num">${e(report.period.label)}</th><th scope="col" class="num">${e(report.previousPeriod.label)}</th><th scope="col" class="num">Ændring</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${e(r.label)}</th><td class="num">${counted(n(r.current, r.unit), r.figure, report.period, r.label)}</td><td class="num">${counted(n(r.previous, r.unit), r.figure, report.previousPeriod, r.label)}</td><td class="num">${e(formatChange(r.change, r.unit))}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function chart(title: string, rows: Row[], report: Report): string {
  return barChart(
    rows.map((r) => ({ label: r.label, current: r.current, previous: r.previous })),
    { title, currentLabel: report.period.label, previousLabel: report.previousPeriod.label, decimals: UNIT_DECIMALS[rows[0]?.unit ?? 'count'] },
  );
}

function trendTable(report: Report): string {
  const trend = report.trend;
  if (!trend) return '<p class="empty">Udviklingen over fem år vises for år, halvår og perioder på højst et år.</p>';
  return `<table><caption>Udvikling over fem år</caption><thead><tr><th scope="col"></th>${trend.periods
    .map((p) => `<th scope="col" class="num">${e(p.label)}</th>`)
    .join('')}</tr></thead><tbody>${trend.rows
    .map(
      (r) =>
        `<tr><th scope="row">${e(r.label)}</th>${r.values.map((v, i) => `<td class="num">${counted(n(v, r.unit), r.figure, trend.periods[i], r.label)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function followUpTable(report: Report): string {
  const list = report.recommendations.previousPeriod;
  if (list.length === 0) return `<p class="empty">Der blev ikke givet anbefalinger i ${e(report.previousPeriod.label)}.</p>`;
  return `<table><caption>Anbefalinger givet i ${e(report.previousPeriod.label)} og deres status nu</caption><thead><tr><th scope="col">Anbefaling</th><th scope="col">Center</th><th scope="col">Sag</th><th scope="col">Status</th><th scope="col">Opfølgning</th></tr></thead><tbody>${list
    .map(
      (r) =>
        `<tr><td>${e(r.text)}</td><td>${e(r.centerName ?? '–')}</td><td>${e(r.caseNumber ?? '–')}</td><td>${e(r.followUpLabel)}${r.caseReopened ? ' (sagen genoptaget)' : ''}</td><td>${e(
          [r.followUpNote, r.followedUpOn ? `Fulgt op ${r.followedUpOn.split('-').reverse().join('.')}` : null].filter(Boolean).join(' · ') || '–',
        )}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

const nonEmpty = (rows: Row[]) => rows.filter((r) => r.current !== 0 || r.previous !== 0);

type StatementCount = keyof NonNullable<StatementStats['figures']>;
const statementCount = (s: StatementStats, key: StatementCount, period: Report['period'], label: string) => counted(n(s[key]), s.figures?.[key], period, label);

function statementRows(s: StatementStats, period: Report['period'], name: string): [string, string][] {
  const c = (key: StatementCount, label: string): [string, string] => [label, statementCount(s, key, period, `${name}: ${label.toLowerCase()}`)];
  return [
    c('requested', 'Anmodninger'),
    c('answered', 'Heraf besvaret'),
    c('answeredOnTime', 'Frist i perioden: besvaret rettidigt'),
    c('answeredLate', 'Frist i perioden: besvaret for sent'),
    c('unansweredOverdue', 'Frist i perioden: ubesvaret over fristen'),
    ['Rettidige', pct(s.onTimePercent)],
    ['Dage over fristen, gennemsnit', n(s.overdueDaysMean, 'days')],
    ['Dage over fristen, højst', n(s.overdueDaysMax, 'days')],
  ];
}

function statementsTable(report: Report): string {
  const head = `<tr><th scope="col" rowspan="2">Center</th><th scope="col" class="num" rowspan="2">Anmodet</th><th scope="col" class="num" rowspan="2">Heraf besvaret</th><th scope="colgroup" colspan="6">Frist i perioden</th></tr><tr><th scope="col" class="num">Rettidigt</th><th scope="col" class="num">For sent</th><th scope="col" class="num">Ubesvaret over frist</th><th scope="col" class="num">Rettidige</th><th scope="col" class="num">Dage over, gns.</th><th scope="col" class="num">Dage over, højst</th></tr>`;
  const c = (s: StatementStats, key: StatementCount, label: string) => statementCount(s, key, report.period, label);
  const line = (name: string, s: StatementStats, cls = '') =>
    `<tr class="${cls}"><th scope="row">${e(name)}</th><td class="num">${c(s, 'requested', `${name}: anmodet`)}</td><td class="num">${c(s, 'answered', `${name}: besvaret`)}</td><td class="num">${c(s, 'answeredOnTime', `${name}: rettidigt`)}</td><td class="num">${c(s, 'answeredLate', `${name}: for sent`)}</td><td class="num">${c(s, 'unansweredOverdue', `${name}: ubesvaret over fristen`)}</td><td class="num">${pct(s.onTimePercent)}</td><td class="num">${n(s.overdueDaysMean, 'days')}</td><td class="num">${n(s.overdueDaysMax, 'days')}</td></tr>`;
  return `<table><caption>Redegørelser i ${e(report.period.label)} efter center</caption><thead>${head}</thead><tbody>${report.statements.byCenter
    .map((c) => line(c.name, c.current))
    .join('')}${line('I alt', report.statements.total.current, 'total')}</tbody></table>`;
}

function centerSection(c: CenterSection, report: Report): string {
  const keyRows = [c.inquiries, c.resolvedByDialogue, c.referred, c.rejected, c.reopenedInquiries, c.recommendations, c.reopened, c.improvementHours];
  return `<section class="center"><h3>${e(c.name)}</h3>
  <div class="columns">
    <div>${rowsTable('Nøgletal', keyRows, report)}${rowsTable('Henvendelser efter institution', c.byInstitution, report)}</div>
    <div>${rowsTable('Henvendelser efter formål', c.byPurpose, report)}${rowsTable('Udtalelser efter udfald', nonEmpty(c.opinionsByOutcome), report)}</div>
  </div>
  <table class="pairs"><caption>Redegørelser</caption><tbody>${statementRows(c.statements.current, report.period, c.name)
    .map(([label, value]) => `<tr><th scope="row">${e(label)}</th><td class="num">${value}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
}

const css = `
:root { --ink: #1c1c1c; --muted: #5b5b5b; --accent: #1f4e79; --previous: #b7c9dc; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 210mm; padding: 16mm; line-height: 1.45; font-size: 11pt; }
h1 { color: var(--accent); font-size: 24pt; margin: 0 0 4pt; }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 2pt; margin-top: 22pt; font-size: 16pt; }
h3 { font-size: 13pt; margin: 16pt 0 6pt; }
.meta { color: var(--muted); margin: 0 0 16pt; }
.draft { display: inline-block; border: 1px solid #a33; color: #a33; padding: 1pt 6pt; font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 9.5pt; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding-bottom: 3pt; }
th, td { border-bottom: 1px solid #d9d9d9; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #999; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #999; }
.chart { max-width: 100%; height: auto; margin: 4pt 0 10pt; font-size: 11px; page-break-inside: avoid; }
.chart text { fill: var(--ink); }
.bar-current { fill: var(--accent); }
.bar-previous { fill: var(--previous); }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt; }
.empty { color: var(--muted); font-style: italic; }
.texts p { margin: 0 0 8pt; }
.definitions { color: var(--muted); font-size: 9pt; }
.toolbar { position: sticky; top: 0; background: #f3f6f9; padding: 6pt 8pt; margin: -16mm -16mm 12pt; border-bottom: 1px solid #d9d9d9; }
.toolbar button { font: inherit; padding: 4pt 10pt; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; }
  .toolbar { display: none; }
  h2 { page-break-after: avoid; }
  section.part { page-break-before: always; }
  section.center { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

export function renderReportDocument(input: DocumentInput): string {
  const { report, texts, kind } = input;
  linkBase = input.baseUrl ?? '';
  const title = `${documentTitles[kind]} ${report.period.label}`;
  const imp = report.improvement;
  const share = pct(imp.sharePercent.current);
  const generated = danishDateTime(report.generatedAt);
  const timesTable = `<table><caption>Tider i dage (median og 90 %-fraktil)</caption><thead><tr><th scope="col"></th><th scope="col" class="num">Antal</th><th scope="col" class="num">Median</th><th scope="col" class="num">90 %-fraktil</th><th scope="col" class="num">Median ${e(report.previousPeriod.label)}</th><th scope="col" class="num">90 %-fraktil ${e(report.previousPeriod.label)}</th></tr></thead><tbody>${report.times
    .map(
      (t) =>
        `<tr><th scope="row">${e(t.label)}</th><td class="num">${n(t.current.count)}</td><td class="num">${n(t.current.medianDays, 'days')}</td><td class="num">${n(t.current.p90Days, 'days')}</td><td class="num">${n(t.previous.medianDays, 'days')}</td><td class="num">${n(t.previous.p90Days, 'days')}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${e(title)} – ${e(input.advisorTitle)}, ${e(input.municipalityName)}</title>
<style>${css}</style>
</head>
<body>
<div class="toolbar"><button type="button" onclick="window.print()">Udskriv / gem som PDF</button></div>
<header>
  <h1>${e(title)}</h1>
  <p class="meta">${e(input.advisorTitle)}, ${e(input.municipalityName)} · Perioden ${e(report.period.from.split('-').reverse().join('.'))}–${e(report.period.to.split('-').reverse().join('.'))} · Udskrevet ${e(generated)} <span class="draft">Udkast</span></p>
</header>

<section class="texts">
  <h2>Hovedtendenser</h2>${paragraphs(texts.mainTrends)}
  <h2>Opmærksomhedspunkter</h2>${paragraphs(texts.attentionPoints)}
  <h2>Anbefalinger</h2>${paragraphs(texts.recommendations)}
</section>

<section class="part">
  <h2>Nøgletal</h2>
  ${rowsTable(`Nøgletal for ${report.period.label} sammenlignet med ${report.previousPeriod.label}`, report.summary, report)}
  <p>Forbedringsarbejdet udgjorde ${share} af arbejdstiden (${n(imp.hours.current, 'hours')} af ${n(imp.workingHours.current, 'hours')} timer); målet er omkring ${n(imp.targetPercent)} %.</p>
  <h2>Udvikling over fem år</h2>
  ${trendTable(report)}
</section>

<section class="part">
  <h2>Henvendelser</h2>
  ${chart('Henvendelser efter formål', report.inquiries.byPurpose, report)}
  ${rowsTable('Henvendelser efter formål', report.inquiries.byPurpose, report)}
  ${chart('Henvendelser efter center', nonEmpty(report.inquiries.byCenter), report)}
  ${rowsTable('Henvendelser efter center', nonEmpty(report.inquiries.byCenter), report)}
  ${rowsTable('Henvendelser efter kanal', report.inquiries.byChannel, report)}
  ${rowsTable('Henvendelser efter kategori (R4)', report.inquiries.byCategory, report)}
  ${chart('Klagetemaer', report.inquiries.byTheme, report)}
  ${rowsTable('Klagetemaer (en henvendelse kan have flere)', report.inquiries.byTheme, report)}
  ${rowsTable('Uden for borgerrådgiverens kompetence (R5)', nonEmpty(report.inquiries.byOutOfScopeReason), report)}
  ${rowsTable('Henvendelser efter identitet', report.inquiries.byIdentity, report)}
</section>

<section class="part">
  <h2>Udfald</h2>
  ${rowsTable('Udfald nået i perioden', [report.outcomes.resolvedByDialogue, report.outcomes.referred, report.outcomes.rejected, report.outcomes.withdrawn, report.outcomes.reopenedInquiries], report)}
  ${rowsTable('Behandlingsform', report.inquiries.byHandling, report)}
  ${rowsTable('Resultat for borgeren', report.inquiries.byCitizenResult, report)}
  ${rowsTable('Afviste henvendelser efter begrundelse', nonEmpty(report.outcomes.rejectedByReason), report)}
  ${chart('Udtalelser efter udfald', report.outcomes.opinionsByOutcome, report)}
  ${rowsTable('Udtalelser efter udfald', [...report.outcomes.opinionsByOutcome, report.outcomes.generalOpinions], report)}
  <h2>Tider</h2>
  ${timesTable}
  <h2>Redegørelser fra centrene</h2>
  ${statementsTable(report)}
  <h2>Anbefalinger og opfølgning</h2>
  ${rowsTable('Anbefalinger efter opfølgning', report.recommendations.byFollowUp, report)}
  ${rowsTable('Centre, der har genoptaget sager', report.recommendations.reopenedByCenter, report)}
  <h3>Opfølgning på anbefalingerne fra ${e(report.previousPeriod.label)}</h3>
  ${followUpTable(report)}
  <h2>Møder</h2>
  ${rowsTable('Møder mellem borger og center med borgerrådgiveren (R12)', report.meetings.byRole, report)}
</section>

<section class="part">
  <h2>Forbedringsarbejde</h2>
  ${chart('Timer til forbedringsarbejde efter type', imp.hoursByKind, report)}
  ${rowsTable('Aktiviteter efter type', imp.activitiesByKind, report)}
  ${rowsTable('Timer efter type', imp.hoursByKind, report)}
  ${rowsTable('Timer efter center', imp.hoursByCenter, report)}
</section>

<section class="part">
  <h2>Centrene</h2>
  ${report.centers.map((c) => centerSection(c, report)).join('\n')}
</section>

<section class="part definitions">
  <h2>Sådan er tallene opgjort</h2>
  <ul>${report.definitions.map((d) => `<li>${e(d)}</li>`).join('')}</ul>
</section>
</body>
</html>`;
}
