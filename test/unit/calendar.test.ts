import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import {
  addDays,
  appealPeriod,
  assertIsoDate,
  closedDayReason,
  compareIso,
  easterSunday,
  isClosedDay,
  isValidIsoDate,
  justeringDeadline,
  midsummerEve,
  nextOpenDay,
  noticePostByDate,
  periodEnd,
  stockholmYear,
  swedishPublicHolidays,
  weekday,
  weekdayName,
} from '../../core/domain/calendar';

/** Any supported date, leaving room for three weeks and a run of closed days at the end. */
const isoDate = fc.integer({ min: Date.UTC(1583, 0, 1) / 86_400_000, max: Date.UTC(9999, 11, 1) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

function expectValidationError(fn: () => unknown, ...fragments: string[]): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('validation');
    for (const f of fragments) expect((e as AppError).message).toContain(f);
    return;
  }
  expect.fail('expected an AppError');
}

describe('ISO dates', () => {
  it.each(['2020-02-29', '2000-02-29', '2021-02-28', '2020-12-31', '2020-01-01', '1583-01-01', '9999-12-31', '2020-04-30'])('accepts %s', (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });

  it.each([
    '2021-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2020-13-01',
    '2020-00-10',
    '2020-04-31',
    '2020-01-00',
    '2020-01-32',
    '2020-1-01',
    '20-01-01',
    '2020/01/01',
    '2020-01-01T00:00:00Z',
    ' 2020-01-01',
    '',
    'igår',
    '1582-12-31', // before the Gregorian computus
    '+10000-01-01',
  ])('rejects %j', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });

  it('throws a Swedish validation error naming the value, the field and the form', () => {
    expectValidationError(() => assertIsoDate('2021-02-29', '--posted'), '2021-02-29', '--posted', 'ÅÅÅÅ-MM-DD');
    let thrown: unknown;
    try {
      assertIsoDate('x', 'meeting.date');
    } catch (e) {
      thrown = e;
    }
    expect((thrown as AppError).details?.issues?.[0]?.path).toBe('meeting.date');
  });

  it.each([
    ['addDays', () => addDays('2020-02-30', 1)],
    ['weekday', () => weekday('2020-13-01')],
    ['compareIso', () => compareIso('2020-01-01', 'nästa år')],
    ['closedDayReason', () => closedDayReason('2021-02-29')],
    ['justeringDeadline', () => justeringDeadline('05-11-2020')],
    ['noticePostByDate', () => noticePostByDate('2020-11-6')],
    ['appealPeriod', () => appealPeriod('2020-11-31')],
  ])('%s rejects an invalid date', (_name, fn) => {
    expectValidationError(fn, 'ÅÅÅÅ-MM-DD');
  });

  it('rejects non-integer day counts and results outside the supported range', () => {
    expectValidationError(() => addDays('2020-01-01', 1.5), 'heltal');
    expectValidationError(() => addDays('9999-12-31', 1), '9999-12-31');
    expectValidationError(() => addDays('1583-01-01', -1), '1583-01-01');
    expectValidationError(() => easterSunday(1582), '1582');
    expectValidationError(() => swedishPublicHolidays(2020.5), '2020.5');
  });

  it.each([
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2021-01-01', -1, '2020-12-31'],
    ['2020-11-06', 21, '2020-11-27'],
    ['2020-03-28', 2, '2020-03-30'], // across the start of Swedish summer time: still two days
    ['2020-10-24', 2, '2020-10-26'], // across the end of summer time
    ['2020-01-01', 366, '2021-01-01'],
    ['2020-05-05', 0, '2020-05-05'],
  ])('addDays(%s, %i) = %s', (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it.each([
    ['2020-11-02', 0, 'måndag'],
    ['2020-11-05', 3, 'torsdag'],
    ['2020-11-06', 4, 'fredag'],
    ['2020-11-28', 5, 'lördag'],
    ['2020-11-29', 6, 'söndag'],
    ['1970-01-01', 3, 'torsdag'],
    ['1583-01-01', 5, 'lördag'],
    ['9999-12-31', 4, 'fredag'],
  ])('weekday(%s) = %i (%s)', (iso, wd, name) => {
    expect(weekday(iso)).toBe(wd);
    expect(weekdayName(iso)).toBe(name);
  });

  it('compareIso orders dates', () => {
    expect(compareIso('2020-11-06', '2020-11-12')).toBe(-1);
    expect(compareIso('2020-11-12', '2020-11-06')).toBe(1);
    expect(compareIso('2020-11-06', '2020-11-06')).toBe(0);
  });

  it('addDays round-trips, keeps weekdays over whole weeks and agrees with compareIso', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -3000, max: 3000 }), (d, n) => {
        let moved: string;
        try {
          moved = addDays(d, n);
        } catch {
          return; // left the supported range
        }
        expect(addDays(moved, -n)).toBe(d);
        expect(compareIso(moved, d)).toBe(Math.sign(n));
        expect(weekday(addDays(d, 7 * Math.trunc(n / 7)))).toBe(weekday(d));
      }),
    );
  });
});

