import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BANK_HOLIDAYS, BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR } from './bank-holidays.ts';
import {
  AGE_BANDS,
  BankHolidayRangeError,
  WORKING_DAY_RANGE,
  addCalendarMonths,
  addCalendarYears,
  addDays,
  addWorkingDays,
  ageBand,
  ageInYears,
  bankHolidayName,
  bankHolidaysInYear,
  compareIsoDates,
  dayNumberOrUndefined,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  defaultPeriod,
  easterMonday,
  easterSunday,
  financialYearBounds,
  financialYearEnd,
  financialYearOf,
  financialYearStart,
  formatIsoDate,
  fromDayNumber,
  goodFriday,
  isBankHoliday,
  isIsoDate,
  isLeapYear,
  isUnborn,
  isWeekend,
  isWithin,
  isWithinMonthsOf,
  isWithinWorkingDays,
  isWorkingDay,
  isoDateFromUtc,
  maxDate,
  minDate,
  parseIsoDate,
  periodEnding,
  standingRuleBankHolidays,
  toDayNumber,
  todayInEngland,
  workingDaysElapsed,
} from './dates.ts';

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ISO date parsing', () => {
  it('accepts real calendar dates', () => {
    for (const d of [
      '2024-01-05',
      '2024-02-29',
      '2000-02-29',
      '1999-12-31',
      '2030-12-31',
      '0001-01-01',
      '9999-12-31',
    ]) {
      assert.equal(isIsoDate(d), true, d);
    }
  });

  it('refuses impossible dates and other shapes', () => {
    const bad: unknown[] = [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-05',
      '24-01-05',
      '2024-01-05T00:00:00Z',
      ' 2024-01-05',
      '2024-01-05 ',
      '05/01/2024',
      '2024/01/05',
      '',
      20240105,
      null,
      undefined,
      new Date(0),
    ];
    for (const d of bad) assert.equal(isIsoDate(d), false, String(d));
  });

  it('parses into parts and throws a RangeError naming the value', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.throws(() => parseIsoDate('2023-02-29'), { name: 'RangeError', message: /"2023-02-29"/ });
    assert.throws(() => addDays('31/01/2025', 1), RangeError);
  });

  it('formats parts, padding years and refusing impossible parts', () => {
    assert.equal(formatIsoDate({ year: 2025, month: 3, day: 7 }), '2025-03-07');
    assert.equal(formatIsoDate({ year: 33, month: 1, day: 1 }), '0033-01-01');
    assert.throws(() => formatIsoDate({ year: 2025, month: 2, day: 29 }), RangeError);
    assert.throws(() => formatIsoDate({ year: 2025, month: 0, day: 1 }), RangeError);
    assert.throws(() => formatIsoDate({ year: 10000, month: 1, day: 1 }), RangeError);
  });

  it('knows leap years and month lengths', () => {
    assert.equal(isLeapYear(2024), true);
    assert.equal(isLeapYear(2023), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(isLeapYear(1900), false);
    assert.equal(isLeapYear(2100), false);
    assert.deepEqual(
      Array.from({ length: 12 }, (_, i) => daysInMonth(2023, i + 1)),
      [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
    );
    assert.equal(daysInMonth(2024, 2), 29);
  });

  it('reads a UTC Date as a calendar date, and today in England', () => {
    assert.equal(isoDateFromUtc(new Date(Date.UTC(2025, 2, 30, 23, 59))), '2025-03-30');
    assert.equal(isoDateFromUtc(new Date(Date.UTC(1969, 11, 31, 12))), '1969-12-31');
    assert.throws(() => isoDateFromUtc(new Date(NaN)), RangeError);
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time; in winter London is on UTC.
    assert.equal(todayInEngland(new Date('2025-06-30T23:30:00Z')), '2025-07-01');
    assert.equal(todayInEngland(new Date('2025-12-31T23:30:00Z')), '2025-12-31');
  });
});

