/**
 * Timer cycles as Zeebe reads them: an ISO-8601 repeating interval when the text starts with `R`, else a cron
 * expression.
 */
import { parseCron, type CronExpression } from './cron.js';
import { parseCycle, type IsoCycle } from './iso8601.js';
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
