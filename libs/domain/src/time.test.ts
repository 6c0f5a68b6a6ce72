import { ageAt, endOfShanghaiDay, isFutureMonth, parseYearMonth, shanghaiDate, shanghaiParts } from './time';

/** The first batch's deadline, DOMAIN.md "Batches". */
const FIRST_DEADLINE = new Date('2024-04-15T23:59:59+08:00');

describe('shanghaiParts() and shanghaiDate(): calendar date in Asia/Shanghai', () => {
  test.each([
    ['2024-04-15T15:59:59Z', '2024-04-15'],
    ['2024-04-15T16:00:00Z', '2024-04-16'], // midnight in Shanghai, still the 15th in UTC
    ['2024-04-30T16:30:00Z', '2024-05-01'], // new month in Shanghai, still April in UTC
    ['2023-12-31T16:00:00Z', '2024-01-01'], // new year in Shanghai, still 2023 in UTC
    ['2024-02-28T20:00:00Z', '2024-02-29'], // leap day
    ['2024-04-15T00:00:00+08:00', '2024-04-15'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  test('parts are numbers, months counted from 1', () => {
    expect(shanghaiParts(new Date('2024-04-30T16:30:00Z'))).toEqual({ year: 2024, month: 5, day: 1 });
    expect(shanghaiParts(new Date('2024-01-01T00:00:00+08:00'))).toEqual({ year: 2024, month: 1, day: 1 });
  });

  test('does not depend on the process time zone (the instant is all that counts)', () => {
    const a = new Date('2024-04-30T16:30:00Z');
    const b = new Date('2024-05-01T00:30:00+08:00');
    expect(a.getTime()).toBe(b.getTime());
    expect(shanghaiDate(a)).toBe(shanghaiDate(b));
  });
});

describe('endOfShanghaiDay(): a batch deadline', () => {
  test('2024-04-15 ends at 2024-04-15T23:59:59+08:00 (DOMAIN.md first batch)', () => {
    expect(endOfShanghaiDay('2024-04-15').getTime()).toBe(FIRST_DEADLINE.getTime());
    expect(endOfShanghaiDay('2024-04-15').toISOString()).toBe('2024-04-15T15:59:59.000Z');
  });

  test('the end of a day is still that day in Shanghai, and one second later is the next day', () => {
    const end = endOfShanghaiDay('2024-04-30');
    expect(shanghaiDate(end)).toBe('2024-04-30');
    expect(shanghaiDate(new Date(end.getTime() + 1000))).toBe('2024-05-01');
  });
});

describe('parseYearMonth()', () => {
  test.each([
    ['1989-04', { year: 1989, month: 4 }],
    ['2000-12', { year: 2000, month: 12 }],
    ['1970-01', { year: 1970, month: 1 }],
  ])('%s parses', (value, parsed) => {
    expect(parseYearMonth(value)).toEqual(parsed);
  });

  test.each(['1989-4', '1989-13', '1989-00', '89-04', '1989/04', '1989-04-01', '', 'abcd-ef', ' 1989-04'])('%j is malformed', (value) => {
    expect(parseYearMonth(value)).toBeNull();
  });
});

describe('ageAt(): completed years at an instant, from the birth month', () => {
  test.each([
    ['1989-04', 35], // birthday month reached: counts from the first of the month
    ['1989-03', 35],
    ['1989-05', 34],
    ['1988-04', 36],
    ['1988-05', 35],
    ['1988-12', 35],
    ['1989-12', 34],
  ])('born %s is %i at the first batch deadline', (birthMonth, age) => {
    expect(ageAt(birthMonth, FIRST_DEADLINE)).toBe(age);
  });

  test('uses the Shanghai month, not the UTC month: 2024-04-30T16:30Z is already May in Shanghai', () => {
    const at = new Date('2024-04-30T16:30:00Z');
    expect(at.getUTCMonth() + 1).toBe(4);
    expect(ageAt('1988-05', at)).toBe(36);
    expect(ageAt('1988-06', at)).toBe(35);
  });

  test('one second before Shanghai midnight of the birth month the birthday has not come', () => {
    expect(ageAt('1988-05', new Date('2024-04-30T23:59:59+08:00'))).toBe(35);
    expect(ageAt('1988-05', new Date('2024-05-01T00:00:00+08:00'))).toBe(36);
  });

  test('across a Shanghai new year', () => {
    expect(ageAt('1990-01', new Date('2024-12-31T15:59:59Z'))).toBe(34);
    expect(ageAt('1990-01', new Date('2024-12-31T16:00:00Z'))).toBe(35);
  });

  test.each(['1989', '1989-13', '', 'not a month'])('is null for the malformed birth month %j', (value) => {
    expect(ageAt(value, FIRST_DEADLINE)).toBeNull();
  });
});

describe('isFutureMonth(): department.establishedOn must not be in the future', () => {
  const now = new Date('2024-04-15T12:00:00+08:00');
  test.each([
    ['2024-05', true],
    ['2025-01', true],
    ['2024-04', false],
    ['2024-03', false],
    ['1999-12', false],
  ])('%s after April 2024? %s', (ym, future) => {
    expect(isFutureMonth(ym, now)).toBe(future);
  });

  test('uses the Shanghai month: May is not future once it is May in Shanghai, even if April in UTC', () => {
    expect(isFutureMonth('2024-05', new Date('2024-04-30T16:30:00Z'))).toBe(false);
    expect(isFutureMonth('2024-05', new Date('2024-04-30T15:59:59Z'))).toBe(true);
  });

  test('a malformed month is not reported as future (the format check reports it)', () => {
    expect(isFutureMonth('2099-13', now)).toBe(false);
  });
});
