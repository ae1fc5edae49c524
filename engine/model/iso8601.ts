/**
 * ISO-8601 timer values as Zeebe reads them: durations (`PT10S`, `P1DT2H`, `P1M`), dates with an offset or `Z`
 * (`2026-01-01T10:00:00Z`, an optional `[zone]` suffix is ignored), and repeating intervals (`R3/PT10S`,
 * `R/PT1M`, `R5/2026-01-01T10:00:00Z/PT1H`). Pure functions; the engine's clock decides what "now" is.
 */

/** A duration's parts; fractions only on seconds. */
export interface IsoDuration {
  readonly negative: boolean;
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** A repeating interval: `repetitions` undefined repeats forever; `start` (epoch ms) when given. */
export interface IsoCycle {
  readonly repetitions: number | undefined;
  readonly start: number | undefined;
  readonly interval: IsoDuration;
}

const DURATION = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})(?:\[[^\]]+\])?$/;
const REPEAT = /^R(\d*)$/;

const int = (value: string | undefined): number => (value === undefined ? 0 : Number(value));

/** A duration, or undefined when the text is not one (`P`, `PT` and `P1DT` are not). */
export function parseDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || /[PT]$/.test(text.trim())) return undefined;
  const [, sign, years, months, weeks, days, hours, minutes, seconds] = match;
  return {
    negative: sign === '-',
    years: int(years),
    months: int(months),
    days: int(days) + 7 * int(weeks),
    hours: int(hours),
    minutes: int(minutes),
    seconds: Number((seconds ?? '0').replace(',', '.')),
  };
}

/** A date-time with an offset (or `Z`) as epoch ms, or undefined. */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const at = Date.parse(trimmed.replace(/\[[^\]]+\]$/, ''));
  return Number.isNaN(at) ? undefined : at;
}

/** A repeating interval, or undefined. */
export function parseCycle(text: string): IsoCycle | undefined {
  const parts = text.trim().split('/');
  const repeat = REPEAT.exec(parts[0] ?? '');
  if (!repeat || parts.length < 2 || parts.length > 3) return undefined;
  const repetitions = repeat[1] === '' || repeat[1] === undefined ? undefined : Number(repeat[1]);
  const start = parts.length === 3 ? parseDate(parts[1] ?? '') : undefined;
  const interval = parseDuration(parts.at(-1) ?? '');
  if (!interval || (parts.length === 3 && start === undefined)) return undefined;
  return { repetitions, start, interval };
}

/** `at` plus a duration, calendar-aware for years, months and days (UTC). */
export function addDuration(at: number, duration: IsoDuration): number {
  const sign = duration.negative ? -1 : 1;
  const date = new Date(at);
  date.setUTCFullYear(date.getUTCFullYear() + sign * duration.years, date.getUTCMonth() + sign * duration.months, date.getUTCDate() + sign * duration.days);
  const clock = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return date.getTime() + sign * Math.round(clock);
}
