/**
 * Turns the raw aggregates from the database into the report: breakdowns over the whole
 * vocabulary (zeros included), the previous period beside each figure, per-center sections, the
 * five-year trend. Pure: no database, no Strapi.
 */
import {
  categories,
  channels,
  citizenResults,
  complaintStatuses,
  complaintThemes,
  handlingForms,
  identities,
  improvementKinds,
  meetingRoles,
  opinionOutcomes,
  outOfScopeReasons,
  purposes,
  recommendationFollowUps,
} from '@borgerraadgiver/config';
import { change, roundTo, UNIT_DECIMALS, type Unit } from './change';
import type { Period } from './period';
import { outcomeStatuses, type OutcomeStatus } from '../rules/complaint-status';
import type {
  CenterSection,
  CenterStatements,
  DurationCell,
  DurationStats,
  FigureRef,
  OpinionCell,
  OutcomeCell,
  PeriodSlot,
  RawFigures,
  Report,
  Row,
  StatementCell,
  StatementStats,
  Trend,
} from './model';

export const NOT_GIVEN = 'ikke_angivet';
const NOT_GIVEN_LABEL = 'Ikke angivet';
const NO_CENTER_LABEL = 'Intet center angivet';
const SECONDS_PER_DAY = 86_400;

type Vocabulary = Readonly<Record<string, string>>;
type Counts = Record<PeriodSlot, Map<string, number>>;

const emptyCounts = (): Counts => ({ current: new Map(), previous: new Map() });
const keyOf = (key: string | number | null | undefined) => (key === null || key === undefined || key === '' ? NOT_GIVEN : String(key));

function add(counts: Counts, slot: PeriodSlot, key: string | number | null | undefined, amount: number) {
  const k = keyOf(key);
  counts[slot].set(k, (counts[slot].get(k) ?? 0) + amount);
}

/** A figure for both periods, rounded to its unit's decimals (counts whole, hours and percentages to one decimal). */
export function row(key: string, label: string, current: number, previous: number, unit: Unit = 'count'): Row {
  const c = roundTo(current, UNIT_DECIMALS[unit]);
  const p = roundTo(previous, UNIT_DECIMALS[unit]);
  return { key, label, unit, current: c, previous: p, change: change(c, p, unit) };
}

/** Every vocabulary key in order (zeros included), then "not given" and unknown keys when they occur. */
export function breakdown(vocabulary: Vocabulary, counts: Counts, notGivenLabel = NOT_GIVEN_LABEL, unit: Unit = 'count'): Row[] {
  const keys = [...Object.keys(vocabulary)];
  for (const slot of ['current', 'previous'] as const) for (const key of counts[slot].keys()) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) =>
    row(key, vocabulary[key] ?? (key === NOT_GIVEN ? notGivenLabel : key), counts.current.get(key) ?? 0, counts.previous.get(key) ?? 0, unit),
  );
}

const sumOf = (counts: Counts, slot: PeriodSlot) => [...counts[slot].values()].reduce((a, b) => a + b, 0);
const totalRow = (key: string, label: string, counts: Counts, unit: Unit = 'count') =>
  row(key, label, sumOf(counts, 'current'), sumOf(counts, 'previous'), unit);
const pickRow = (counts: Counts, key: string, label: string, rowKey = key, unit: Unit = 'count') =>
  row(rowKey, label, counts.current.get(key) ?? 0, counts.previous.get(key) ?? 0, unit);
const nonZero = (rows: Row[]) => rows.filter((r) => r.current !== 0 || r.previous !== 0);

/** The figure source `metric` with its dimensions fixed to `filter` (see reports/db/figures). */
const fig = (metric: string, filter: Record<string, string> = {}): FigureRef => ({ metric, filter });
/** A row with what opens its rows; a breakdown's rows each with their key as the value of `dim`. */
const opens = (r: Row, figure: FigureRef): Row => ({ ...r, figure });
const opensBy = (rows: Row[], metric: string, dim: string, filter: Record<string, string> = {}) =>
  rows.map((r) => opens(r, fig(metric, { ...filter, [dim]: r.key })));

