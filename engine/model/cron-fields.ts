/**
 * The fields of a cron expression as Spring's `CronExpression` (which Zeebe uses for cron timer cycles) reads them:
 * values, `*`, ranges `a-b`, lists `a,b`, steps `a/n`, `a-b/n` and `*` with `/n`, names `JAN`-`DEC` and `MON`-`SUN`, `?`
 * in the day fields, and the Quartz day forms `L`, `L-n`, `LW`, `nW` (day of month) and `dL`, `d#n` (day of week).
 * Parsers return a problem as text, never throw.
 */
import { err, ok, type Result } from '../result.js';

/**
 * Which days of one month a day field allows, as a mask (bit `d - 1` for day `d`), given the month's length and
 * the weekday of its first day (0 Sunday ... 6 Saturday, as `Date.getUTCDay`).
 */
export type DayRule = (length: number, firstWeekday: number) => number;

/** A plain field: its name in messages, its bounds, what `*` spans, and the names it takes. */
export interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Spring's `*` for day-of-week is 1-7 (Monday to Sunday), although 0 is also Sunday. */
  readonly starMin: number;
  /** Names replaced by numbers, the first by `nameBase`. */
  readonly names: readonly string[];
  readonly nameBase: number;
}

const spec = (name: string, min: number, max: number, names: readonly string[] = [], nameBase = 1, starMin = min): FieldSpec =>
  ({ name, min, max, starMin, names, nameBase });

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export const SECOND = spec('second', 0, 59);
export const MINUTE = spec('minute', 0, 59);
export const HOUR = spec('hour', 0, 23);
export const MONTH = spec('month', 1, 12, MONTH_NAMES);
const DAY_OF_MONTH = spec('day-of-month', 1, 31);
const DAY_OF_WEEK = spec('day-of-week', 0, 7, DAY_NAMES, 1, 1);

/** Every day of a month of `length` days. */
export const monthMask = (length: number): number => (length >= 31 ? 0x7fffffff : (1 << length) - 1);

const dayBit = (day: number): number => 1 << (day - 1);
const weekdayOf = (day: number, firstWeekday: number): number => (firstWeekday + day - 1) % 7;

/** A whole number in bounds, or why not. */
function boundedNumber(text: string, field: FieldSpec): Result<number, string> {
  if (!/^\d+$/.test(text)) return err(`'${text}' is not a number`);
  const value = Number(text);
  return value < field.min || value > field.max ? err(`${value} is not in ${field.min}-${field.max}`) : ok(value);
}

/** The bounds of `*`, `a`, `a-b` (with a step, `a` alone runs to the field's maximum). */
function parseRange(text: string, field: FieldSpec, stepped: boolean): Result<readonly [number, number], string> {
  if (text === '*') return ok([field.starMin, field.max]);
  const [first, second, ...more] = text.split('-');
  if (more.length > 0) return err(`'${text}' is not a range`);
  const from = boundedNumber(first ?? '', field);
  if (!from.ok) return from;
  if (second === undefined) return ok([from.value, stepped ? field.max : from.value]);
  const to = boundedNumber(second, field);
  if (!to.ok) return to;
  // Spring: Sunday as 7 starts a range as 0 (SUN-SAT is every day)
  const low = field === DAY_OF_WEEK && from.value === 7 ? 0 : from.value;
  return low > to.value ? err(`range '${text}' runs backwards`) : ok([low, to.value]);
}

/** The values of one list element: `*`, `a`, `a-b`, optionally followed by `/step`. */
function parseElement(text: string, field: FieldSpec): Result<number[], string> {
  const [rangeText, stepText, ...more] = text.split('/');
  if (more.length > 0 || rangeText === undefined) return err(`'${text}' has more than one '/'`);
  const step = stepText === undefined ? ok(1) : /^\d+$/.test(stepText) ? ok(Number(stepText)) : err(`step '${stepText}' is not a number`);
  if (!step.ok) return step;
  if (step.value < 1) return err(`step '${text}' must be 1 or more`);
  const range = parseRange(rangeText, field, stepText !== undefined);
  if (!range.ok) return range;
  const values: number[] = [];
  for (let v = range.value[0]; v <= range.value[1]; v += step.value) values.push(v);
  return ok(values);
}

/** Replaces the field's names (case-insensitive, as Spring does) by their numbers. */
function replaceNames(text: string, field: FieldSpec): string {
  if (field.names.length === 0) return text;
  return text.toUpperCase().replace(new RegExp(field.names.join('|'), 'g'), (name) => String(field.names.indexOf(name) + field.nameBase));
}

/** The values of a comma-separated list, ascending and distinct. */
function parseList(text: string, field: FieldSpec): Result<number[], string> {
  const values = new Set<number>();
  for (const element of text.split(',')) {
    if (element === '') return err('an element of the list is empty');
    const parsed = parseElement(element, field);
    if (!parsed.ok) return parsed;
    for (const v of parsed.value) values.add(v);
  }
  return ok([...values].sort((a, b) => a - b));
}

const problemIn = (field: FieldSpec, text: string, problem: string): string => `${field.name} '${text}': ${problem}`;

/** A second, minute, hour or month field: its allowed values, ascending. */
export function parseValues(text: string, field: FieldSpec): Result<readonly number[], string> {
  const parsed = parseList(replaceNames(text, field), field);
  return parsed.ok ? parsed : err(problemIn(field, text, parsed.error));
}

