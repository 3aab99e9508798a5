import { calendarDaysFromRows, endOfPeriod, loadPolicy, parseDuration, WorkingCalendar, type CalendarDay } from '@borgerraadgiver/config';

const calendar = new WorkingCalendar();
const closingDay = (date: string, name: string, active = true): CalendarDay => ({ date, name, kind: 'lukkedag', active });
const withClosingDays = new WorkingCalendar([closingDay('2026-12-24', 'Juleaftensdag'), closingDay('2026-12-31', 'Nytårsaftensdag')]);
const P14D = parseDuration('P14D');

describe('deadline: a day-based period ends at the end of a working day', () => {
  test.each`
    case                                           | from                      | period    | cal                | day             | skipped
    ${'ordinary two weeks'}                        | ${'2026-11-02T09:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-11-16'} | ${[]}
    ${'Easter 2026: Good Friday to Easter Monday'} | ${'2026-03-20T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-04-07'} | ${['2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06']}
    ${'Easter 2025: Maundy Thursday onwards'}      | ${'2025-04-03T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2025-04-22'} | ${['2025-04-17', '2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21']}
    ${'Christmas Day and Boxing Day weekend'}      | ${'2026-12-11T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-12-28'} | ${['2026-12-25', '2026-12-26', '2026-12-27']}
    ${'31 December is a working day by default'}   | ${'2026-12-17T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-12-31'} | ${[]}
    ${'closing day 31 Dec then New Year'}          | ${'2026-12-17T10:00:00Z'} | ${'P14D'} | ${withClosingDays} | ${'2027-01-04'} | ${['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']}
    ${'Store Bededag 2023 is a holiday'}           | ${'2023-04-21T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2023-05-08'} | ${['2023-05-05', '2023-05-06', '2023-05-07']}
    ${'Store Bededag abolished from 2024'}         | ${'2024-04-12T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2024-04-26'} | ${[]}
    ${'local date, not UTC date, counts'}          | ${'2026-03-20T23:30:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-04-07'} | ${['2026-04-04', '2026-04-05', '2026-04-06']}
    ${'month end: 31 Jan + 1 month is a Saturday'} | ${'2026-01-31T10:00:00Z'} | ${'P1M'}  | ${calendar}        | ${'2026-03-02'} | ${['2026-02-28', '2026-03-01']}
    ${'leap day + 1 year'}                         | ${'2024-02-29T10:00:00Z'} | ${'P1Y'}  | ${calendar}        | ${'2025-02-28'} | ${[]}
    ${'Ascension Day 2026'}                        | ${'2026-04-30T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-05-15'} | ${['2026-05-14']}
    ${'Whit Monday 2026'}                          | ${'2026-05-11T10:00:00Z'} | ${'P14D'} | ${calendar}        | ${'2026-05-26'} | ${['2026-05-25']}
  `('$case', ({ from, period, cal, day, skipped }) => {
    const deadline = (cal as WorkingCalendar).deadline(new Date(from), parseDuration(period));
    expect(deadline.day).toBe(day);
    expect(deadline.skipped.map((s) => s.date)).toEqual(skipped);
  });

  test.each`
    case                                  | from                      | at
    ${'summer time: ends 23:59:59 CEST'}  | ${'2026-03-20T23:30:00Z'} | ${'2026-04-07T21:59:59.999Z'}
    ${'winter time after the DST change'} | ${'2026-10-16T10:00:00Z'} | ${'2026-10-30T22:59:59.999Z'}
  `('$case', ({ from, at }) => {
    expect(calendar.deadline(new Date(from), P14D).at.toISOString()).toBe(at);
  });

  test('explains the moved days in Danish', () => {
    const { explanation } = calendar.deadline(new Date('2026-12-11T10:00:00Z'), P14D);
    expect(explanation).toContain('fredag 25. december 2026 er Juledag');
    expect(explanation).toContain('Frist: mandag 28. december 2026');
    // The period in words, never the ISO value.
    expect(explanation).toMatch(/^14 dage efter /);
  });

  test('rows only concern their own date: one extra holiday in 2028 keeps Easter 2028', () => {
    const oneRow = new WorkingCalendar([{ date: '2028-06-05', name: 'Grundlovsdag', kind: 'helligdag', active: true }]);
    // Due Wednesday 12 April 2028: the overdue notice skips Maundy Thursday to Easter Monday.
    expect(oneRow.nonWorkingReason('2028-04-13')).toBe('Skærtorsdag');
    expect(oneRow.noticeAfter(new Date('2028-04-12T21:59:59.999Z')).toISOString()).toBe('2028-04-18T06:00:00.000Z');
    // (5 June 2028 is also Whit Monday; the statutory name is the one given.)
    expect(oneRow.nonWorkingReason('2028-06-05')).toBe('Anden Pinsedag');
    expect(new WorkingCalendar([{ date: '2027-06-05', name: 'Grundlovsdag', kind: 'helligdag', active: true }]).nonWorkingReason('2027-06-04')).toBeNull();
  });

  test.each`
    case                                                      | rows                                                                                                                                                   | date            | reason
    ${'a statutory holiday without any row'}                  | ${[]}                                                                                                                                                  | ${'2026-12-25'} | ${'Juledag'}
    ${'a closing day switched off'}                           | ${[closingDay('2026-12-24', 'Juleaftensdag', false)]}                                                                                                  | ${'2026-12-24'} | ${null}
    ${'a closing day switched on'}                            | ${[closingDay('2026-12-24', 'Juleaftensdag')]}                                                                                                         | ${'2026-12-24'} | ${'Juleaftensdag (lukkedag)'}
    ${'an exception makes a statutory holiday a working day'} | ${[{ date: '2026-12-28', name: 'x', kind: 'arbejdsdag', active: true }, { date: '2025-12-26', name: 'Arbejdsdag', kind: 'arbejdsdag', active: true }]} | ${'2025-12-26'} | ${null}
    ${'an exception switched off changes nothing'}            | ${[{ date: '2025-12-26', name: 'Arbejdsdag', kind: 'arbejdsdag', active: false }]}                                                                     | ${'2025-12-26'} | ${'Anden Juledag'}
    ${'an exception does not make a Saturday a working day'}  | ${[{ date: '2026-12-26', name: 'Arbejdsdag', kind: 'arbejdsdag', active: true }]}                                                                      | ${'2026-12-26'} | ${'weekend'}
  `('$case', ({ rows, date, reason }) => {
    expect(new WorkingCalendar(rows).nonWorkingReason(date)).toBe(reason);
  });

  test('database rows are read alike on SQLite and PostgreSQL', () => {
    const days = calendarDaysFromRows([
      { date: '2026-12-24', name: 'Juleaftensdag', kind: 'lukkedag', active: 1 },
      { date: new Date('2026-12-30T23:00:00Z'), name: 'Nytårsaftensdag', kind: 'lukkedag', active: true },
      { date: '2026-06-05', name: 'Grundlovsdag', kind: 'lukkedag', active: 0 },
    ]);
    expect(days.map((d) => [d.date, d.active])).toEqual([
      ['2026-12-24', true],
      ['2026-12-31', true],
      ['2026-06-05', false],
    ]);
  });

  test('a sub-day period is a plain offset', () => {
    const deadline = calendar.deadline(new Date('2026-12-25T10:00:00Z'), parseDuration('PT30S'));
    expect(deadline.at.toISOString()).toBe('2026-12-25T10:00:30.000Z');
    expect(deadline.skipped).toEqual([]);
  });
});