describe('easterSunday', () => {
  it.each([
    [1583, '1583-04-10'],
    [1700, '1700-04-11'],
    [1800, '1800-04-13'],
    [1818, '1818-03-22'], // earliest possible date
    [1900, '1900-04-15'],
    [1943, '1943-04-25'], // latest possible date
    [1954, '1954-04-18'], // a year where the computus needs its 451 correction
    [1961, '1961-04-02'],
    [1981, '1981-04-19'], // the other 451 correction
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2049, '2049-04-18'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
    [9999, '9999-03-28'],
  ])('%i: %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April of its year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(6);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});

describe('swedishPublicHolidays', () => {
  const names = [
    'Nyårsdagen',
    'Trettondedag jul',
    'Långfredagen',
    'Påskdagen',
    'Annandag påsk',
    'Första maj',
    'Kristi himmelsfärdsdag',
    'Pingstdagen',
    'Sveriges nationaldag',
    'Midsommardagen',
    'Alla helgons dag',
    'Juldagen',
    'Annandag jul',
  ];
  const expected: Record<number, string[]> = {
    // Same order as `names`.
    2020: ['01-01', '01-06', '04-10', '04-12', '04-13', '05-01', '05-21', '05-31', '06-06', '06-20', '10-31', '12-25', '12-26'],
    2021: ['01-01', '01-06', '04-02', '04-04', '04-05', '05-01', '05-13', '05-23', '06-06', '06-26', '11-06', '12-25', '12-26'],
    2024: ['01-01', '01-06', '03-29', '03-31', '04-01', '05-01', '05-09', '05-19', '06-06', '06-22', '11-02', '12-25', '12-26'],
    2025: ['01-01', '01-06', '04-18', '04-20', '04-21', '05-01', '05-29', '06-08', '06-06', '06-21', '11-01', '12-25', '12-26'],
    2026: ['01-01', '01-06', '04-03', '04-05', '04-06', '05-01', '05-14', '05-24', '06-06', '06-20', '10-31', '12-25', '12-26'],
    2038: ['01-01', '01-06', '04-23', '04-25', '04-26', '05-01', '06-03', '06-13', '06-06', '06-26', '11-06', '12-25', '12-26'],
  };

  it.each(Object.entries(expected))('%s', (year, days) => {
    const byName = new Map(swedishPublicHolidays(Number(year)).map((h) => [h.name, h.date]));
    expect([...byName.keys()].sort()).toEqual([...names].sort());
    names.forEach((name, i) => expect(byName.get(name), name).toBe(`${year}-${days[i]}`));
  });

  it('lists both holidays when two fall on one day', () => {
    expect(
      swedishPublicHolidays(2008)
        .filter((h) => h.date === '2008-05-01')
        .map((h) => h.name),
    ).toEqual(['Första maj', 'Kristi himmelsfärdsdag']);
    expect(closedDayReason('2008-05-01')).toBe('Första maj och Kristi himmelsfärdsdag');
    expect(closedDayReason('2049-06-06')).toBe('Pingstdagen och Sveriges nationaldag');
  });

  it('are thirteen, all in their year, sorted, and at their fixed weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const list = swedishPublicHolidays(year);
        expect(list).toHaveLength(13);
        for (const h of list) {
          expect(isValidIsoDate(h.date)).toBe(true);
          expect(h.date.slice(0, 4)).toBe(String(year));
          expect(closedDayReason(h.date)).toContain(h.name);
        }
        for (let i = 1; i < list.length; i++) expect(compareIso(list[i - 1]!.date, list[i]!.date)).toBeLessThanOrEqual(0);
        const at = (name: string) => list.find((h) => h.name === name)!.date;
        expect(weekday(at('Långfredagen'))).toBe(4);
        expect(weekday(at('Annandag påsk'))).toBe(0);
        expect(weekday(at('Kristi himmelsfärdsdag'))).toBe(3);
        expect(weekday(at('Pingstdagen'))).toBe(6);
        expect(weekday(at('Midsommardagen'))).toBe(5);
        expect(weekday(at('Alla helgons dag'))).toBe(5);
        expect(at('Midsommardagen') >= `${year}-06-20` && at('Midsommardagen') <= `${year}-06-26`).toBe(true);
        expect(addDays(at('Midsommardagen'), -1)).toBe(midsummerEve(year));
        const allSaints = at('Alla helgons dag');
        expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);
      }),
    );
  });
});