const union = (rules: readonly DayRule[]): DayRule => (length, first) => rules.reduce((mask, rule) => mask | rule(length, first), 0);

/** `L`, `L-n`, `LW` or `nW` of a day-of-month field. */
function quartzDayOfMonth(text: string): Result<DayRule, string> {
  if (text === 'L') return ok((length) => dayBit(length));
  if (text === 'LW') return ok((length, first) => dayBit(nearestWeekday(length, length, first)));
  const offset = /^L-(\d+)$/.exec(text);
  if (offset) {
    const n = Number(offset[1]);
    return n >= 1 && n <= 30 ? ok((length) => (length - n >= 1 ? dayBit(length - n) : 0)) : err(`offset in '${text}' is not in 1-30`);
  }
  const nearest = /^(\d+)W$/.exec(text);
  if (!nearest) return err(`'${text}' is not L, L-n, LW or nW`);
  const day = boundedNumber(nearest[1] ?? '', DAY_OF_MONTH);
  if (!day.ok) return err(`'${text}': ${day.error}`);
  return ok((length, first) => (day.value > length ? 0 : dayBit(nearestWeekday(day.value, length, first))));
}

/**
 * The weekday nearest to `day`, in its month: a Saturday moves to the Friday before (to Monday the 3rd for the
 * 1st), a Sunday to the Monday after (to Friday for the last day: Quartz keeps to the month; Spring would leave it).
 */
function nearestWeekday(day: number, length: number, firstWeekday: number): number {
  const weekday = weekdayOf(day, firstWeekday);
  if (weekday === 6) return day > 1 ? day - 1 : day + 2;
  if (weekday === 0) return day < length ? day + 1 : day - 2;
  return day;
}

/** A day-of-month field: plain values, `*`, `?`, or Quartz forms, in a list. */
export function parseDaysOfMonth(text: string): Result<DayRule, string> {
  const rules: DayRule[] = [];
  const upper = text === '?' ? '*' : text.toUpperCase();
  for (const element of upper.split(',')) {
    const rule = /[LW]/.test(element) ? quartzDayOfMonth(element) : plainDays(element);
    if (!rule.ok) return err(problemIn(DAY_OF_MONTH, text, rule.error));
    rules.push(rule.value);
  }
  return ok(union(rules));
}

/** Days of month as values, ranges and steps. */
function plainDays(element: string): Result<DayRule, string> {
  const values = parseList(element, DAY_OF_MONTH);
  if (!values.ok) return values;
  const mask = values.value.reduce((m, day) => m | dayBit(day), 0);
  return ok((length) => mask & monthMask(length));
}

/** A day of week 0-7 (0 and 7 are Sunday), named or numbered, as a `getUTCDay` weekday. */
function weekdayNumber(text: string): Result<number, string> {
  const value = boundedNumber(text, DAY_OF_WEEK);
  return value.ok ? ok(value.value % 7) : err(text === '' ? 'no day-of-week given' : value.error);
}

/** `dL` (the last weekday d of the month) or `d#n` (its n-th) of a day-of-week field. */
function quartzDayOfWeek(text: string): Result<DayRule, string> {
  const last = /^(\w*)L$/.exec(text);
  if (last) {
    const weekday = weekdayNumber(last[1] ?? '');
    if (!weekday.ok) return err(`'${text}': ${weekday.error}`);
    return ok((length, first) => dayBit(length - ((weekdayOf(length, first) - weekday.value + 7) % 7)));
  }
  const nth = /^(\w*)#(\d*)$/.exec(text);
  if (!nth) return err(`'${text}' is not dL or d#n`);
  const weekday = weekdayNumber(nth[1] ?? '');
  if (!weekday.ok) return err(`'${text}': ${weekday.error}`);
  const ordinal = Number(nth[2]);
  if (!/^[1-5]$/.test(nth[2] ?? '')) return err(`ordinal in '${text}' is not in 1-5`);
  return ok((length, first) => {
    const day = 1 + ((weekday.value - first + 7) % 7) + 7 * (ordinal - 1);
    return day <= length ? dayBit(day) : 0;
  });
}

/** A day-of-week field: plain values (0-7, names), `*`, `?`, or Quartz forms, in a list. */
export function parseDaysOfWeek(text: string): Result<DayRule, string> {
  const rules: DayRule[] = [];
  const replaced = replaceNames(text === '?' ? '*' : text, DAY_OF_WEEK);
  for (const element of replaced.split(',')) {
    const rule = /[L#]/.test(element) ? quartzDayOfWeek(element) : plainWeekdays(element);
    if (!rule.ok) return err(problemIn(DAY_OF_WEEK, text, rule.error));
    rules.push(rule.value);
  }
  return ok(union(rules));
}

/** Days of week as values, ranges and steps; 7 is Sunday like 0. */
function plainWeekdays(element: string): Result<DayRule, string> {
  const values = parseList(element, DAY_OF_WEEK);
  if (!values.ok) return values;
  const weekdays = new Set(values.value.map((v) => v % 7));
  return ok((length, first) => {
    let mask = 0;
    for (let day = 1; day <= length; day++) if (weekdays.has(weekdayOf(day, first))) mask |= dayBit(day);
    return mask;
  });
}
