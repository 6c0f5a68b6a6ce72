/** Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00 offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar date and time in Asia/Shanghai of an instant. */
export function shanghaiParts(at: Date): { year: number; month: number; day: number } {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant of the last second of a Shanghai calendar day, e.g. a batch deadline. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(`${date}T23:59:59+08:00`);
}

/** Parses `YYYY-MM` into year and month, or null when malformed. */
export function parseYearMonth(value: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * Completed years of age at an instant (taken in Shanghai time) for someone born in a month.
 * Only the month is known, so the birthday counts from the first day of that month.
 */
export function ageAt(birthMonth: string, at: Date): number | null {
  const birth = parseYearMonth(birthMonth);
  if (!birth) return null;
  const now = shanghaiParts(at);
  return now.year - birth.year - (now.month < birth.month ? 1 : 0);
}

/** Is a `YYYY-MM` month after the Shanghai month of an instant? */
export function isFutureMonth(yearMonth: string, now: Date): boolean {
  const ym = parseYearMonth(yearMonth);
  if (!ym) return false;
  const t = shanghaiParts(now);
  return ym.year > t.year || (ym.year === t.year && ym.month > t.month);
}