/** The statement figures' sources, for all centers or one. */
const withStatementFigures = (stats: StatementStats, filter: Record<string, string> = {}): StatementStats => ({
  ...stats,
  figures: {
    requested: fig('statements', filter),
    answered: fig('statements', { ...filter, only: 'answered' }),
    answeredOnTime: fig('punctuality', { ...filter, only: 'onTime' }),
    answeredLate: fig('punctuality', { ...filter, only: 'late' }),
    unansweredOverdue: fig('punctuality', { ...filter, only: 'unanswered' }),
  },
});

function toDays(seconds: number | null): number | null {
  return seconds === null ? null : roundTo(seconds / SECONDS_PER_DAY, 1);
}

function durationStats(cell: DurationCell): DurationStats {
  return { count: cell.count, medianDays: toDays(cell.medianSeconds), p90Days: toDays(cell.p90Seconds) };
}

const percentOf = (part: number, whole: number) => (whole > 0 ? roundTo((part / whole) * 100, 1) : null);

/** Punctuality and counts of statement requests; the on-time share is of all requests due (on time, late, unanswered). */
export function statementStats(cells: Pick<StatementCell, Exclude<keyof StatementCell, 'period' | 'centerId'>>[]): StatementStats {
  const sum = (pick: (c: (typeof cells)[number]) => number) => cells.reduce((total, c) => total + pick(c), 0);
  const answeredOnTime = sum((c) => c.answeredOnTime);
  const answeredLate = sum((c) => c.answeredLate);
  const unansweredOverdue = sum((c) => c.unansweredOverdue);
  const overdue = answeredLate + unansweredOverdue;
  const maxes = cells.map((c) => c.overdueSecondsMax).filter((v): v is number => v !== null);
  return {
    requested: sum((c) => c.requested),
    answered: sum((c) => c.answered),
    answeredOnTime,
    answeredLate,
    unansweredOverdue,
    onTimePercent: percentOf(answeredOnTime, answeredOnTime + overdue),
    overdueDaysMean: overdue === 0 ? null : toDays(sum((c) => c.overdueSecondsSum) / overdue),
    overdueDaysMax: maxes.length === 0 ? null : toDays(Math.max(...maxes)),
  };
}

export const definitions: string[] = [
  'Henvendelser tælles efter modtagelsesdato: en henvendelse hører til den periode, den blev modtaget i. Kategori, temaer, behandlingsform og resultat for borgeren er henvendelsens, som de er registreret nu; en henvendelse med flere temaer tælles under hvert af dem.',
  'Navngivne borgere er forskellige borgere og virksomheder blandt henvendelserne med navn: samme e-mailadresse, CVR-nummer eller navn tæller én gang. En navngiven henvendelse uden nogen af dem (fx anonymiseret efter sletningsfristen) tæller for sig.',
  'Udfald (løst ved dialog, henvist, afvist, trukket tilbage, genoptaget) tælles efter sagens journal i den periode, sagen fik udfaldet, uanset om den siden er afsluttet eller genoptaget. En sag tælles én gang pr. udfald og periode. For sager fra før journalen blev indført, tælles afslutningen efter sagens registrerede oplysninger på afslutningsdatoen.',
  'Tid til første handling er fra modtagelse til første registrerede handling; tid til afslutning er fra modtagelse til afslutning, for henvendelser der er afsluttet.',
  'Anmodninger om redegørelse tælles efter anmodningsdato (annullerede tælles ikke med). Rettidighed opgøres over de anmodninger, hvis frist (den aftalte, hvis der er aftalt en) faldt i perioden: besvaret senest ved fristen, besvaret efter fristen, eller ubesvaret med fristen overskredet. Andelen rettidige er af alle tre. Dage over fristen regnes for sene svar og for ubesvarede anmodninger til i dag.',
  'Udtalelser tælles efter udstedelsesdato; anbefalinger efter udstedelsesdatoen for den udtalelse, de indgår i. Opfølgningen på forrige periodes anbefalinger viser status, som den er nu.',
  'Møder tælles efter mødedatoen, efter borgerrådgiverens rolle (bisidder, observatør).',
  'Forbedringsarbejde tælles efter aktivitetens dato. Andelen af arbejdstiden er de registrerede timer i forhold til periodens arbejdstid (arbejdsdage × normtimer pr. dag).',
  'Medianen og 90 %-fraktilen beregnes ved lineær interpolation mellem de to nærmeste værdier. Ændringer er i forhold til den foregående periode af samme længde. Udviklingen over fem år sammenligner perioden med de samme perioder i de fire foregående år.',
  'Antal er hele tal; timer, dage og procenter har én decimal.',
];