describe('closed days (Lag (1930:173))', () => {
  it.each([
    ['2025-12-24', 'julafton'], // a Wednesday
    ['2022-12-24', 'julafton'], // a Saturday: the eve is the more specific reason
    ['2025-12-31', 'nyårsafton'],
    ['2025-06-20', 'midsommarafton'],
    ['2024-06-21', 'midsommarafton'],
    ['2020-06-19', 'midsommarafton'],
    ['2025-06-21', 'Midsommardagen'],
    ['2025-01-01', 'Nyårsdagen'],
    ['2025-01-06', 'Trettondedag jul'],
    ['2025-04-18', 'Långfredagen'],
    ['2025-04-20', 'Påskdagen'], // a Sunday, named as the holiday
    ['2025-04-21', 'Annandag påsk'],
    ['2025-05-01', 'Första maj'],
    ['2025-05-29', 'Kristi himmelsfärdsdag'],
    ['2025-06-08', 'Pingstdagen'],
    ['2025-06-06', 'Sveriges nationaldag'],
    ['2025-11-01', 'Alla helgons dag'],
    ['2025-12-25', 'Juldagen'],
    ['2025-12-26', 'Annandag jul'],
    ['2020-11-28', 'lördag'],
    ['2020-11-29', 'söndag'],
  ])('%s is closed: %s', (iso, reason) => {
    expect(closedDayReason(iso)).toBe(reason);
    expect(isClosedDay(iso)).toBe(true);
  });

  it.each([
    '2026-01-05', // trettondagsafton (a Monday in 2026) is an ordinary day
    '2025-04-17', // skärtorsdagen
    '2025-06-09', // annandag pingst has not been a holiday since 2005
    '2025-04-30', // valborgsmässoafton
    '2025-10-31', // allhelgonaafton 2025 is a Friday and an ordinary day
    '2025-12-23',
    '2025-12-29',
    '2020-11-06',
  ])('%s is an ordinary working day', (iso) => {
    expect(closedDayReason(iso)).toBeNull();
    expect(isClosedDay(iso)).toBe(false);
  });

  it('nextOpenDay stays on a working day and skips closed runs', () => {
    expect(nextOpenDay('2020-11-06')).toBe('2020-11-06');
    expect(nextOpenDay('2025-12-24')).toBe('2025-12-29');
    expect(nextOpenDay('2025-12-31')).toBe('2026-01-02');
    expect(nextOpenDay('2025-04-18')).toBe('2025-04-22');
  });

  it('a closed day is exactly a weekend, a holiday or one of the three eves', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const year = Number(d.slice(0, 4));
        const holiday = swedishPublicHolidays(year).some((h) => h.date === d);
        const eve = d.endsWith('-12-24') || d.endsWith('-12-31') || d === midsummerEve(year);
        expect(isClosedDay(d)).toBe(weekday(d) >= 5 || holiday || eve);
      }),
    );
  });
});

