// Expression properties: https://docs.camunda.io/docs/components/concepts/expressions/
import { err, ok } from '../result.js';
import { emptyString, staticValueFound, unexpectedType, withWarnings } from './messages.js';
import { parseProperty, staticValue } from './property.js';
import { resultTypeOf, type ResultType } from './result-type.js';
import { evaluateProperty, runFeel, type FeelOutcome, type PropertyOutcome } from './run-feel.js';
import { toJson } from './to-json.js';
import type { EvalResult, Variables } from './types.js';

/** A raw result and the expression text Zeebe names in messages (the FEEL text without '=', or the static value). */
interface Outcome extends FeelOutcome {
  readonly text: string;
}

/** Evaluates an expression property: '=...' as FEEL, anything else as the static string itself. */
export function evaluateExpression(expression: string, variables: Variables): EvalResult<unknown> {
  const outcome = evaluateJson(expression, variables);
  return outcome.ok ? ok(outcome.value.value) : outcome;
}

/** A static value as it is, or a FEEL result as JSON, with the text Zeebe names in messages and the warnings. */
export function evaluateJson(expression: string, variables: Variables): EvalResult<PropertyOutcome> {
  const outcome = evaluateProperty(expression, variables);
  return outcome.ok && !outcome.value.isStatic ? ok({ ...outcome.value, value: toJson(outcome.value.value) }) : outcome;
}

/** A sequence-flow condition: FEEL only, and the result must be a boolean (null included is an incident). */
export function evaluateCondition(expression: string, variables: Variables): EvalResult<boolean> {
  const property = parseProperty(expression);
  if (property.kind === 'static') return err(staticValueFound(expression));
  const outcome = runFeel(property.feel, variables);
  if (!outcome.ok) return outcome;
  const { value } = outcome.value;
  return typeof value === 'boolean' ? ok(value) : typeMismatch({ ...outcome.value, text: property.feel }, 'BOOLEAN');
}

/** A job type: a non-empty STRING result; a static value that is a number is a NUMBER, as in Zeebe. */
export function evaluateString(expression: string, variables: Variables): EvalResult<string> {
  const outcome = typedOutcome(expression, variables);
  if (!outcome.ok) return outcome;
  const { value, text, warnings } = outcome.value;
  if (typeof value !== 'string') return typeMismatch(outcome.value, 'STRING');
  return value === '' ? err(withWarnings(emptyString(text), warnings)) : ok(value);
}

/** Job retries: a NUMBER result (static '3' or '=expr'), truncated to an integer as Zeebe's Number.longValue(). */
export function evaluateInteger(expression: string, variables: Variables): EvalResult<number> {
  const outcome = typedOutcome(expression, variables);
  if (!outcome.ok) return outcome;
  const { value } = outcome.value;
  return resultTypeOf(value) === 'NUMBER' && typeof value === 'number'
    ? ok(Math.trunc(value) + 0)
    : typeMismatch(outcome.value, 'NUMBER');
}

/** A static value typed as Zeebe types it (a decimal literal is a NUMBER), or FEEL's raw result. */
function typedOutcome(expression: string, variables: Variables): EvalResult<Outcome> {
  const outcome = evaluateProperty(expression, variables);
  return outcome.ok && outcome.value.isStatic ? ok({ ...outcome.value, value: staticValue(outcome.value.text) }) : outcome;
}

function typeMismatch(outcome: Outcome, expected: ResultType): { ok: false; error: string } {
  return err(withWarnings(unexpectedType(outcome.text, expected, resultTypeOf(outcome.value)), outcome.warnings));
}