describe('notification times: 08:00 on working days', () => {
  test.each`
    case                                                                 | deadline                      | expected
    ${'two days before Monday is Saturday: Friday'}                      | ${'2026-12-14T22:59:59.999Z'} | ${'2026-12-11T07:00:00.000Z'}
    ${'two days before Wednesday is Monday'}                             | ${'2026-12-16T22:59:59.999Z'} | ${'2026-12-14T07:00:00.000Z'}
    ${'before the Wednesday after Easter: back to the Wednesday before'} | ${'2026-04-08T21:59:59.999Z'} | ${'2026-04-01T06:00:00.000Z'}
  `('reminder $case', ({ deadline, expected }) => {
    expect(calendar.reminderBefore(new Date(deadline), parseDuration('P2D')).toISOString()).toBe(expected);
  });

  test.each`
    case                                         | deadline                      | period       | expected
    ${'overdue notice the next working morning'} | ${'2026-12-11T22:59:59.999Z'} | ${undefined} | ${'2026-12-14T07:00:00.000Z'}
    ${'escalation three days after due'}         | ${'2026-12-11T22:59:59.999Z'} | ${'P3D'}     | ${'2026-12-15T07:00:00.000Z'}
    ${'escalation over Christmas'}               | ${'2026-12-22T22:59:59.999Z'} | ${'P3D'}     | ${'2026-12-28T07:00:00.000Z'}
    ${'sub-day escalation is a plain offset'}    | ${'2026-12-25T10:00:00.000Z'} | ${'PT30S'}   | ${'2026-12-25T10:00:30.000Z'}
  `('$case', ({ deadline, period, expected }) => {
    expect(calendar.noticeAfter(new Date(deadline), period ? parseDuration(period) : undefined).toISOString()).toBe(expected);
  });
});

