/**
 * Dates as people in China read them: every instant is shown in Asia/Shanghai time,
 * whatever the browser's own time zone, as `YYYY-MM-DD HH:mm`.
 */
export const TIME_ZONE = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date;
};

function shanghaiFields(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out: Record<string, string> = {};
  for (const p of partsFormat.formatToParts(date)) out[p.type] = p.value;
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

/** `YYYY-MM-DD HH:mm` (or `YYYY-MM-DD`) in Shanghai time; '' for an empty or invalid value. */
export function formatShanghai(value: unknown, withTime = true): string {
  // A bare calendar date (e.g. an opinion date) has no time zone: show it as written.
  if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) return value;
  const date = toDate(value);
  if (!date) return '';
  const f = shanghaiFields(date);
  return withTime ? `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}` : `${f.year}-${f.month}-${f.day}`;
}

/** An instant as the value of an `<input type="datetime-local">` showing Shanghai time. */
export function toShanghaiInput(value: unknown): string {
  const date = toDate(value);
  if (!date) return '';
  const f = shanghaiFields(date);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}`;
}

/**
 * The instant (ISO 8601, UTC) of a `datetime-local` value read as Shanghai time. Shanghai has
 * kept +08:00 all year since 1991, so the fixed offset is exact.
 */
export function fromShanghaiInput(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  if (!m) return null;
  const date = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today's date in Shanghai, `YYYY-MM-DD` (default for opinion and commitment dates). */
export const shanghaiToday = (now = new Date()): string => formatShanghai(now, false);
