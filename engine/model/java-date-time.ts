/**
 * A date-time text as real Zeebe writes a user task's due and follow-up date: `ZonedDateTime.parse(text).toString()`
 * (BpmnUserTaskBehavior.evaluateDateExpression). Java prints the time as `HH:mm`, seconds only when the time has
 * seconds or a fraction, the fraction in groups of three digits, a zero offset as `Z`, and a zone id in brackets.
 */
import { parseDate } from './iso8601.js';

const OFFSET = /^(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)(?:\[([^\]]+)\])?$/;

/** Java's LocalTime fraction: none, or 3, 6 or 9 digits, the fewest that keep every non-zero digit. */
function fraction(digits: string | undefined): string {
  const nanos = (digits ?? '').padEnd(9, '0');
  if (/^0+$/.test(nanos)) return '';
  const length = nanos.endsWith('000000') ? 3 : nanos.endsWith('000') ? 6 : 9;
  return `.${nanos.slice(0, length)}`;
}

/** Java's ZoneOffset id: `Z` for zero, else `+HH:MM`, with `:ss` only when there are seconds. */
function offsetId(offset: string): string {
  if (offset === 'Z') return 'Z';
  const [hours = '00', minutes = '00', seconds = '00'] = offset.slice(1).split(':');
  if (Number(hours) + Number(minutes) + Number(seconds) === 0) return 'Z';
  return `${offset.charAt(0)}${hours}:${minutes}${seconds === '00' ? '' : `:${seconds}`}`;
}

/** What Java's ZonedDateTime.toString gives for an ISO-8601 date-time with an offset; undefined if it does not parse. */
export function javaZonedDateTime(text: string): string | undefined {
  const match = ZONED.exec(text);
  if (!match || parseDate(text) === undefined) return undefined;
  const [, date = '', hoursMinutes = '', seconds, digits, offset = '', zone] = match;
  const fractionText = fraction(digits);
  const secondsText = (seconds === undefined || seconds === '00') && fractionText === '' ? '' : `:${seconds ?? '00'}${fractionText}`;
  const id = offsetId(offset);
  const zoneIsOffset = zone === undefined || (OFFSET.test(zone) && offsetId(zone) === id);
  const zoneText = zoneIsOffset ? '' : `[${zone}]`;
  return `${date}T${hoursMinutes}${secondsText}${id}${zoneText}`;
}