describe('day numbers', () => {
  it('reads day numbers without throwing, agreeing with isIsoDate', () => {
    for (const v of [
      '2024-02-29',
      '2023-02-29',
      '2024-13-01',
      '2024-1-05',
      '2024-01-5x',
      'abcd-01-01',
      '',
      null,
      5,
    ]) {
      const n = dayNumberOrUndefined(v);
      assert.equal(n === undefined, !isIsoDate(v), String(v));
      if (n !== undefined) assert.equal(n, toDayNumber(v as string));
    }
  });

  it('counts days from 1970-01-01', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('1969-12-31'), -1);
    assert.equal(toDayNumber('2000-03-01'), 11017);
    assert.equal(fromDayNumber(11017), '2000-03-01');
    assert.throws(() => fromDayNumber(1.5), RangeError);
  });

  it('agrees with Date.UTC for every day from 1900 to 2100', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2100, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) assert.fail(`day ${n}: ${iso}`);
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2025-03-30', 0), '2025-03-30');
    assert.equal(addDays('2024-01-01', 366), '2025-01-01');
    assert.throws(() => addDays('2024-01-01', 0.5), RangeError);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    assert.equal(addCalendarMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addCalendarMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addCalendarMonths('2025-01-30', 1), '2025-02-28');
    assert.equal(addCalendarMonths('2025-01-28', 1), '2025-02-28');
    assert.equal(addCalendarMonths('2025-08-31', 1), '2025-09-30');
    assert.equal(addCalendarMonths('2025-03-31', -1), '2025-02-28');
    assert.equal(addCalendarMonths('2024-03-31', -1), '2024-02-29');
    assert.equal(addCalendarMonths('2025-05-31', -6), '2024-11-30');
    assert.equal(addCalendarMonths('2025-01-31', 2), '2025-03-31');
    assert.equal(addCalendarMonths(addCalendarMonths('2025-01-31', 1), 1), '2025-03-28');
    assert.equal(addCalendarMonths('2025-11-15', 2), '2026-01-15');
    assert.equal(addCalendarMonths('2025-01-15', -1), '2024-12-15');
    assert.equal(addCalendarMonths('2025-01-15', -13), '2023-12-15');
    assert.equal(addCalendarMonths('2025-06-15', 0), '2025-06-15');
    assert.equal(addCalendarMonths('2022-08-31', 18), '2024-02-29');
    assert.equal(addCalendarMonths('2023-08-31', 18), '2025-02-28');
    assert.throws(() => addCalendarMonths('2025-01-31', 1.5), RangeError);
  });

  it('adds calendar years, clamping 29 February', () => {
    assert.equal(addCalendarYears('2024-02-29', 1), '2025-02-28');
    assert.equal(addCalendarYears('2024-02-29', 4), '2028-02-29');
    assert.equal(addCalendarYears('2024-02-29', -1), '2023-02-28');
    assert.equal(addCalendarYears('2096-02-29', 4), '2100-02-28');
    assert.equal(addCalendarYears('2025-03-31', -2), '2023-03-31');
  });

  it('counts days between dates as b − a', () => {
    assert.equal(daysBetween('2025-01-01', '2025-01-01'), 0);
    assert.equal(daysBetween('2025-01-01', '2025-01-02'), 1);
    assert.equal(daysBetween('2025-01-02', '2025-01-01'), -1);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
    assert.equal(daysBetween('2023-01-01', '2024-01-01'), 365);
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    // Clock changes are irrelevant to calendar dates.
    assert.equal(daysBetween('2025-03-29', '2025-03-31'), 2);
    assert.equal(daysBetween('2025-10-25', '2025-10-27'), 2);
  });

  it('compares, orders and picks dates', () => {
    assert.ok(compareIsoDates('2025-01-01', '2025-01-02') < 0);
    assert.equal(compareIsoDates('2025-01-01', '2025-01-01'), 0);
    assert.deepEqual(['2025-03-01', '2024-12-31', '2025-01-15'].sort(compareIsoDates), [
      '2024-12-31',
      '2025-01-15',
      '2025-03-01',
    ]);
    assert.equal(minDate('2025-03-01', '2024-12-31', '2025-01-15'), '2024-12-31');
    assert.equal(maxDate('2025-03-01', '2024-12-31', '2025-01-15'), '2025-03-01');
    assert.equal(minDate('2025-03-01'), '2025-03-01');
    assert.throws(() => maxDate('2025-02-30'), RangeError);
  });

  it('knows the day of the week', () => {
    assert.equal(dayOfWeek('1970-01-01'), 4);
    assert.equal(dayOfWeek('2025-01-06'), 1);
    assert.equal(dayOfWeek('2025-01-05'), 0);
    assert.equal(dayOfWeek('2025-01-04'), 6);
    assert.equal(dayOfWeek('1969-12-28'), 0);
    assert.equal(isWeekend('2025-01-04'), true);
    assert.equal(isWeekend('2025-01-05'), true);
    assert.equal(isWeekend('2025-01-06'), false);
  });

  it('tests membership of an inclusive range', () => {
    assert.equal(isWithin('2025-01-01', '2025-01-01', '2025-03-31'), true);
    assert.equal(isWithin('2025-03-31', '2025-01-01', '2025-03-31'), true);
    assert.equal(isWithin('2024-12-31', '2025-01-01', '2025-03-31'), false);
    assert.equal(isWithin('2025-04-01', '2025-01-01', '2025-03-31'), false);
    assert.equal(isWithin('2025-02-01', '2025-03-31', '2025-01-01'), false);
    assert.throws(() => isWithin('2025-02-30', '2025-01-01', '2025-03-31'), RangeError);
  });

  it('decides "within N months", anniversary included', () => {
    assert.equal(isWithinMonthsOf('2024-03-31', '2025-03-31', 12), true);
    assert.equal(isWithinMonthsOf('2024-03-31', '2025-04-01', 12), false);
    assert.equal(isWithinMonthsOf('2024-02-29', '2025-02-28', 12), true);
    assert.equal(isWithinMonthsOf('2024-02-29', '2025-03-01', 12), false);
    assert.equal(isWithinMonthsOf('2024-08-31', '2025-02-28', 6), true);
    assert.equal(isWithinMonthsOf('2024-08-31', '2025-03-01', 6), false);
    assert.equal(isWithinMonthsOf('2025-01-10', '2025-01-10', 12), true);
    assert.equal(isWithinMonthsOf('2025-01-10', '2025-01-09', 12), false);
    assert.throws(() => isWithinMonthsOf('2025-01-10', '2025-01-09', -1), RangeError);
  });
});