describe('appealPeriod (KL 13 kap. 5 §)', () => {
  it.each([
    // Seed checks from the protocol of Norrbottens e-nämnd, 2020-11-05.
    ['2020-11-06', '2020-11-27', '2020-11-28'],
    ['2020-11-12', '2020-12-03', '2020-12-04'],
    // Christmas: raw end julafton, then two holidays and a weekend.
    ['2025-12-03', '2025-12-29', '2025-12-30'],
    // Easter 2025: raw end Långfredagen → past påskafton, Påskdagen and Annandag påsk.
    ['2025-03-28', '2025-04-22', '2025-04-23'],
    // Raw end Annandag påsk 2024.
    ['2024-03-11', '2024-04-02', '2024-04-03'],
    // Ascension 2025 (Thursday) → Friday.
    ['2025-05-08', '2025-05-30', '2025-05-31'],
    // Midsummer 2025: raw end midsommarafton → past the weekend to Monday.
    ['2025-05-30', '2025-06-23', '2025-06-24'],
    // National day 2025 (a Friday) → Monday.
    ['2025-05-16', '2025-06-09', '2025-06-10'],
    // All Saints' Day 2025 is a Saturday: a raw Friday end before it is an ordinary day.
    ['2025-10-10', '2025-10-31', '2025-11-01'],
    // Raw end on All Saints' Day 2025 → Monday.
    ['2025-10-11', '2025-11-03', '2025-11-04'],
    // New Year: raw end nyårsafton → past Nyårsdagen to Friday 2 January.
    ['2025-12-10', '2026-01-02', '2026-01-03'],
    // Trettondedag jul 2026 (Tuesday).
    ['2025-12-16', '2026-01-07', '2026-01-08'],
    // Första maj 2026 (Friday) → Monday.
    ['2026-04-10', '2026-05-04', '2026-05-05'],
    // Posted on a Saturday: the raw end is a Saturday too.
    ['2020-11-07', '2020-11-30', '2020-12-01'],
  ])('posted %s → last day %s, take down %s', (posted, lastAppealDay, takeDown) => {
    expect(appealPeriod(posted)).toEqual({ posted, nominalLastDay: addDays(posted, 21), lastAppealDay, takeDown });
  });

  it('the last day is the first working day on or after posted + 21 days; take-down the day after', () => {
    fc.assert(
      fc.property(isoDate, (posted) => {
        const { lastAppealDay, takeDown, nominalLastDay } = appealPeriod(posted);
        const raw = addDays(posted, 21);
        expect(nominalLastDay).toBe(raw);
        expect(weekday(raw)).toBe(weekday(posted));
        expect(isClosedDay(lastAppealDay)).toBe(false);
        expect(compareIso(lastAppealDay, raw)).toBeGreaterThanOrEqual(0);
        for (let d = raw; compareIso(d, lastAppealDay) < 0; d = addDays(d, 1)) expect(isClosedDay(d)).toBe(true);
        expect(takeDown).toBe(addDays(lastAppealDay, 1));
      }),
    );
  });
});

describe('justeringDeadline (KL 5 kap. 69 §) and noticePostByDate (KL 8 kap. 12 §)', () => {
  it.each([
    ['2020-11-05', '2020-11-19'], // seed meeting, Thursday → Thursday
    ['2025-12-10', '2025-12-29'], // raw end julafton → past Christmas and the weekend
    ['2025-04-04', '2025-04-22'], // raw end Långfredagen → Tuesday after Easter
    ['2020-11-07', '2020-11-23'], // raw end Saturday → Monday
    ['2025-06-06', '2025-06-23'], // raw end midsommarafton → Monday
  ])('meeting %s → justering at the latest %s', (meeting, deadline) => {
    expect(justeringDeadline(meeting)).toBe(deadline);
  });

  it.each([
    ['2020-11-06', '2020-11-09'], // seed: adjusted Friday → raw Sunday → Monday
    ['2020-11-12', '2020-11-16'], // seed: adjusted Thursday → raw Saturday → Monday
    ['2020-11-10', '2020-11-12'], // no move
    ['2025-12-22', '2025-12-29'], // raw end julafton
    ['2025-12-29', '2026-01-02'], // raw end nyårsafton → past Nyårsdagen
    ['2025-04-16', '2025-04-22'], // raw end Långfredagen
  ])('adjusted %s → post the notice at the latest %s', (adjusted, postBy) => {
    expect(noticePostByDate(adjusted)).toBe(postBy);
  });

  it('both are the first working day on or after the raw period end', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        for (const [fn, days] of [
          [justeringDeadline, 14],
          [noticePostByDate, 2],
        ] as const) {
          const end = fn(d);
          expect(end).toBe(periodEnd(d, days).date);
          expect(isClosedDay(end)).toBe(false);
          for (let x = addDays(d, days); compareIso(x, end) < 0; x = addDays(x, 1)) expect(isClosedDay(x)).toBe(true);
        }
      }),
    );
  });
});

describe('stockholmYear', () => {
  it('is the year in Sweden, not the machine’s or UTC’s, at the turn of the year', () => {
    expect(stockholmYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
    expect(stockholmYear(new Date('2025-12-31T23:00:00Z'))).toBe(2026);
    expect(stockholmYear(new Date('2026-06-30T22:30:00Z'))).toBe(2026);
    expect(stockholmYear(new Date('invalid'))).toBeNaN();
  });
});
