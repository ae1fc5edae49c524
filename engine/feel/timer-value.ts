// Timer values (https://docs.camunda.io/docs/components/modeler/bpmn/timer-events/), typed as Zeebe's
// ExpressionProcessor does for a timer: evaluateIntervalExpression, evaluateDateTimeExpression, evaluateStringExpression.
import { FeelDateTime, FeelDuration } from 'feelin';
import { parseDate, parseDuration, type IsoDuration } from '../model/iso8601.js';
import { parseTimerCycle, type TimerCycle } from '../model/timer-values.js';
import { err, ok } from '../result.js';
import { unexpectedType, withWarnings } from './messages.js';
import { resultTypeOf, type ResultType } from './result-type.js';
import { evaluateProperty, type PropertyOutcome } from './run-feel.js';
import { formatDuration, formatTemporal } from './temporal-format.js';
import type { EvalResult, Variables } from './types.js';

/** A timer's evaluated value: when it is due (a duration from now, a date) or how it repeats. */
export type TimerValue =
  | { readonly type: 'duration'; readonly duration: IsoDuration }
  | { readonly type: 'date'; readonly at: number }
  | { readonly type: 'cycle'; readonly cycle: TimerCycle };

/** A static value is the STRING itself; '=...' is FEEL, its raw result kept (a duration or date-time is no string). */
type Evaluated = PropertyOutcome;

const failure = (evaluated: Evaluated, message: string): { ok: false; error: string } => err(withWarnings(message, evaluated.warnings));

/** Java's List.toString of the accepted result types, as Zeebe's typeCheck names them. */
const oneOf = (evaluated: Evaluated, expected: readonly ResultType[]): { ok: false; error: string } =>
  failure(evaluated, `Expected result of the expression '${evaluated.text}' to be one of '[${expected.join(', ')}]', but was '${resultTypeOf(evaluated.value)}'.`);

/** A DURATION, a PERIOD, or a STRING that is an ISO-8601 duration. */
function durationOf(evaluated: Evaluated): EvalResult<TimerValue> {
  const { value, text } = evaluated;
  const iso = value instanceof FeelDuration ? formatDuration(value) : value;
  if (typeof iso !== 'string') return oneOf(evaluated, ['DURATION', 'PERIOD', 'STRING']);
  const duration = parseDuration(iso);
  return duration ? ok({ type: 'duration', duration }) : failure(evaluated, `Invalid duration format '${iso}' for expression '${text}'.`);
}

/** A DATE_TIME (a local one is taken as UTC, the engine's zone) or a STRING that is a date-time with an offset. */
function dateOf(evaluated: Evaluated): EvalResult<TimerValue> {
  const { value, text } = evaluated;
  if (value instanceof FeelDateTime) {
    const formatted = formatTemporal(value) ?? '';
    const at = parseDate(value.zone === null ? `${formatted}Z` : formatted);
    return at === undefined ? oneOf(evaluated, ['DATE_TIME', 'STRING']) : ok({ type: 'date', at });
  }
  if (typeof value !== 'string') return oneOf(evaluated, ['DATE_TIME', 'STRING']);
  const at = parseDate(value);
  return at === undefined ? failure(evaluated, `Invalid date-time format '${value}' for expression '${text}'.`) : ok({ type: 'date', at });
}

/** A STRING: an ISO-8601 repeating interval when it starts with 'R', else a cron expression. */
function cycleOf(evaluated: Evaluated): EvalResult<TimerValue> {
  const { value, text } = evaluated;
  if (typeof value !== 'string') return failure(evaluated, unexpectedType(text, 'STRING', resultTypeOf(value)));
  const cycle = parseTimerCycle(value);
  return cycle.ok ? ok({ type: 'cycle', cycle: cycle.value }) : failure(evaluated, `Invalid cycle '${value}' for expression '${text}': ${cycle.error}`);
}

const BY_TYPE = { duration: durationOf, date: dateOf, cycle: cycleOf } as const;

/** Evaluates a timer's value (static or '=FEEL') against variables, with Zeebe's failure messages. */
export function evaluateTimerValue(type: TimerValue['type'], expression: string, variables: Variables): EvalResult<TimerValue> {
  const evaluated = evaluateProperty(expression, variables);
  return evaluated.ok ? BY_TYPE[type](evaluated.value) : evaluated;
}
