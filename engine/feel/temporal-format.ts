// Date, time and duration results as Zeebe writes them into variables (FeelToMessagePackTransformer, feel-scala Val).
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

/** The ISO string Zeebe stores for a FEEL temporal value, or undefined when the value is not temporal. */
export function formatTemporal(value: object): string | undefined {
  if (value instanceof FeelDate) return value.unwrap().toString();
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return formatTime(value);
  if (value instanceof FeelDuration) return formatDuration(value);
  return undefined;
}

/** Local: ISO_LOCAL_DATE_TIME; zoned: ISO_OFFSET_DATE_TIME (the offset, never the zone id: '...T10:00:00+01:00'). */
function formatDateTime(value: FeelDateTime): string {
  const local = value.unwrap().toString();
  return value.zone === null ? local : local + offsetId(offsetSeconds(value['time offset']));
}

/** Local: Java's LocalTime.toString ('10:00', seconds only when non-zero); zoned: feel-scala ZonedTime.format. */
function formatTime(value: FeelTime): string {
  const time = value.unwrap();
  if (value.zone === null) return javaLocalTime(time);
  const suffix = isOffsetZone(value.zone) ? offsetId(offsetSeconds(value['time offset'])) : `@${value.zone}`;
  return time.toString() + suffix;
}

/** feel-scala's ValYearMonthDuration / ValDayTimeDuration format: 'P1Y2M', 'P1DT2H', 'P0Y', 'P0D', '-PT5M'. */
export function formatDuration(value: FeelDuration): string {
  return value.yearsMonths
    ? signed([Math.trunc(totalMonths(value) / 12), totalMonths(value) % 12], 'P0Y', yearsMonths)
    : signed(dayTimeParts(Math.trunc(totalSeconds(value))), 'P0D', daysTime);
}

type PlainTime = ReturnType<FeelTime['unwrap']>;

function javaLocalTime(time: PlainTime): string {
  const hoursMinutes = `${pad2(time.hour)}:${pad2(time.minute)}`;
  const nanos = time.millisecond * 1e6 + time.microsecond * 1e3 + time.nanosecond;
  if (time.second === 0 && nanos === 0) return hoursMinutes;
  return `${hoursMinutes}:${pad2(time.second)}${javaFraction(nanos)}`;
}

/** LocalTime.toString prints the fraction in groups of three digits. */
function javaFraction(nanos: number): string {
  if (nanos === 0) return '';
  const digits = String(nanos + 1e9).slice(1);
  const length = nanos % 1e6 === 0 ? 3 : nanos % 1e3 === 0 ? 6 : 9;
  return `.${digits.slice(0, length)}`;
}

/** feelin names the zone of an offset value by the offset ('+02:00') and of 'Z' as 'UTC'. */
function isOffsetZone(zone: string): boolean {
  return zone === 'UTC' || zone === 'Z' || /^[+-]\d{2}(?::?\d{2}){0,2}$/.test(zone);
}

/** java.time's offset id: 'Z', '+01:00', '-05:30', '+00:00:30'. */
function offsetId(seconds: number): string {
  if (seconds === 0) return 'Z';
  const magnitude = Math.abs(seconds);
  const parts = [Math.trunc(magnitude / 3600), Math.trunc(magnitude / 60) % 60, magnitude % 60];
  const shown = parts[2] === 0 ? parts.slice(0, 2) : parts;
  return (seconds < 0 ? '-' : '+') + shown.map(pad2).join(':');
}

function offsetSeconds(offset: FeelDuration): number {
  return totalSeconds(offset);
}

function totalSeconds(value: FeelDuration): number {
  return value.days * 86400 + value.hours * 3600 + value.minutes * 60 + value.seconds;
}

function totalMonths(value: FeelDuration): number {
  return value.years * 12 + value.months;
}

function dayTimeParts(seconds: number): number[] {
  return [Math.trunc(seconds / 86400), Math.trunc(seconds / 3600) % 24, Math.trunc(seconds / 60) % 60, seconds % 60];
}

/** Zero is `zero`; all parts <= 0 is '-' and the negated form; otherwise the form itself. */
function signed(parts: readonly number[], zero: string, format: (parts: readonly number[]) => string): string {
  if (parts.every((part) => part === 0)) return zero;
  return parts.every((part) => part <= 0) ? `-${format(parts.map((part) => -part))}` : format(parts);
}

function yearsMonths([years = 0, months = 0]: readonly number[]): string {
  return `P${unit(years, 'Y')}${unit(months, 'M')}`;
}

function daysTime([days = 0, hours = 0, minutes = 0, seconds = 0]: readonly number[]): string {
  const time = `${unit(hours, 'H')}${unit(minutes, 'M')}${unit(seconds, 'S')}`;
  return `P${unit(days, 'D')}${time === '' ? '' : `T${time}`}`;
}

function unit(amount: number, designator: string): string {
  return amount === 0 ? '' : `${amount}${designator}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
