import { WorkingCalendar } from '@borgerraadgiver/config';
import {
  customPeriod,
  halfYearPeriod,
  parsePeriod,
  periodBounds,
  periodDays,
  PeriodError,
  previousPeriod,
  trendPeriods,
  yearPeriod,
} from '../../cms/src/reports/period';
import { MEDIAN, P90, percentileOfSorted, percentileRanks } from '../../cms/src/reports/percentile';
import { change, formatChange, formatNumber, formatValue } from '../../cms/src/reports/change';
import { row, statementStats } from '../../cms/src/reports/assemble';
import { csvCell, toCsv } from '../../cms/src/reports/csv';
import { decideAlert, isElevated, usualLevel } from '../../cms/src/reports/ongoing-status';
import { nextReportReminders } from '../../cms/src/reports/reminders';
import { barChart } from '../../cms/src/reports/svg';

describe('periods', () => {
  test.each([
    [{ kind: 'year', year: '2025' }, '2025-01-01', '2025-12-31', '2025'],
    [{ kind: 'half_year', year: '2025', half: '1' }, '2025-01-01', '2025-06-30', '1. halvår 2025'],
    [{ kind: 'half_year', year: '2025', half: '2' }, '2025-07-01', '2025-12-31', '2. halvår 2025'],
    [{ kind: 'custom', from: '2025-03-01', to: '2025-05-31' }, '2025-03-01', '2025-05-31', '1. marts 2025 – 31. maj 2025'],
  ])('parsePeriod(%j)', (query, from, to, label) => {
    expect(parsePeriod(query)).toMatchObject({ from, to, label });
  });

  test.each([
    [yearPeriod(2025), '2024-01-01', '2024-12-31'],
    [halfYearPeriod(2025, 1), '2024-07-01', '2024-12-31'],
    [halfYearPeriod(2025, 2), '2025-01-01', '2025-06-30'],
    [customPeriod('2025-03-01', '2025-03-10'), '2025-02-19', '2025-02-28'],
    [customPeriod('2024-03-01', '2024-03-01'), '2024-02-29', '2024-02-29'],
  ])('previousPeriod of %j', (period, from, to) => {
    const previous = previousPeriod(period);
    expect([previous.from, previous.to]).toEqual([from, to]);
    expect(periodDays(previous)).toBe(period.kind === 'custom' ? periodDays(period) : periodDays(previous));
  });

  test.each([
    [{ kind: 'year', year: 'abc' }],
    [{ kind: 'half_year', year: '2025', half: '3' }],
    [{ kind: 'custom', from: '2025-05-01', to: '2025-04-01' }],
    [{ kind: 'custom', from: '2025-13-01', to: '2025-14-01' }],
    [{ kind: 'week', year: '2025' }],
  ])('rejects %j in Danish', (query) => {
    expect(() => parsePeriod(query)).toThrow(PeriodError);
  });

  test.each([
    [yearPeriod(2025), ['2021', '2022', '2023', '2024', '2025']],
    [halfYearPeriod(2025, 2), ['2. halvår 2021', '2. halvår 2022', '2. halvår 2023', '2. halvår 2024', '2. halvår 2025']],
    [customPeriod('2024-02-29', '2024-03-31'), ['29. februar 2024 – 31. marts 2024']],
  ])('trend periods of %j', (period, labels) => {
    const periods = trendPeriods(period)!;
    expect(periods).toHaveLength(5);
    expect(periods.map((p) => p.label).slice(-labels.length)).toEqual(labels);
    if (period.kind === 'custom') expect([periods[0].from, periods[0].to]).toEqual(['2020-02-29', '2020-03-31']);
    if (period.kind === 'custom') expect([periods[1].from, periods[1].to]).toEqual(['2021-02-28', '2021-03-31']);
  });

  test('no trend for a custom period longer than a year (its years would overlap)', () => {
    expect(trendPeriods(customPeriod('2024-01-01', '2024-12-31'))).toHaveLength(5);
    expect(trendPeriods(customPeriod('2024-01-01', '2025-01-01'))).toBeNull();
  });

  test('bounds are Copenhagen midnights (winter and summer time)', () => {
    expect(periodBounds(yearPeriod(2025))).toEqual({ start: new Date('2024-12-31T23:00:00Z'), end: new Date('2025-12-31T23:00:00Z') });
    expect(periodBounds(halfYearPeriod(2025, 2)).start).toEqual(new Date('2025-06-30T22:00:00Z'));
    expect(periodDays(yearPeriod(2024))).toBe(366);
  });
});

describe('percentiles (linear interpolation between closest ranks)', () => {
  test.each([
    [[5], 5, 5],
    [[1, 2], 1.5, 1.9],
    [[1, 2, 3], 2, 2.8],
    [[1, 2, 3, 4], 2.5, 3.7],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 55, 91],
    [[0, 0, 0, 100], 0, 70],
  ])('%j → median %d, p90 %d', (values, median, p90) => {
    expect(percentileOfSorted(values, MEDIAN)).toBeCloseTo(median, 10);
    expect(percentileOfSorted(values, P90)).toBeCloseTo(p90, 10);
  });

  test('ranks use integer division like the SQL', () => {
    expect(percentileRanks(10, P90)).toEqual({ lower: 8, upper: 9, weight: 0.1 });
    expect(percentileRanks(11, MEDIAN)).toEqual({ lower: 5, upper: 6, weight: 0 });
    expect(percentileRanks(1, P90)).toEqual({ lower: 0, upper: 0, weight: 0 });
    expect(percentileOfSorted([], MEDIAN)).toBeNull();
  });
});

