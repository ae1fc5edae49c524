/**
 * A catch event's trigger, evaluated when its owner is entered: the message name and correlation key (a FEEL
 * expression whose result must be a string or a number), the signal name, or the timer's schedule. Evaluation
 * failures are returned as the incident message; nothing is opened then.
 */
import { evaluateExpression, evaluateString } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import { timerSchedule, type TimerSchedule } from '../timers.js';
import { openMessageSubscription, openSignalSubscription, openTimerSubscription, type EventTrigger, type Owner } from './subscriptions.js';

/** What a catch event waits for, evaluated. */
export type PreparedCatch =
  | { readonly kind: 'message'; readonly name: string; readonly correlationKey: string }
  | { readonly kind: 'signal'; readonly name: string }
  | { readonly kind: 'timer'; readonly schedule: TimerSchedule };

const jsonType = (value: unknown): string =>
  value === null ? 'NULL' : Array.isArray(value) ? 'ARRAY' : typeof value === 'object' ? 'OBJECT' : typeof value === 'boolean' ? 'BOOLEAN' : 'UNKNOWN';

/** A correlation key: a string, or a number turned into its text. */
function correlationKeyOf(expression: string, variables: Record<string, unknown>): Result<string, string> {
  const value = evaluateExpression(expression, variables);
  if (!value.ok) return value;
  if (typeof value.value === 'string') return ok(value.value);
  if (typeof value.value === 'number') return ok(String(value.value));
  const body = expression.startsWith('=') ? expression.slice(1) : expression;
  return err(`Failed to extract the correlation key for '${body}': The value must be either a string or a number, but was ${jsonType(value.value)}.`);
}

/** Evaluates what a message, signal or timer catch node waits for. */
export function prepareCatch(node: FlowNode, variables: Record<string, unknown>, now: number): Result<PreparedCatch, string> {
  if (node.eventKind === 'message' && node.message) {
    const name = evaluateString(node.message.name, variables);
    if (!name.ok) return name;
    const key = correlationKeyOf(node.message.correlationKey ?? '', variables);
    return key.ok ? ok({ kind: 'message', name: name.value, correlationKey: key.value }) : key;
  }
  if (node.eventKind === 'signal' && node.signalName !== undefined) {
    const name = evaluateString(node.signalName, variables);
    return name.ok ? ok({ kind: 'signal', name: name.value }) : name;
  }
  if (node.eventKind === 'timer' && node.timer) {
    const schedule = timerSchedule(node.timer, variables, now);
    return schedule.ok ? ok({ kind: 'timer', schedule: schedule.value }) : schedule;
  }
  return err(`Element '${node.id}' does not wait for a message, signal or timer`);
}

/** Opens the subscription of a prepared catch; `trigger` runs with the event's variables (none for a timer). */
export function openCatch(ctx: MachineContext, owner: Owner, prepared: PreparedCatch, trigger: EventTrigger): void {
  if (prepared.kind === 'message') openMessageSubscription(ctx, owner, prepared.name, prepared.correlationKey, trigger);
  else if (prepared.kind === 'signal') openSignalSubscription(ctx, owner, prepared.name, trigger);
  else openTimerSubscription(ctx, owner, prepared.schedule, (catchEventId) => { trigger({}, catchEventId); });
}
