/**
 * Cron expressions as Zeebe takes them in a `timeCycle` (Spring's `CronExpression`): six fields
 * `second minute hour day-of-month month day-of-week` or a macro (`@yearly`, `@annually`, `@monthly`, `@weekly`,
 * `@daily`, `@midnight`, `@hourly`), evaluated in UTC. Day-of-month and day-of-week must both match (`*` and `?`
 * match every day). Pure: `nextCronTime` jumps month by month and day by day, never second by second.
 */
import { err, ok, type Result } from '../result.js';
import { HOUR, MINUTE, MONTH, SECOND, monthMask, parseDaysOfMonth, parseDaysOfWeek, parseValues, type DayRule } from './cron-fields.js';

/** A parsed cron expression: the allowed values of each time field (ascending) and the two day rules. */
export interface CronExpression {
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  readonly daysOfMonth: DayRule;
  readonly daysOfWeek: DayRule;
}

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/**
 * The Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks): an expression that
 * matches no day within 400 years after a time never matches (`0 0 0 30 2 *`).
 */
const SEARCH_YEARS = 400;

/** A cron expression, or why it is not one. */
export function parseCron(text: string): Result<CronExpression, string> {
  const trimmed = text.trim();
  if (trimmed === '') return err('the cron expression is empty');
  const fields = (MACROS[trimmed.toLowerCase()] ?? trimmed).split(/\s+/);
  const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (fields.length !== 6 || second === undefined || minute === undefined || hour === undefined
    || dayOfMonth === undefined || month === undefined || dayOfWeek === undefined) {
    return err(`a cron expression has 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}`);
  }
  const seconds = parseValues(second, SECOND);
  const minutes = parseValues(minute, MINUTE);
  const hours = parseValues(hour, HOUR);
  const daysOfMonth = parseDaysOfMonth(dayOfMonth);
  const months = parseValues(month, MONTH);
  const daysOfWeek = parseDaysOfWeek(dayOfWeek);
  if (!seconds.ok) return seconds;
  if (!minutes.ok) return minutes;
  if (!hours.ok) return hours;
  if (!daysOfMonth.ok) return daysOfMonth;
  if (!months.ok) return months;
  if (!daysOfWeek.ok) return daysOfWeek;
  return ok({ seconds: seconds.value, minutes: minutes.value, hours: hours.value, months: months.value, daysOfMonth: daysOfMonth.value, daysOfWeek: daysOfWeek.value });
}

/** A UTC date-time split into the fields cron looks at (month 1-12). */
interface Moment {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const momentOf = (at: number): Moment => {
  const date = new Date(at);
  return {
    year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
    hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(),
  };
};

/** The days of a month both day fields allow, as a mask (bit `d - 1` for day `d`). */
function matchingDays(cron: CronExpression, year: number, month: number): number {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return cron.daysOfMonth(length, firstWeekday) & cron.daysOfWeek(length, firstWeekday) & monthMask(length);
}

/** Whether a time (epoch ms, whole seconds only) matches every field. */
export function cronMatches(cron: CronExpression, at: number): boolean {
  if (at % 1000 !== 0) return false;
  const m = momentOf(at);
  return cron.seconds.includes(m.second) && cron.minutes.includes(m.minute) && cron.hours.includes(m.hour)
    && cron.months.includes(m.month) && (matchingDays(cron, m.year, m.month) & (1 << (m.day - 1))) !== 0;
}

/**
 * The earliest `[hour, minute, second]` at or after `from` that the time fields allow, or undefined: keep the
 * leading field when the rest still fits after it, else take its next allowed value and the smallest of the rest.
 */
function earliestTime(fields: readonly (readonly number[])[], from: readonly number[]): number[] | undefined {
  const [field, ...rest] = fields;
  const [value = 0, ...restFrom] = from;
  if (field === undefined) return [];
  if (field.includes(value)) {
    const tail = earliestTime(rest, restFrom);
    if (tail) return [value, ...tail];
  }
  const next = field.find((v) => v > value);
  return next === undefined ? undefined : [next, ...rest.map((f) => f[0] ?? 0)];
}

/** The first matching time of a month, from `from` when the search starts inside that month. */
function firstInMonth(cron: CronExpression, year: number, month: number, from: Moment | undefined): number | undefined {
  const timeFields = [cron.hours, cron.minutes, cron.seconds];
  let days = matchingDays(cron, year, month);
  if (from) days &= ~((1 << (from.day - 1)) - 1);
  while (days !== 0) {
    const day = 32 - Math.clz32(days & -days);
    const time = earliestTime(timeFields, from?.day === day ? [from.hour, from.minute, from.second] : [0, 0, 0]);
    if (time) {
      const [hour = 0, minute = 0, second = 0] = time;
      return Date.UTC(year, month - 1, day, hour, minute, second);
    }
    days &= days - 1;
  }
  return undefined;
}

/**
 * The first time strictly after `after` (epoch ms) that matches, in whole seconds; undefined when none ever does
 * (Spring returns null then: a timer with such a cycle never fires).
 */
export function nextCronTime(cron: CronExpression, after: number): number | undefined {
  const start = momentOf(Math.floor(after / 1000) * 1000 + 1000);
  for (let year = start.year; year <= start.year + SEARCH_YEARS; year++) {
    for (const month of cron.months) {
      if (year === start.year && month < start.month) continue;
      const found = firstInMonth(cron, year, month, year === start.year && month === start.month ? start : undefined);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