describe('periods', () => {
  it('defaults to the six months ending on the as-at date', () => {
    assert.deepEqual(defaultPeriod('2025-03-31'), { start: '2024-10-01', end: '2025-03-31' });
    assert.deepEqual(defaultPeriod('2025-09-30'), { start: '2025-04-01', end: '2025-09-30' });
    assert.deepEqual(defaultPeriod('2025-06-15'), { start: '2024-12-16', end: '2025-06-15' });
    assert.deepEqual(defaultPeriod('2025-08-31'), { start: '2025-03-01', end: '2025-08-31' });
    assert.deepEqual(defaultPeriod('2024-08-31'), { start: '2024-03-01', end: '2024-08-31' });
    assert.deepEqual(defaultPeriod('2025-08-30'), { start: '2025-03-01', end: '2025-08-30' });
    assert.deepEqual(defaultPeriod('2025-08-29'), { start: '2025-03-01', end: '2025-08-29' });
    assert.deepEqual(defaultPeriod('2025-08-28'), { start: '2025-03-01', end: '2025-08-28' });
    assert.deepEqual(defaultPeriod('2025-08-27'), { start: '2025-02-28', end: '2025-08-27' });
    assert.deepEqual(defaultPeriod('2025-04-30'), { start: '2024-11-01', end: '2025-04-30' });
    assert.deepEqual(defaultPeriod('2024-02-29'), { start: '2023-09-01', end: '2024-02-29' });
    assert.deepEqual(defaultPeriod('2025-12-31'), { start: '2025-07-01', end: '2025-12-31' });
    assert.deepEqual(defaultPeriod('2025-01-01'), { start: '2024-07-02', end: '2025-01-01' });
    assert.throws(() => defaultPeriod('2025-02-29'), RangeError);
  });

  it('builds periods of any length', () => {
    assert.deepEqual(periodEnding('2025-03-31', 12), { start: '2024-04-01', end: '2025-03-31' });
    assert.deepEqual(periodEnding('2024-02-29', 12), { start: '2023-03-01', end: '2024-02-29' });
    assert.deepEqual(periodEnding('2025-02-28', 12), { start: '2024-03-01', end: '2025-02-28' });
    assert.deepEqual(periodEnding('2024-02-28', 12), { start: '2023-03-01', end: '2024-02-28' });
    assert.deepEqual(periodEnding('2025-05-20', 1), { start: '2025-04-21', end: '2025-05-20' });
    assert.throws(() => periodEnding('2025-05-20', 0), RangeError);
  });
});

