import { LIMITS } from '@alliance/domain';
import {
  calendarDate, count, departmentsCount, emailAddress, itemCount, mobile, password, pastMonth, percent, present, sameAs,
  strongMajorsCount, yearMonth,
} from './validation';

describe('validators', () => {
  it('leave empty draft fields alone', () => {
    for (const v of [mobile, emailAddress, yearMonth, calendarDate, percent, count, password, pastMonth()]) {
      expect(v('')).toBeUndefined();
      expect(v(null)).toBeUndefined();
    }
  });

  it('check mobiles and emails with the domain patterns', () => {
    expect(mobile('13800000000')).toBeUndefined();
    expect(mobile('12800000000')).toEqual({ message: 'app.validation.mobile', args: {} });
    expect(mobile('1380000000')).toBeDefined();
    expect(emailAddress('a@b.cn')).toBeUndefined();
    expect(emailAddress('a@b')).toBeDefined();
  });

  it('check months, dates and months not in the future', () => {
    const now = () => new Date('2024-04-10T00:00:00+08:00');
    expect(yearMonth('2015-09')).toBeUndefined();
    expect(yearMonth('2015-9')).toBeDefined();
    expect(pastMonth(now)('2024-04')).toBeUndefined();
    expect(pastMonth(now)('2024-05')).toEqual({ message: 'app.validation.future_month', args: {} });
    expect(calendarDate('2024-04-01')).toBeUndefined();
    expect(calendarDate('2024-13-01')).toBeDefined();
  });

  it('check percentages (one decimal) and counts', () => {
    expect(percent(42.5)).toBeUndefined();
    expect(percent(0)).toBeUndefined();
    expect(percent(100)).toBeUndefined();
    expect(percent(100.1)).toEqual({ message: 'app.validation.percent', args: {} });
    expect(percent(12.34)).toEqual({ message: 'app.validation.one_decimal', args: {} });
    expect(count(3)).toBeUndefined();
    expect(count(-1)).toBeDefined();
    expect(count(2.5)).toBeDefined();
  });

  it('count list items against the domain limits', () => {
    expect(departmentsCount([{}, {}, {}])).toBeUndefined();
    expect(departmentsCount([{}, {}, {}, {}])).toEqual({ message: 'app.validation.too_many', args: { max: LIMITS.departmentsPerApplication.max } });
    expect(strongMajorsCount(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual({ message: 'app.validation.too_many', args: { max: 6 } });
    expect(strongMajorsCount(['a', ''])).toBeUndefined();
    expect(itemCount(2, 3)(['a'])).toEqual({ message: 'app.validation.too_few', args: { min: 2 } });
    expect(itemCount(2, 3)([])).toBeUndefined();
  });

  it('check passwords and their confirmation', () => {
    expect(password('x'.repeat(LIMITS.passwordMinLength))).toBeUndefined();
    expect(password('short')).toEqual({ message: 'app.validation.password', args: { min: LIMITS.passwordMinLength } });
    expect(sameAs('password')('abc', { password: 'abc' })).toBeUndefined();
    expect(sameAs('password')('abd', { password: 'abc' })).toBeDefined();
    expect(present('')).toEqual({ message: 'ra.validation.required', args: {} });
    expect(present('x')).toBeUndefined();
  });
});
