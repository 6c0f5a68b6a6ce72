import { DATE_PATTERN, EMAIL_PATTERN, LIMITS, MOBILE_PATTERN, YEAR_MONTH_PATTERN } from './forms';

describe('LIMITS match DOMAIN.md and the notice', () => {
  test('1 to 3 departments per council application (五(一))', () => {
    expect(LIMITS.departmentsPerApplication).toEqual({ min: 1, max: 3 });
  });
  test('1 to 6 strong majors per department', () => {
    expect(LIMITS.strongMajors).toEqual({ min: 1, max: 6 });
  });
  test('at most 3 departments per school in a batch', () => {
    expect(LIMITS.departmentsPerSchoolInBatch).toBe(3);
  });
  test('1 main leader and 2 program leaders per department', () => {
    expect(LIMITS.seatsPerDepartment).toEqual({ main_leader: 1, program_leader: 2 });
  });
  test('equipment share ≥ 20%, young teachers ≤ 35, teaching ≥ 6 years', () => {
    expect(LIMITS.minEquipmentMajorSharePct).toBe(20);
    expect(LIMITS.maxYouthAge).toBe(35);
    expect(LIMITS.minTeachingYears).toBe(6);
  });
  test('upload limits are positive byte counts, the photo smaller than the scan', () => {
    expect(LIMITS.scanMaxBytes).toBeGreaterThan(0);
    expect(LIMITS.photoMaxBytes).toBeGreaterThan(0);
    expect(LIMITS.photoMaxBytes).toBeLessThanOrEqual(LIMITS.scanMaxBytes);
  });
});

describe('MOBILE_PATTERN: 11-digit mainland mobile number', () => {
  test.each(['13800138000', '15912345678', '19912345678', '17000000000'])('%s is valid', (m) => {
    expect(MOBILE_PATTERN.test(m)).toBe(true);
  });
  test.each([
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '12800138000', // second digit 2
    '10800138000', // second digit 0
    '23800138000', // does not start with 1
    '+8613800138000',
    '138-0013-8000',
    ' 13800138000',
    '1380013800a',
    '',
  ])('%j is invalid', (m) => {
    expect(MOBILE_PATTERN.test(m)).toBe(false);
  });
});

describe('EMAIL_PATTERN', () => {
  test.each(['a@b.cn', 'zhang.wei@example.edu.cn', 'li+alliance@mail.example.com'])('%s is valid', (e) => {
    expect(EMAIL_PATTERN.test(e)).toBe(true);
  });
  test.each(['', 'plain', 'a@b', '@example.com', 'a@.', 'a b@example.com', 'a@exa mple.com', 'a@@example.com'])('%j is invalid', (e) => {
    expect(EMAIL_PATTERN.test(e)).toBe(false);
  });
});

describe('YEAR_MONTH_PATTERN (birthMonth, establishedOn)', () => {
  test.each(['1989-04', '2024-12', '2000-01'])('%s is valid', (v) => {
    expect(YEAR_MONTH_PATTERN.test(v)).toBe(true);
  });
  test.each(['1989-4', '1989-13', '1989-00', '1989/04', '89-04', '1989-04-01', ''])('%j is invalid', (v) => {
    expect(YEAR_MONTH_PATTERN.test(v)).toBe(false);
  });
});

describe('DATE_PATTERN (opinion and commitment dates)', () => {
  test.each(['2024-04-15', '2024-02-29', '2024-12-31', '2024-01-01'])('%s is valid', (v) => {
    expect(DATE_PATTERN.test(v)).toBe(true);
  });
  test.each(['2024-4-15', '2024-04-32', '2024-13-01', '2024-04-00', '2024/04/15', '2024-04', ''])('%j is invalid', (v) => {
    expect(DATE_PATTERN.test(v)).toBe(false);
  });
});
