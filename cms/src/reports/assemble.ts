/**
 * Turns the raw aggregates from the database into the report: breakdowns over the whole
 * vocabulary (zeros included), the previous period beside each figure, per-center sections.
 * Pure: no database, no Strapi.
 */
import {
  categories,
  channels,
  complaintStatuses,
  identities,
  improvementKinds,
  opinionOutcomes,
  outOfScopeReasons,
  purposes,
  recommendationFollowUps,
} from '@borgerraadgiver/config';
import { change, roundTo } from './change';
import type { Period } from './period';
import type {
  CenterSection,
  CenterStatements,
  DurationCell,
  DurationStats,
  PeriodSlot,
  RawFigures,
  Report,
  Row,
  StatementCell,
  StatementStats,
} from './model';

export const NOT_GIVEN = 'ikke_angivet';
const NOT_GIVEN_LABEL = 'Ikke angivet';
const NO_CENTER_LABEL = 'Intet center angivet';
const SECONDS_PER_DAY = 86_400;

type Vocabulary = Readonly<Record<string, string>>;
type Counts = Record<PeriodSlot, Map<string, number>>;

const emptyCounts = (): Counts => ({ current: new Map(), previous: new Map() });

function add(counts: Counts, slot: PeriodSlot, key: string | number | null | undefined, amount: number) {
  const k = key === null || key === undefined || key === '' ? NOT_GIVEN : String(key);
  counts[slot].set(k, (counts[slot].get(k) ?? 0) + amount);
}

export function row(key: string, label: string, current: number, previous: number): Row {
  return { key, label, current, previous, change: change(current, previous) };
}

/** Every vocabulary key in order (zeros included), then "not given" and unknown keys when they occur. */
export function breakdown(vocabulary: Vocabulary, counts: Counts, notGivenLabel = NOT_GIVEN_LABEL): Row[] {
  const keys = [...Object.keys(vocabulary)];
  for (const slot of ['current', 'previous'] as const) for (const key of counts[slot].keys()) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) =>
    row(key, vocabulary[key] ?? (key === NOT_GIVEN ? notGivenLabel : key), counts.current.get(key) ?? 0, counts.previous.get(key) ?? 0),
  );
}

const sumOf = (counts: Counts, slot: PeriodSlot) => [...counts[slot].values()].reduce((a, b) => a + b, 0);
const totalRow = (key: string, label: string, counts: Counts) => row(key, label, sumOf(counts, 'current'), sumOf(counts, 'previous'));

function toDays(seconds: number | null): number | null {
  return seconds === null ? null : roundTo(seconds / SECONDS_PER_DAY, 1);
}

function durationStats(cell: DurationCell): DurationStats {
  return { count: cell.count, medianDays: toDays(cell.medianSeconds), p90Days: toDays(cell.p90Seconds) };
}

export function statementStats(cells: StatementCell[]): StatementStats {
  const sum = (pick: (c: StatementCell) => number) => cells.reduce((total, c) => total + pick(c), 0);
  const answered = sum((c) => c.answered);
  const answeredOnTime = sum((c) => c.answeredOnTime);
  const overdue = sum((c) => c.answeredLate + c.openOverdue);
  const maxes = cells.map((c) => c.overdueSecondsMax).filter((v): v is number => v !== null);
  return {
    requested: sum((c) => c.requested),
    answered,
    answeredOnTime,
    answeredLate: sum((c) => c.answeredLate),
    openOverdue: sum((c) => c.openOverdue),
    onTimePercent: answered === 0 ? null : roundTo((answeredOnTime / answered) * 100, 1),
    overdueDaysMean: overdue === 0 ? null : toDays(sum((c) => c.overdueSecondsSum) / overdue),
    overdueDaysMax: maxes.length === 0 ? null : toDays(Math.max(...maxes)),
  };
}

const percentOf = (part: number, whole: number) => (whole > 0 ? roundTo((part / whole) * 100, 1) : null);

export const definitions: string[] = [
  'Henvendelser, udfald og tider for henvendelser tælles efter modtagelsesdato: en henvendelse hører til den periode, den blev modtaget i, med den status den har nu.',
  'Tid til første handling er fra modtagelse til første registrerede handling; tid til afslutning er fra modtagelse til afslutning, for henvendelser der er afsluttet.',
  'Redegørelser tælles efter anmodningsdato (annullerede anmodninger tælles ikke med). Rettidig betyder besvaret senest ved fristen eller den aftalte frist. Dage over fristen regnes for sene svar og for ubesvarede anmodninger, hvis frist er overskredet i dag.',
  'Udtalelser tælles efter udstedelsesdato; anbefalinger efter udstedelsesdatoen for den udtalelse, de indgår i.',
  'Forbedringsarbejde tælles efter aktivitetens dato. Andelen af arbejdstiden er de registrerede timer i forhold til periodens arbejdstid (arbejdsdage × normtimer pr. dag).',
  'Medianen og 90 %-fraktilen beregnes ved lineær interpolation mellem de to nærmeste værdier. Ændringer er i forhold til den foregående periode af samme længde.',
];