describe('policy from the environment', () => {
  test('defaults follow SPEC §3', () => {
    const policy = loadPolicy({});
    expect([
      policy.complaintTimeLimit.iso,
      policy.statementDeadline.iso,
      policy.statementReminderBefore.iso,
      policy.statementEscalateAfter.iso,
      policy.opinionFeedbackAfter.iso,
    ]).toEqual(['P1Y', 'P14D', 'P2D', 'P3D', 'P2M']);
    expect(policy.statementDeadline.dayBased).toBe(true);
  });
  test('overrides are ISO durations; sub-day values are not day-based', () => {
    const policy = loadPolicy({ STATEMENT_DEADLINE: 'PT30S' });
    expect(policy.statementDeadline.dayBased).toBe(false);
  });
  test.each(['14 days', 'P0D', '-P1D', 'abc'])('rejects %p with the variable named', (value) => {
    expect(() => loadPolicy({ STATEMENT_DEADLINE: value })).toThrow(/STATEMENT_DEADLINE/);
  });
});

describe('periods without working days: the link of an agreed due date', () => {
  test.each`
    case                                                                       | due                           | period    | expected
    ${'19 March 2027 + 30 days is the whole of 18 April (across summer time)'} | ${'2027-03-19T22:59:59.999Z'} | ${'P30D'} | ${'2027-04-18T21:59:59.999Z'}
    ${'10 October 2026 + 30 days across winter time'}                          | ${'2026-10-10T21:59:59.999Z'} | ${'P30D'} | ${'2026-11-09T22:59:59.999Z'}
    ${'a due instant at 00:30 local counts from its local day'}                | ${'2026-06-30T22:30:00.000Z'} | ${'P1D'}  | ${'2026-07-02T21:59:59.999Z'}
    ${'sub-day: a plain offset'}                                               | ${'2027-03-28T00:30:00.000Z'} | ${'PT1H'} | ${'2027-03-28T01:30:00.000Z'}
  `('$case', ({ due, period, expected }) => {
    expect(endOfPeriod(new Date(due), parseDuration(period)).toISOString()).toBe(expected);
  });
});

describe('the escalation counts days from the overdue notice', () => {
  test.each`
    case                                                              | sent                      | expected
    ${'notice Monday 08:00:05, P3D: Thursday 08:00'}                  | ${'2026-12-14T07:00:05Z'} | ${'2026-12-17T07:00:00.000Z'}
    ${'notice Tuesday 22 Dec: over Christmas to Monday 28 Dec'}       | ${'2026-12-22T07:00:00Z'} | ${'2026-12-28T07:00:00.000Z'}
    ${'notice Wednesday before Easter 2026 (1 April): Tuesday after'} | ${'2026-04-01T06:00:00Z'} | ${'2026-04-07T06:00:00.000Z'}
  `('$case', ({ sent, expected }) => {
    expect(calendar.officeMorningAfter(new Date(sent), parseDuration('P3D')).toISOString()).toBe(expected);
  });
});

describe('a day or more written in hours or minutes stops the process', () => {
  test.each(['PT336H', 'PT24H', 'PT1440M', 'P13DT24H', 'P1DT12H'])('%p is refused with the variable named', (value) => {
    expect(() => loadPolicy({ STATEMENT_DEADLINE: value })).toThrow(/^STATEMENT_DEADLINE: .*write .*days/);
  });
  test.each(['PT23H59M', 'PT30S', 'P14D', 'P2W', 'P1M'])('%p is accepted', (value) => {
    expect(loadPolicy({ STATEMENT_LINK_VALID_AFTER_DUE: value }).statementLinkValidAfterDue.iso).toBe(value);
  });
});
