import { formatShanghai, fromShanghaiInput, shanghaiToday, toShanghaiInput } from './time';

describe('Asia/Shanghai time', () => {
  it('shows instants in Shanghai time whatever the zone of the value', () => {
    expect(formatShanghai('2024-04-15T15:59:59Z')).toBe('2024-04-15 23:59');
    expect(formatShanghai('2024-04-15T16:00:00Z')).toBe('2024-04-16 00:00');
    expect(formatShanghai('2024-04-15T23:59:59+08:00')).toBe('2024-04-15 23:59');
    expect(formatShanghai('2024-04-15T16:00:00Z', false)).toBe('2024-04-16');
    expect(formatShanghai(new Date(Date.UTC(2024, 0, 1, 0, 0)))).toBe('2024-01-01 08:00');
  });

  it('leaves calendar dates as written and empty values empty', () => {
    expect(formatShanghai('2024-04-01')).toBe('2024-04-01');
    expect(formatShanghai('2015-09')).toBe('2015-09');
    expect(formatShanghai(null)).toBe('');
    expect(formatShanghai('not a date')).toBe('');
  });

  it('round-trips datetime-local inputs as Shanghai time', () => {
    expect(toShanghaiInput('2024-04-15T15:59:00.000Z')).toBe('2024-04-15T23:59');
    expect(fromShanghaiInput('2024-04-15T23:59')).toBe('2024-04-15T15:59:00.000Z');
    expect(fromShanghaiInput('2024-04-15T23:59:59')).toBe('2024-04-15T15:59:59.000Z');
    expect(fromShanghaiInput(toShanghaiInput('2024-03-01T00:00:00.000Z'))).toBe('2024-03-01T00:00:00.000Z');
    expect(fromShanghaiInput('')).toBeNull();
    expect(fromShanghaiInput('garbage')).toBeNull();
    expect(toShanghaiInput(undefined)).toBe('');
  });

  it('gives today in Shanghai', () => {
    expect(shanghaiToday(new Date('2024-04-15T17:00:00Z'))).toBe('2024-04-16');
  });
});