export function assembleReport(period: Period, previousPeriod: Period, raw: RawFigures, generatedAt: Date): Report {
  const centerName = new Map(raw.centers.map((c) => [String(c.id), c.name]));
  const centerVocabulary: Record<string, string> = Object.fromEntries(raw.centers.map((c) => [String(c.id), c.name]));

  // Inquiries: two small grouped results fill every breakdown.
  const byPurpose = emptyCounts();
  const byChannel = emptyCounts();
  const byCenter = emptyCounts();
  const byCategory = emptyCounts();
  const byReason = emptyCounts();
  const byIdentity = emptyCounts();
  const byStatus = emptyCounts();
  const rejectedByReason = emptyCounts();
  const perCenter = new Map<string, { purpose: Counts; category: Counts; status: Counts }>();
  const centerBucket = (key: string) => {
    let bucket = perCenter.get(key);
    if (!bucket) perCenter.set(key, (bucket = { purpose: emptyCounts(), category: emptyCounts(), status: emptyCounts() }));
    return bucket;
  };
  for (const cell of raw.inquiriesByCenter) {
    const p = cell.period;
    add(byPurpose, p, cell.purpose, cell.count);
    add(byCenter, p, cell.centerId, cell.count);
    add(byCategory, p, cell.category, cell.count);
    add(byStatus, p, cell.status, cell.count);
    const bucket = centerBucket(cell.centerId === null ? NOT_GIVEN : String(cell.centerId));
    add(bucket.purpose, p, cell.purpose, cell.count);
    add(bucket.category, p, cell.category, cell.count);
    add(bucket.status, p, cell.status, cell.count);
  }
  for (const cell of raw.inquiriesByDimension) {
    const p = cell.period;
    add(byChannel, p, cell.channel, cell.count);
    add(byIdentity, p, cell.identity, cell.count);
    if (cell.reason) add(byReason, p, cell.reason, cell.count);
    if (cell.rejected) add(rejectedByReason, p, cell.reason, cell.count);
  }
  const statusRow = (counts: Counts, status: string, label: string) =>
    row(status, label, counts.current.get(status) ?? 0, counts.previous.get(status) ?? 0);

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
    const key = cell.centerId === null ? NOT_GIVEN : String(cell.centerId);
    if (!opinionsPerCenter.has(key)) opinionsPerCenter.set(key, emptyCounts());
    add(opinionsPerCenter.get(key)!, cell.period, cell.outcome, cell.count);
  }

  // Statements per center.
  const statementsOf = (slot: PeriodSlot, centerKey?: string) =>
    statementStats(raw.statements.filter((c) => c.period === slot && (centerKey === undefined || (c.centerId === null ? NOT_GIVEN : String(c.centerId)) === centerKey)));
  const statementCenterKeys = [...new Set(raw.statements.map((c) => (c.centerId === null ? NOT_GIVEN : String(c.centerId))))];
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

  // Improvement work.
  const activitiesByKind = emptyCounts();
  const hoursByKind = emptyCounts();
  const hoursByCenter = emptyCounts();
  for (const cell of raw.improvement) {
    add(activitiesByKind, cell.period, cell.kind, cell.count);
    add(hoursByKind, cell.period, cell.kind, cell.hours);
    add(hoursByCenter, cell.period, cell.centerId, cell.hours);
  }
  const roundRows = (rows: Row[]) => rows.map((r) => row(r.key, r.label, roundTo(r.current, 2), roundTo(r.previous, 2)));
  const hours = totalRow('hours', 'Timer til forbedringsarbejde', hoursByKind);
  const improvementHours = row(hours.key, hours.label, roundTo(hours.current, 2), roundTo(hours.previous, 2));

  const inquiriesTotal = totalRow('inquiries', 'Henvendelser i alt', byPurpose);
  const resolvedByDialogue = statusRow(byStatus, 'loest_ved_dialog', 'Løst ved dialog');
  const referred = statusRow(byStatus, 'henvist', 'Henvist');
  const rejected = statusRow(byStatus, 'afvist', 'Afvist');
  const opinions = totalRow('opinions', 'Udtalelser i konkrete sager', opinionsByOutcome);
  const general = totalRow('general', 'Generelle udtalelser af egen drift', generalOpinions);
  const statementsCurrent = statementsOf('current');
  const statementsPrevious = statementsOf('previous');
  const recommendationsTotal = totalRow('recommendations', 'Anbefalinger', byFollowUp);
  const reopened = totalRow('reopened', 'Sager genoptaget af centrene', reopenedByCenter);
  const share = {
    current: percentOf(improvementHours.current, raw.workingHours.current),
    previous: percentOf(improvementHours.previous, raw.workingHours.previous),
  };

  const summary: Row[] = [
    inquiriesTotal,
    statusRow(byPurpose, 'klage', 'Klager'),
    statusRow(byPurpose, 'raadgivning', 'Rådgivning'),
    statusRow(byPurpose, 'genoptagelse', 'Genoptagelser'),
    resolvedByDialogue,
    referred,
    rejected,
    opinions,
    general,
    row('statements', 'Anmodninger om redegørelse', statementsCurrent.requested, statementsPrevious.requested),
    row('statementsOnTime', 'Redegørelser modtaget rettidigt', statementsCurrent.answeredOnTime, statementsPrevious.answeredOnTime),
    recommendationsTotal,
    reopened,
    totalRow('activities', 'Aktiviteter i forbedringsarbejdet', activitiesByKind),
    improvementHours,
  ];

  // Per-center sections: every center with activity in either period.
  const centerKeys = new Set<string>();
  for (const counts of [byCenter, hoursByCenter, recommendationsByCenter]) for (const slot of ['current', 'previous'] as const) for (const key of counts[slot].keys()) centerKeys.add(key);
  for (const key of opinionsPerCenter.keys()) centerKeys.add(key);
  for (const key of statementCenterKeys) centerKeys.add(key);
  const centers: CenterSection[] = [...centerKeys]
    .map((key) => {
      const bucket = perCenter.get(key) ?? { purpose: emptyCounts(), category: emptyCounts(), status: emptyCounts() };
      const pick = (counts: Counts, label: string, k = key) => row(k, label, counts.current.get(key) ?? 0, counts.previous.get(key) ?? 0);
      const hoursRow = pick(hoursByCenter, 'Timer til forbedringsarbejde');
      return {
        centerId: key === NOT_GIVEN ? null : Number(key),
        name: centerName.get(key) ?? NO_CENTER_LABEL,
        inquiries: pick(byCenter, 'Henvendelser', 'inquiries'),
        byPurpose: breakdown(purposes, bucket.purpose),
        byCategory: breakdown(categories, bucket.category),
        resolvedByDialogue: statusRow(bucket.status, 'loest_ved_dialog', 'Løst ved dialog'),
        referred: statusRow(bucket.status, 'henvist', 'Henvist'),
        rejected: statusRow(bucket.status, 'afvist', 'Afvist'),
        opinionsByOutcome: breakdown(opinionOutcomes, opinionsPerCenter.get(key) ?? emptyCounts()),
        statements: { current: statementsOf('current', key), previous: statementsOf('previous', key) },
        recommendations: pick(recommendationsByCenter, 'Anbefalinger', 'recommendations'),
        reopened: pick(reopenedByCenter, 'Sager genoptaget', 'reopened'),
        improvementHours: row('hours', hoursRow.label, roundTo(hoursRow.current, 2), roundTo(hoursRow.previous, 2)),
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
      byPurpose: breakdown(purposes, byPurpose),
      byChannel: breakdown(channels, byChannel),
      byCenter: breakdown(centerVocabulary, byCenter, NO_CENTER_LABEL),
      byCategory: breakdown(categories, byCategory),
      byOutOfScopeReason: breakdown(outOfScopeReasons, byReason),
      byIdentity: breakdown(identities, byIdentity),
      byStatus: breakdown(complaintStatuses, byStatus),
    },
    outcomes: {
      resolvedByDialogue,
      referred,
      rejected,
      rejectedByReason: breakdown(outOfScopeReasons, rejectedByReason),
      opinions,
      opinionsByOutcome: breakdown(opinionOutcomes, opinionsByOutcome),
      generalOpinions: general,
    },
    times: (Object.keys(durationLabels) as (keyof typeof durationLabels)[]).map((key) => ({
      key,
      label: durationLabels[key],
      current: durationStats(raw.durations[key].current),
      previous: durationStats(raw.durations[key].previous),
    })),
    statements: { total: { current: statementsCurrent, previous: statementsPrevious }, byCenter: statementsByCenter },
    recommendations: {
      total: recommendationsTotal,
      byFollowUp: breakdown(recommendationFollowUps, byFollowUp),
      reopened,
      reopenedByCenter: breakdown(centerVocabulary, reopenedByCenter, NO_CENTER_LABEL).filter((r) => r.current > 0 || r.previous > 0),
    },
    improvement: {
      activities: totalRow('activities', 'Aktiviteter', activitiesByKind),
      hours: improvementHours,
      activitiesByKind: breakdown(improvementKinds, activitiesByKind),
      hoursByKind: roundRows(breakdown(improvementKinds, hoursByKind)),
      hoursByCenter: roundRows(breakdown(centerVocabulary, hoursByCenter, 'Ikke knyttet til et center')).filter((r) => r.current > 0 || r.previous > 0),
      workingHours: { current: roundTo(raw.workingHours.current, 2), previous: roundTo(raw.workingHours.previous, 2) },
      sharePercent: share,
      targetPercent: raw.improvementTargetPercent,
    },
    centers,
    definitions,
  };
}