describe('change and Danish numbers', () => {
  test.each([
    [12, 10, 2, 20, '+2 (+20,0 %)'],
    [5, 10, -5, -50, '−5 (−50,0 %)'],
    [3, 0, 3, null, '+3 (ny)'],
    [0, 0, 0, null, '0'],
    [7, 3, 4, 133.3, '+4 (+133,3 %)'],
  ])('change(%d, %d)', (current, previous, difference, percent, text) => {
    const c = change(current, previous);
    expect([c.difference, c.percent]).toEqual([difference, percent]);
    expect(formatChange(c)).toBe(text);
  });

  test.each([
    ['count', 15, 10, 'count 15, change +5 (+50,0 %)'],
    ['hours', 20, 17.46, 'hours 20,0, change +2,5 (+14,3 %)'],
    ['percent', 66.66666, 100, 'percent 66,7, change −33,3 (−33,3 %)'],
  ] as const)('a %s figure has its decimals on every path', (unit, current, previous, text) => {
    const r = row('x', 'X', current, previous, unit);
    expect(`${unit} ${formatValue(r.current, r.unit)}, change ${formatChange(r.change, r.unit)}`).toBe(text);
  });

  test('counts are whole numbers', () => {
    expect(formatValue(15, 'count')).toBe('15');
    expect(row('n', 'N', 15, 3).current).toBe(15);
  });

  test.each([
    [1234567, 0, '1.234.567'],
    [1234.5, 1, '1.234,5'],
    [0.25, 1, '0,3'],
  ])('formatNumber(%d, %d) = %s', (value, decimals, text) => expect(formatNumber(value, decimals)).toBe(text));
});

describe('CSV', () => {
  test.each([
    ['plain', 'plain'],
    [1.5, '1,5'],
    [null, ''],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    [-3, '-3'],
  ])('cell %j → %s', (value, text) => expect(csvCell(value as any)).toBe(text));

  test.each([
    [{ value: 20, decimals: 1 }, '20,0'],
    [{ value: -14.8, decimals: 1 }, '-14,8'],
    [{ value: 3, decimals: 0 }, '3'],
  ])('fixed decimals %j → %s', (value, text) => expect(csvCell(value)).toBe(text));

  test('BOM, semicolons, CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', 2.5],
      ]),
    ).toBe('\uFEFFa;1\r\nb;2,5\r\n');
  });
});

describe('statement punctuality', () => {
  const cell = (over: Partial<Parameters<typeof statementStats>[0][number]>) => ({
    requested: 0,
    answered: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    unansweredOverdue: 0,
    overdueSecondsSum: 0,
    overdueSecondsMax: null,
    ...over,
  });
  test('the on-time share divides by on time, late and unanswered past the deadline', () => {
    const s = statementStats([
      cell({ requested: 2, answered: 1 }),
      cell({ answeredOnTime: 1, unansweredOverdue: 1, overdueSecondsSum: 86_400 * 3, overdueSecondsMax: 86_400 * 3 }),
    ]);
    expect(s).toEqual({
      requested: 2,
      answered: 1,
      answeredOnTime: 1,
      answeredLate: 0,
      unansweredOverdue: 1,
      onTimePercent: 50,
      overdueDaysMean: 3,
      overdueDaysMax: 3,
    });
  });
  test('no request due: no share', () => {
    expect(statementStats([cell({ requested: 1 })]).onTimePercent).toBeNull();
  });
});

describe('ongoing status', () => {
  const policy = { factor: 1.5, minCount: 5, windowDays: 30 };
  test.each([
    // recent, baseline count over 365 days, elevated
    [10, 73, true], // usual 6 → 10 > 9
    [9, 73, false], // 9 is not above 9
    [4, 0, false], // under the minimum count
    [5, 0, true],
    [6, 146, false], // usual 12
  ])('recent %d against %d in the year before → %s', (recent, baseline, elevated) => {
    expect(isElevated(recent, usualLevel(baseline, 30), policy)).toBe(elevated);
  });

  test.each([
    [true, false, 'open'],
    [true, true, 'keep'],
    [false, true, 'close'],
    [false, false, 'none'],
  ])('elevated %s with open alert %s → %s', (elevated, open, decision) => expect(decideAlert(elevated, open)).toBe(decision));
});

describe('report reminders', () => {
  const calendar = new WorkingCalendar();
  test.each([
    // now, annual reminder, half-year reminder
    ['2026-01-10T12:00:00Z', '2026-02-02T07:00:00.000Z', '2026-08-03T06:00:00.000Z'], // 1 Feb 2026 is a Sunday, 1 Aug 2026 a Saturday
    ['2026-02-02T07:00:00Z', '2027-02-01T07:00:00.000Z', '2026-08-03T06:00:00.000Z'], // the February one just went out
    ['2026-09-01T12:00:00Z', '2027-02-01T07:00:00.000Z', '2027-08-02T06:00:00.000Z'],
  ])('after %s', (now, annual, halfYear) => {
    const [a, h] = nextReportReminders(new Date(now), calendar);
    expect(a.notBefore.toISOString()).toBe(annual);
    expect(h.notBefore.toISOString()).toBe(halfYear);
    expect(a.dueVersion).toBe(`report-reminder:annual:${new Date(annual).getUTCFullYear() - 1}`);
    expect(a.subject).toContain('Årsberetningen');
    expect(h.subject).toContain('Halvårsstatus');
  });
});

test('bar chart escapes labels and scales to the largest value', () => {
  const svg = barChart(
    [
      { label: 'A & B', current: 10, previous: 5 },
      { label: '<C>', current: 0, previous: 0 },
    ],
    { title: 'T', currentLabel: '2025', previousLabel: '2024' },
  );
  expect(svg).toContain('A &amp; B');
  expect(svg).toContain('&lt;C&gt;');
  expect(svg).not.toContain('NaN');
});
