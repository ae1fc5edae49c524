/**
 * Static timer values as Zeebe checks them at deployment: a duration or a date is ISO-8601; a cycle is an ISO-8601
 * repeating interval when it starts with `R` (as in Zeebe), else a cron expression.
 */
import { parseCron, type CronExpression } from './cron.js';
import { parseCycle, parseDate, parseDuration, type IsoCycle } from './iso8601.js';
import { err, ok, type Result } from '../result.js';

/** A timer cycle: a repeating interval, or a cron expression that repeats forever. */
export type TimerCycle = { readonly kind: 'iso'; readonly cycle: IsoCycle } | { readonly kind: 'cron'; readonly cron: CronExpression };

/** A cycle, or why it is none. */
export function parseTimerCycle(text: string): Result<TimerCycle, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('R')) {
    const cycle = parseCycle(trimmed);
    return cycle ? ok({ kind: 'iso', cycle }) : err('expected an ISO-8601 cycle');
  }
  const cron = parseCron(trimmed);
  return cron.ok ? ok({ kind: 'cron', cron: cron.value }) : err(`expected an ISO-8601 cycle or a cron expression; ${cron.error}`);
}

/** Why a static timer value is not valid for its type, or undefined when it is. */
export function timerValueProblem(type: 'duration' | 'date' | 'cycle', value: string): string | undefined {
  if (type === 'cycle') {
    const cycle = parseTimerCycle(value);
    return cycle.ok ? undefined : `Invalid timer cycle '${value}': ${cycle.error}`;
  }
  const valid = type === 'duration' ? parseDuration(value) : parseDate(value);
  return valid === undefined ? `Invalid timer ${type} '${value}': expected an ISO-8601 ${type}` : undefined;
}