describe('financial years', () => {
  it('runs from 1 April to 31 March', () => {
    assert.equal(financialYearOf('2025-04-01'), '2025-26');
    assert.equal(financialYearOf('2026-03-31'), '2025-26');
    assert.equal(financialYearOf('2025-03-31'), '2024-25');
    assert.equal(financialYearOf('2025-12-25'), '2025-26');
    assert.equal(financialYearOf('2099-06-01'), '2099-00');
    assert.equal(financialYearOf('2009-05-01'), '2009-10');
    assert.equal(financialYearStart('2026-02-01'), '2025-04-01');
    assert.equal(financialYearEnd('2026-02-01'), '2026-03-31');
    assert.deepEqual(financialYearBounds('2023-24'), { start: '2023-04-01', end: '2024-03-31' });
    assert.deepEqual(financialYearBounds('2023/24'), { start: '2023-04-01', end: '2024-03-31' });
    assert.deepEqual(financialYearBounds('1999-00'), { start: '1999-04-01', end: '2000-03-31' });
  });

  it('refuses malformed labels', () => {
    for (const bad of ['2023-25', '2023', '2023-2024', '23-24', '']) {
      assert.throws(() => financialYearBounds(bad), RangeError, bad);
    }
  });
});

describe('ages', () => {
  it('counts whole years, the birthday itself included', () => {
    assert.equal(ageInYears('2010-06-15', '2025-06-14'), 14);
    assert.equal(ageInYears('2010-06-15', '2025-06-15'), 15);
    assert.equal(ageInYears('2010-06-15', '2025-06-16'), 15);
    assert.equal(ageInYears('2025-01-01', '2025-01-01'), 0);
    assert.equal(ageInYears('2024-12-31', '2025-12-30'), 0);
    assert.equal(ageInYears('2024-12-31', '2025-12-31'), 1);
    assert.equal(ageInYears('2007-03-31', '2025-03-31'), 18);
    assert.equal(ageInYears('2007-04-01', '2025-03-31'), 17);
  });

  it('treats a 29 February birthday as 1 March in non-leap years', () => {
    assert.equal(ageInYears('2008-02-29', '2025-02-28'), 16);
    assert.equal(ageInYears('2008-02-29', '2025-03-01'), 17);
    assert.equal(ageInYears('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageInYears('2008-02-29', '2026-03-01'), 18);
    assert.equal(ageInYears('2008-02-29', '2024-02-28'), 15);
    assert.equal(ageInYears('2008-02-29', '2024-02-29'), 16);
  });

  it('refuses an as-at date before birth, which isUnborn recognises', () => {
    assert.throws(() => ageInYears('2025-06-01', '2025-05-31'), RangeError);
    assert.equal(isUnborn('2025-06-01', '2025-05-31'), true);
    assert.equal(isUnborn('2025-05-31', '2025-05-31'), false);
  });

  it('bands ages as the DfE does', () => {
    const expected: [number, string][] = [
      [0, 'Under 1'],
      [1, '1-4'],
      [4, '1-4'],
      [5, '5-9'],
      [9, '5-9'],
      [10, '10-15'],
      [15, '10-15'],
      [16, '16-17'],
      [17, '16-17'],
      [18, '18+'],
      [25, '18+'],
    ];
    for (const [age, band] of expected) assert.equal(ageBand(age), band, String(age));
    assert.deepEqual([...AGE_BANDS], ['Under 1', '1-4', '5-9', '10-15', '16-17', '18+']);
    assert.throws(() => ageBand(-1), RangeError);
    assert.throws(() => ageBand(4.5), RangeError);
    assert.equal(ageBand(ageInYears('2008-02-29', '2026-02-28')), '16-17');
    assert.equal(ageBand(ageInYears('2008-02-29', '2026-03-01')), '18+');
  });
});

describe('Easter', () => {
  // Published dates of Easter Sunday, typed in independently of the algorithm.
  const KNOWN_EASTER_SUNDAYS = [
    '1818-03-22',
    '1943-04-25',
    '1961-04-02',
    '2000-04-23',
    '2008-03-23',
    '2009-04-12',
    '2010-04-04',
    '2011-04-24',
    '2012-04-08',
    '2013-03-31',
    '2014-04-20',
    '2015-04-05',
    '2016-03-27',
    '2017-04-16',
    '2018-04-01',
    '2019-04-21',
    '2020-04-12',
    '2021-04-04',
    '2022-04-17',
    '2023-04-09',
    '2024-03-31',
    '2025-04-20',
    '2026-04-05',
    '2027-03-28',
    '2028-04-16',
    '2029-04-01',
    '2030-04-21',
    '2031-04-13',
    '2038-04-25',
    '2285-03-22',
  ];

  it('computes Easter Sunday for known years', () => {
    for (const known of KNOWN_EASTER_SUNDAYS) {
      assert.equal(easterSunday(Number(known.slice(0, 4))), known);
    }
  });

  it('always lands on a Sunday between 22 March and 25 April', () => {
    for (let year = 1600; year <= 2400; year++) {
      const easter = easterSunday(year);
      assert.equal(dayOfWeek(easter), 0, easter);
      assert.ok(isWithin(easter, `${year}-03-22`, `${year}-04-25`), easter);
    }
  });

  it('puts Good Friday and Easter Monday either side', () => {
    assert.equal(goodFriday(2025), '2025-04-18');
    assert.equal(easterMonday(2025), '2025-04-21');
    assert.equal(goodFriday(2024), '2024-03-29');
    assert.equal(easterMonday(2024), '2024-04-01');
    assert.throws(() => easterSunday(1500), RangeError);
  });
});

describe('bank holiday table', () => {
  it('covers 2010 to 2030 in order, once each, never on a weekend', () => {
    assert.equal(BANK_HOLIDAYS_FIRST_YEAR, 2010);
    assert.equal(BANK_HOLIDAYS_LAST_YEAR, 2030);
    assert.equal(BANK_HOLIDAYS[0]?.date, '2010-01-01');
    assert.equal(BANK_HOLIDAYS.at(-1)?.date, '2030-12-26');
    for (let i = 0; i < BANK_HOLIDAYS.length; i++) {
      const h = BANK_HOLIDAYS[i]!;
      assert.ok(isIsoDate(h.date), h.date);
      assert.ok(h.name.length > 0);
      assert.equal(isWeekend(h.date), false, `${h.date} ${h.name} is a weekend`);
      if (i > 0) assert.ok(compareIsoDates(BANK_HOLIDAYS[i - 1]!.date, h.date) < 0, h.date);
    }
    assert.ok(Object.isFrozen(BANK_HOLIDAYS) && Object.isFrozen(BANK_HOLIDAYS[0]));
  });

  it('matches the standing rules, the Easter algorithm included, apart from the documented changes', () => {
    const moved: Record<string, string> = {
      '2012-05-28': '2012-06-04', // spring bank holiday → Diamond Jubilee weekend
      '2020-05-04': '2020-05-08', // early May → VE day
      '2022-05-30': '2022-06-02', // spring bank holiday → Platinum Jubilee weekend
    };
    const added = ['2011-04-29', '2012-06-05', '2022-06-03', '2022-09-19', '2023-05-08'];
    for (let year = BANK_HOLIDAYS_FIRST_YEAR; year <= BANK_HOLIDAYS_LAST_YEAR; year++) {
      const expected = standingRuleBankHolidays(year)
        .map((h) => moved[h.date] ?? h.date)
        .concat(added.filter((d) => d.startsWith(`${year}-`)))
        .sort();
      assert.deepEqual(
        bankHolidaysInYear(year).map((h) => h.date),
        expected,
        String(year),
      );
    }
  });

  it('agrees with the published lists for sample years', () => {
    const published: Record<number, string[]> = {
      2010: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
      2011: ['01-03', '04-22', '04-25', '04-29', '05-02', '05-30', '08-29', '12-26', '12-27'],
      2012: ['01-02', '04-06', '04-09', '05-07', '06-04', '06-05', '08-27', '12-25', '12-26'],
      2015: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
      2016: ['01-01', '03-25', '03-28', '05-02', '05-30', '08-29', '12-26', '12-27'],
      2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
      2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
      2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
      2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
      2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
      2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
      2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
      2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
      2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
    };
    for (const [year, days] of Object.entries(published)) {
      assert.deepEqual(
        bankHolidaysInYear(Number(year)).map((h) => h.date),
        days.map((d) => `${year}-${d}`),
        year,
      );
    }
  });

  it('includes the one-off holidays by name', () => {
    assert.match(bankHolidayName('2011-04-29') ?? '', /wedding/i);
    assert.match(bankHolidayName('2012-06-05') ?? '', /Jubilee/);
    assert.match(bankHolidayName('2020-05-08') ?? '', /VE/);
    assert.match(bankHolidayName('2022-06-03') ?? '', /Jubilee/);
    assert.match(bankHolidayName('2022-09-19') ?? '', /Funeral/i);
    assert.match(bankHolidayName('2023-05-08') ?? '', /coronation/i);
    assert.equal(isBankHoliday('2020-05-04'), false, 'early May 2020 moved to VE day');
    assert.equal(isBankHoliday('2012-05-28'), false);
    assert.equal(isBankHoliday('2022-05-30'), false);
    assert.equal(bankHolidayName('2025-06-02'), undefined);
  });

  it('gives substitute days for Christmas and New Year at weekends', () => {
    // Christmas on Saturday 2021: Monday 27 and Tuesday 28 December.
    assert.deepEqual(
      ['2021-12-25', '2021-12-26', '2021-12-27', '2021-12-28'].map(isBankHoliday),
      [false, false, true, true], // the weekend days themselves are not in the table
    );
    // Christmas on Sunday 2022: Monday 26 (Boxing Day) and Tuesday 27 (Christmas substitute).
    assert.match(bankHolidayName('2022-12-27') ?? '', /Christmas Day \(substitute/);
    // Boxing Day on Saturday 2020: Monday 28 December.
    assert.match(bankHolidayName('2020-12-28') ?? '', /Boxing Day \(substitute/);
    // New Year's Day on Saturday 2022 and Sunday 2023.
    assert.equal(isBankHoliday('2022-01-03'), true);
    assert.equal(isBankHoliday('2023-01-02'), true);
  });

  it('refuses years outside the table', () => {
    assert.throws(() => bankHolidaysInYear(2009), BankHolidayRangeError);
    assert.throws(() => bankHolidaysInYear(2031), BankHolidayRangeError);
    assert.throws(() => isBankHoliday('2009-12-25'), BankHolidayRangeError);
    assert.throws(() => isBankHoliday('2031-01-01'), /bank holiday table.*2010-01-01.*2030-12-31/);
  });
});

describe('working days', () => {
  it('excludes weekends and bank holidays', () => {
    assert.equal(isWorkingDay('2025-01-06'), true);
    assert.equal(isWorkingDay('2025-01-04'), false);
    assert.equal(isWorkingDay('2025-01-05'), false);
    assert.equal(isWorkingDay('2025-12-25'), false);
    assert.equal(isWorkingDay('2025-12-24'), true);
    assert.equal(isWorkingDay('2023-05-08'), false);
    assert.equal(isWorkingDay('2020-05-04'), true);
    assert.deepEqual(WORKING_DAY_RANGE, { start: '2010-01-01', end: '2030-12-31' });
  });

  it('counts working days after start up to and including end', () => {
    assert.equal(workingDaysElapsed('2025-01-06', '2025-01-06'), 0);
    assert.equal(workingDaysElapsed('2025-01-06', '2025-01-07'), 1);
    assert.equal(workingDaysElapsed('2025-01-03', '2025-01-06'), 1); // Friday to Monday
    assert.equal(workingDaysElapsed('2025-01-03', '2025-01-05'), 0); // Friday to Sunday
    assert.equal(workingDaysElapsed('2025-01-04', '2025-01-06'), 1); // Saturday to Monday
    assert.equal(workingDaysElapsed('2025-01-06', '2025-01-13'), 5);
    assert.equal(workingDaysElapsed('2025-01-10', '2025-01-06'), 0); // end before start
    assert.equal(workingDaysElapsed('2025-12-24', '2025-12-29'), 1); // over Christmas
    assert.equal(workingDaysElapsed('2025-04-17', '2025-04-22'), 1); // over Easter
    assert.equal(workingDaysElapsed('2024-12-31', '2025-12-31'), 253);
    assert.equal(workingDaysElapsed('2021-12-31', '2022-12-31'), 250); // two jubilee days and a funeral
  });

  it('agrees with counting day by day', () => {
    const random = prng(20250331);
    const first = toDayNumber('2009-12-31');
    const span = toDayNumber('2030-12-31') - first;
    for (let i = 0; i < 300; i++) {
      const start = fromDayNumber(first + Math.floor(random() * span));
      const end = addDays(start, Math.floor(random() * Math.min(400, daysBetween(start, '2030-12-31') + 1)));
      let count = 0;
      for (let d = addDays(start, 1); compareIsoDates(d, end) <= 0; d = addDays(d, 1)) {
        if (!isWeekend(d) && !isBankHoliday(d)) count++;
      }
      assert.equal(workingDaysElapsed(start, end), count, `${start}..${end}`);
    }
  });

  it('finds exactly 45 working days across Christmas and New Year', () => {
    // Counted by hand: Dec 2025 has 20 working days after Monday 1 December (25, 26 Dec are holidays),
    // January 2026 adds 21 (1 Jan is a holiday) and 2–5 February the last 4.
    assert.equal(addWorkingDays('2025-12-01', 45), '2026-02-05');
    assert.equal(workingDaysElapsed('2025-12-01', '2026-02-05'), 45);
    assert.equal(workingDaysElapsed('2025-12-01', '2026-02-04'), 44);
    assert.equal(isWithinWorkingDays('2025-12-01', '2026-02-05', 45), true);
    assert.equal(isWithinWorkingDays('2025-12-01', '2026-02-06', 45), false);
    // 45 calendar days would end on 15 January, only 30 working days in.
    assert.equal(workingDaysElapsed('2025-12-01', addDays('2025-12-01', 45)), 30);
    // 2021: Christmas and Boxing Day on a weekend, substitute days on 27 and 28 December, New Year's Day on
    // a Saturday with its substitute on Monday 3 January 2022: 20 working days in December, 20 in January, then
    // 1–4 and 7 February.
    assert.equal(addWorkingDays('2021-12-01', 45), '2022-02-07');
    assert.equal(workingDaysElapsed('2021-12-01', '2022-02-07'), 45);
  });

  it('finds exactly 45 working days across Easter and the early May bank holiday', () => {
    // Counted by hand: 20 in March after Monday 3 March, 20 in April (18 and 21 April are holidays), then
    // 1, 2, 6, 7, 8 May (5 May is a holiday).
    assert.equal(addWorkingDays('2025-03-03', 45), '2025-05-08');
    assert.equal(workingDaysElapsed('2025-03-03', '2025-05-08'), 45);
    assert.equal(workingDaysElapsed('2025-03-03', '2025-05-07'), 44);
    // From a Saturday, the Monday after is day 1.
    assert.equal(addWorkingDays('2025-03-01', 45), '2025-05-07');
  });

  it('finds 15 working days across the Platinum Jubilee and 2020 VE day', () => {
    // Strategy discussion Monday 23 May 2022: 2 and 3 June are holidays, so day 15 is Tuesday 14 June.
    assert.equal(addWorkingDays('2022-05-23', 15), '2022-06-15');
    assert.equal(workingDaysElapsed('2022-05-23', '2022-06-15'), 15);
    assert.equal(addWorkingDays('2020-04-30', 5), '2020-05-07');
    assert.equal(addWorkingDays('2020-04-30', 6), '2020-05-11');
  });

  it('inverts workingDaysElapsed and goes backwards', () => {
    const random = prng(45);
    for (let i = 0; i < 200; i++) {
      const start = fromDayNumber(toDayNumber('2010-01-01') + Math.floor(random() * 7000));
      const n = Math.floor(random() * 120);
      const end = addWorkingDays(start, n);
      assert.equal(workingDaysElapsed(start, end), n, `${start} + ${n}`);
      if (n > 0) assert.equal(isWorkingDay(end), true);
      if (n > 0 && isWorkingDay(start)) assert.equal(addWorkingDays(end, -n), start);
    }
    assert.equal(addWorkingDays('2025-12-29', -1), '2025-12-24');
    assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29');
    assert.equal(addWorkingDays('2025-12-25', 0), '2025-12-25');
    assert.throws(() => addWorkingDays('2025-12-25', 1.5), RangeError);
  });

  it('throws outside the bank holiday table instead of ignoring holidays', () => {
    assert.throws(() => isWorkingDay('2009-12-31'), BankHolidayRangeError);
    assert.throws(() => isWorkingDay('2031-01-02'), BankHolidayRangeError);
    assert.throws(() => workingDaysElapsed('2030-12-01', '2031-01-15'), BankHolidayRangeError);
    assert.throws(() => workingDaysElapsed('2009-12-01', '2010-01-15'), BankHolidayRangeError);
    assert.throws(() => addWorkingDays('2030-12-20', 10), BankHolidayRangeError);
    assert.throws(() => addWorkingDays('2010-01-08', -10), BankHolidayRangeError);
    // The start day is not counted, so it may be the day before the table begins.
    assert.equal(workingDaysElapsed('2009-12-31', '2010-01-05'), 2); // 1 January 2010 is a holiday
    // Nothing to count when end ≤ start.
    assert.equal(workingDaysElapsed('2040-01-02', '2040-01-01'), 0);
    const error = (() => {
      try {
        isWorkingDay('2031-06-01');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof RangeError);
    assert.match((error as Error).message, /2031-06-01/);
  });
});