const OUTCOME_LABELS = Object.fromEntries(outcomeStatuses.map((status) => [status, complaintStatuses[status]])) as Record<OutcomeStatus, string>;

export function assembleReport(period: Period, previousPeriod: Period, raw: RawFigures, generatedAt: Date): Report {
  const centerName = new Map(raw.centers.map((c) => [String(c.id), c.name]));
  const centerVocabulary: Record<string, string> = Object.fromEntries(raw.centers.map((c) => [String(c.id), c.name]));

  // Inquiries: two small grouped results fill most breakdowns.
  const byPurpose = emptyCounts();
  const byChannel = emptyCounts();
  const byCenter = emptyCounts();
  const byCategory = emptyCounts();
  const byReason = emptyCounts();
  const byIdentity = emptyCounts();
  const byStatus = emptyCounts();
  const byHandling = emptyCounts();
  const byCitizenResult = emptyCounts();
  const perCenter = new Map<string, { purpose: Counts; category: Counts; outcome: Counts; institution: Counts }>();
  const centerBucket = (key: string) => {
    let bucket = perCenter.get(key);
    if (!bucket) perCenter.set(key, (bucket = { purpose: emptyCounts(), category: emptyCounts(), outcome: emptyCounts(), institution: emptyCounts() }));
    return bucket;
  };
  for (const cell of raw.inquiriesByCenter) {
    const p = cell.period;
    add(byPurpose, p, cell.purpose, cell.count);
    add(byCenter, p, cell.centerId, cell.count);
    add(byCategory, p, cell.category, cell.count);
    add(byStatus, p, cell.status, cell.count);
    const bucket = centerBucket(keyOf(cell.centerId));
    add(bucket.purpose, p, cell.purpose, cell.count);
    add(bucket.category, p, cell.category, cell.count);
  }
  for (const cell of raw.inquiriesByDimension) {
    const p = cell.period;
    add(byChannel, p, cell.channel, cell.count);
    add(byIdentity, p, cell.identity, cell.count);
    add(byHandling, p, cell.handling, cell.count);
    add(byCitizenResult, p, cell.citizenResult, cell.count);
    if (cell.reason) add(byReason, p, cell.reason, cell.count);
  }
  const byTheme = emptyCounts();
  for (const cell of raw.themes) add(byTheme, cell.period, cell.key, cell.count);

  // Institutions under their own center.
  const institutionCenter = new Map(raw.institutions.map((i) => [String(i.id), keyOf(i.centerId)]));
  const institutionNames: Record<string, string> = Object.fromEntries(raw.institutions.map((i) => [String(i.id), i.name]));
  for (const cell of raw.institutionCounts) {
    add(centerBucket(institutionCenter.get(keyOf(cell.key)) ?? NOT_GIVEN).institution, cell.period, cell.key, cell.count);
  }

  // Outcomes reached in the period.
  const outcomes = emptyCounts();
  const rejectedByReason = emptyCounts();
  for (const cell of raw.outcomes) {
    add(outcomes, cell.period, cell.status, cell.count);
    add(centerBucket(keyOf(cell.centerId)).outcome, cell.period, cell.status, cell.count);
    if (cell.status === 'afvist') add(rejectedByReason, cell.period, cell.reason, cell.count);
  }
  const outcomeRow = (counts: Counts, status: keyof typeof OUTCOME_LABELS, filter: Record<string, string> = {}) =>
    opens(pickRow(counts, status, OUTCOME_LABELS[status]), fig('outcomes', { ...filter, status }));

  // Opinions: case opinions by outcome; general opinions of own initiative on their own.
  const opinionsByOutcome = emptyCounts();
  const generalOpinions = emptyCounts();
  const opinionsPerCenter = new Map<string, Counts>();
  for (const cell of raw.opinions) {
    if (cell.kind === 'general') {
      add(generalOpinions, cell.period, 'general', cell.count);
      continue;
    }
    add(opinionsByOutcome, cell.period, cell.outcome, cell.count);
    const key = keyOf(cell.centerId);
    if (!opinionsPerCenter.has(key)) opinionsPerCenter.set(key, emptyCounts());
    add(opinionsPerCenter.get(key)!, cell.period, cell.outcome, cell.count);
  }

  // Statements per center.
  const statementsOf = (slot: PeriodSlot, centerKey?: string) =>
    withStatementFigures(
      statementStats(raw.statements.filter((c) => c.period === slot && (centerKey === undefined || keyOf(c.centerId) === centerKey))),
      centerKey === undefined ? {} : { center: centerKey },
    );
  const statementCenterKeys = [...new Set(raw.statements.map((c) => keyOf(c.centerId)))];
  const statementsByCenter: CenterStatements[] = statementCenterKeys
    .map((key) => ({
      centerId: key === NOT_GIVEN ? null : Number(key),
      name: centerName.get(key) ?? NO_CENTER_LABEL,
      current: statementsOf('current', key),
      previous: statementsOf('previous', key),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  // Recommendations.
  const byFollowUp = emptyCounts();
  const reopenedByCenter = emptyCounts();
  const recommendationsByCenter = emptyCounts();
  for (const cell of raw.recommendations) {
    add(byFollowUp, cell.period, cell.followUp, cell.count);
    add(recommendationsByCenter, cell.period, cell.centerId, cell.count);
    if (cell.reopened > 0) add(reopenedByCenter, cell.period, cell.centerId, cell.reopened);
  }

  // Meetings (R12).
  const meetingsByRole = emptyCounts();
  for (const cell of raw.meetings) add(meetingsByRole, cell.period, cell.key, cell.count);

  // Improvement work.
  const activitiesByKind = emptyCounts();
  const hoursByKind = emptyCounts();
  const hoursByCenter = emptyCounts();
  for (const cell of raw.improvement) {
    add(activitiesByKind, cell.period, cell.kind, cell.count);
    add(hoursByKind, cell.period, cell.kind, cell.hours);
    add(hoursByCenter, cell.period, cell.centerId, cell.hours);
  }
  const improvementHours = totalRow('hours', 'Timer til forbedringsarbejde', hoursByKind, 'hours');

  const inquiriesTotal = opens(totalRow('inquiries', 'Henvendelser i alt', byPurpose), fig('inquiries'));
  const namedCitizens = opens(
    row('namedCitizens', 'Navngivne borgere (forskellige)', raw.namedCitizens.current, raw.namedCitizens.previous),
    fig('namedCitizens'),
  );
  const resolvedByDialogue = outcomeRow(outcomes, 'loest_ved_dialog');
  const referred = outcomeRow(outcomes, 'henvist');
  const rejected = outcomeRow(outcomes, 'afvist');
  const withdrawn = outcomeRow(outcomes, 'tilbagetrukket');
  const reopenedInquiries = opens(
    row('genoptaget', 'Henvendelser genoptaget', outcomes.current.get('genoptaget') ?? 0, outcomes.previous.get('genoptaget') ?? 0),
    fig('outcomes', { status: 'genoptaget' }),
  );
  const opinions = opens(totalRow('opinions', 'Udtalelser i konkrete sager', opinionsByOutcome), fig('opinions', { kind: 'case' }));
  const general = opens(totalRow('general', 'Generelle udtalelser af egen drift', generalOpinions), fig('opinions', { kind: 'general' }));
  const statementsCurrent = statementsOf('current');
  const statementsPrevious = statementsOf('previous');
  const recommendationsTotal = opens(totalRow('recommendations', 'Anbefalinger', byFollowUp), fig('recommendations'));
  const reopened = opens(totalRow('reopened', 'Sager genoptaget af centrene', reopenedByCenter), fig('recommendations', { only: 'reopened' }));
  const meetingsTotal = opens(totalRow('meetings', 'Møder med borger og center', meetingsByRole), fig('meetings'));
  const purposeRow = (key: keyof typeof purposes, label: string) => opens(pickRow(byPurpose, key, label), fig('inquiries', { purpose: key }));
  const share = {
    current: percentOf(improvementHours.current, raw.workingHours.current),
    previous: percentOf(improvementHours.previous, raw.workingHours.previous),
  };

  const summary: Row[] = [
    inquiriesTotal,
    namedCitizens,
    purposeRow('klage', 'Klager'),
    purposeRow('raadgivning', 'Rådgivning'),
    purposeRow('vejvisning', 'Vejvisning'),
    purposeRow('genoptagelse', 'Genoptagelser'),
    resolvedByDialogue,
    referred,
    rejected,
    reopenedInquiries,
    opinions,
    general,
    opens(row('statements', 'Anmodninger om redegørelse', statementsCurrent.requested, statementsPrevious.requested), fig('statements')),
    opens(
      row('statementsOnTime', 'Redegørelser modtaget rettidigt', statementsCurrent.answeredOnTime, statementsPrevious.answeredOnTime),
      fig('punctuality', { only: 'onTime' }),
    ),
    recommendationsTotal,
    reopened,
    meetingsTotal,
    totalRow('activities', 'Aktiviteter i forbedringsarbejdet', activitiesByKind),
    improvementHours,
  ];

  // Per-center sections: every center with activity in either period.
  const centerKeys = new Set<string>();
  for (const counts of [byCenter, hoursByCenter, recommendationsByCenter])
    for (const slot of ['current', 'previous'] as const) for (const key of counts[slot].keys()) centerKeys.add(key);
  for (const key of [...opinionsPerCenter.keys(), ...statementCenterKeys, ...perCenter.keys()]) centerKeys.add(key);
  const centers: CenterSection[] = [...centerKeys]
    .map((key) => {
      const bucket = centerBucket(key);
      const pick = (counts: Counts, label: string, rowKey: string, unit: Unit = 'count') => pickRow(counts, key, label, rowKey, unit);
      const center = { center: key };
      return {
        centerId: key === NOT_GIVEN ? null : Number(key),
        name: centerName.get(key) ?? NO_CENTER_LABEL,
        inquiries: opens(pick(byCenter, 'Henvendelser', 'inquiries'), fig('inquiries', center)),
        byPurpose: opensBy(breakdown(purposes, bucket.purpose), 'inquiries', 'purpose', center),
        byCategory: opensBy(breakdown(categories, bucket.category), 'inquiries', 'category', center),
        byInstitution: opensBy(
          nonZero(breakdown(institutionNames, bucket.institution)).sort((a, b) => a.label.localeCompare(b.label, 'da')),
          'institutions',
          'institution',
        ),
        resolvedByDialogue: outcomeRow(bucket.outcome, 'loest_ved_dialog', center),
        referred: outcomeRow(bucket.outcome, 'henvist', center),
        rejected: outcomeRow(bucket.outcome, 'afvist', center),
        reopenedInquiries: opens(
          row('genoptaget', 'Henvendelser genoptaget', bucket.outcome.current.get('genoptaget') ?? 0, bucket.outcome.previous.get('genoptaget') ?? 0),
          fig('outcomes', { ...center, status: 'genoptaget' }),
        ),
        opinionsByOutcome: opensBy(breakdown(opinionOutcomes, opinionsPerCenter.get(key) ?? emptyCounts()), 'opinions', 'outcome', { ...center, kind: 'case' }),
        statements: { current: statementsOf('current', key), previous: statementsOf('previous', key) },
        recommendations: opens(pick(recommendationsByCenter, 'Anbefalinger', 'recommendations'), fig('recommendations', center)),
        reopened: opens(pick(reopenedByCenter, 'Sager genoptaget af centret', 'reopened'), fig('recommendations', { ...center, only: 'reopened' })),
        improvementHours: pick(hoursByCenter, 'Timer til forbedringsarbejde', 'hours', 'hours'),
      };
    })
    .sort((a, b) => (a.centerId === null ? 1 : b.centerId === null ? -1 : a.name.localeCompare(b.name, 'da')));

  const durationLabels = {
    firstAction: 'Fra modtagelse til første handling',
    closure: 'Fra modtagelse til afslutning',
    statement: 'Fra anmodning til redegørelse',
  } as const;

  return {
    period,
    previousPeriod,
    generatedAt: generatedAt.toISOString(),
    summary,
    inquiries: {
      total: inquiriesTotal,
      namedCitizens,
      byPurpose: opensBy(breakdown(purposes, byPurpose), 'inquiries', 'purpose'),
      byChannel: opensBy(breakdown(channels, byChannel), 'inquiryDimensions', 'channel'),
      byCenter: opensBy(breakdown(centerVocabulary, byCenter, NO_CENTER_LABEL), 'inquiries', 'center'),
      byCategory: opensBy(breakdown(categories, byCategory), 'inquiries', 'category'),
      byTheme: opensBy(breakdown(complaintThemes, byTheme), 'themes', 'theme'),
      byOutOfScopeReason: opensBy(breakdown(outOfScopeReasons, byReason), 'inquiryDimensions', 'reason'),
      byIdentity: opensBy(breakdown(identities, byIdentity), 'inquiryDimensions', 'identity'),
      byStatus: opensBy(breakdown(complaintStatuses, byStatus), 'inquiries', 'status'),
      byHandling: opensBy(breakdown(handlingForms, byHandling), 'inquiryDimensions', 'handling'),
      byCitizenResult: opensBy(breakdown(citizenResults, byCitizenResult), 'inquiryDimensions', 'citizenResult'),
    },
    outcomes: {
      resolvedByDialogue,
      referred,
      rejected,
      withdrawn,
      reopenedInquiries,
      rejectedByReason: opensBy(breakdown(outOfScopeReasons, rejectedByReason), 'outcomes', 'reason', { status: 'afvist' }),
      opinions,
      opinionsByOutcome: opensBy(breakdown(opinionOutcomes, opinionsByOutcome), 'opinions', 'outcome', { kind: 'case' }),
      generalOpinions: general,
    },
    meetings: { total: meetingsTotal, byRole: opensBy(breakdown(meetingRoles, meetingsByRole), 'meetings', 'role') },
    times: (Object.keys(durationLabels) as (keyof typeof durationLabels)[]).map((key) => ({
      key,
      label: durationLabels[key],
      current: durationStats(raw.durations[key].current),
      previous: durationStats(raw.durations[key].previous),
    })),
    statements: { total: { current: statementsCurrent, previous: statementsPrevious }, byCenter: statementsByCenter },
    recommendations: {
      total: recommendationsTotal,
      byFollowUp: opensBy(breakdown(recommendationFollowUps, byFollowUp), 'recommendations', 'followUp'),
      reopened,
      reopenedByCenter: opensBy(nonZero(breakdown(centerVocabulary, reopenedByCenter, NO_CENTER_LABEL)), 'recommendations', 'center', { only: 'reopened' }),
      previousPeriod: raw.previousRecommendations,
    },
    improvement: {
      activities: totalRow('activities', 'Aktiviteter', activitiesByKind),
      hours: improvementHours,
      activitiesByKind: breakdown(improvementKinds, activitiesByKind),
      hoursByKind: breakdown(improvementKinds, hoursByKind, NOT_GIVEN_LABEL, 'hours'),
      hoursByCenter: nonZero(breakdown(centerVocabulary, hoursByCenter, 'Ikke knyttet til et center', 'hours')),
      workingHours: { current: roundTo(raw.workingHours.current, 1), previous: roundTo(raw.workingHours.previous, 1) },
      sharePercent: share,
      targetPercent: raw.improvementTargetPercent,
    },
    centers,
    trend: raw.trend,
    definitions,
  };
}

/** The trend's raw figures, one cell list per query, keyed by the index of the period ("0" oldest). */
export interface TrendCells {
  purposes: { period: string; key: string | number | null; count: number }[];
  citizens: Map<string, number>;
  outcomes: (Omit<OutcomeCell, 'period'> & { period: string })[];
  opinions: (Omit<OpinionCell, 'period'> & { period: string })[];
  statements: (Omit<StatementCell, 'period'> & { period: string })[];
  improvement: { period: string; hours: number }[];
  workingHours: number[];
}

/** The trend table: the report's key figures for each of the comparable periods. */
export function assembleTrend(periods: Period[], cells: TrendCells): Trend {
  const slots = periods.map((_, i) => String(i));
  const sum = <T extends { period: string }>(list: T[], pick: (c: T) => number, where: (c: T) => boolean = () => true) =>
    slots.map((slot) => list.filter((c) => c.period === slot && where(c)).reduce((total, c) => total + pick(c), 0));
  const count = <T extends { period: string; count: number }>(list: T[], where: (c: T) => boolean = () => true) => sum(list, (c) => c.count, where);
  const punctuality = slots.map((slot) => statementStats(cells.statements.filter((c) => c.period === slot)));
  const hours = sum(cells.improvement, (c) => c.hours);
  const line = (key: string, label: string, values: (number | null)[], unit: Unit = 'count', figure?: FigureRef) => ({
    key,
    label,
    unit,
    values: values.map((v) => (v === null ? null : roundTo(v, UNIT_DECIMALS[unit]))),
    ...(figure ? { figure } : {}),
  });
  return {
    periods,
    rows: [
      line('inquiries', 'Henvendelser i alt', count(cells.purposes), 'count', fig('inquiryDimensions')),
      line(
        'namedCitizens',
        'Navngivne borgere (forskellige)',
        slots.map((slot) => cells.citizens.get(slot) ?? 0),
        'count',
        fig('namedCitizens'),
      ),
      ...Object.entries(purposes).map(([key, label]) =>
        line(
          key,
          label,
          count(cells.purposes, (c) => c.key === key),
          'count',
          fig('inquiryDimensions', { purpose: key }),
        ),
      ),
      ...(Object.keys(OUTCOME_LABELS) as (keyof typeof OUTCOME_LABELS)[]).map((status) =>
        line(
          status,
          OUTCOME_LABELS[status],
          count(cells.outcomes, (c) => c.status === status),
          'count',
          fig('outcomes', { status }),
        ),
      ),
      line(
        'opinions',
        'Udtalelser i konkrete sager',
        count(cells.opinions, (c) => c.kind !== 'general'),
        'count',
        fig('opinions', { kind: 'case' }),
      ),
      line(
        'kritik',
        'Heraf med kritik',
        count(cells.opinions, (c) => c.kind !== 'general' && c.outcome === 'kritik'),
        'count',
        fig('opinions', { kind: 'case', outcome: 'kritik' }),
      ),
      line(
        'statementsOnTimePercent',
        'Rettidige redegørelser i %',
        punctuality.map((s) => s.onTimePercent),
        'percent',
      ),
      line('hours', 'Timer til forbedringsarbejde', hours, 'hours'),
      line(
        'hoursSharePercent',
        'Forbedringsarbejde i % af arbejdstiden',
        hours.map((h, i) => percentOf(h, cells.workingHours[i])),
        'percent',
      ),
    ],
  };
}
