// Camunda user task properties: https://docs.camunda.io/docs/components/modeler/bpmn/user-tasks/
import { javaZonedDateTime } from '../model/java-date-time.js';
import { err, ok } from '../result.js';
import { unexpectedType, withWarnings } from './messages.js';
import { resultTypeOf } from './result-type.js';
import { evaluateJson } from './expressions.js';
import type { EvalResult, Variables } from './types.js';

/** An assignee: a STRING. */
export function evaluateText(expression: string, variables: Variables): EvalResult<string> {
  const outcome = evaluateJson(expression, variables);
  if (!outcome.ok) return outcome;
  const { text, value, warnings } = outcome.value;
  return typeof value === 'string' ? ok(value) : err(withWarnings(unexpectedType(text, 'STRING', resultTypeOf(value)), warnings));
}

/** Candidate groups or users: a static comma-separated list, or an ARRAY of STRINGs. */
export function evaluateStringList(expression: string, variables: Variables): EvalResult<string[]> {
  const outcome = evaluateJson(expression, variables);
  if (!outcome.ok) return outcome;
  const { text, value, warnings, isStatic } = outcome.value;
  if (isStatic && typeof value === 'string') return ok(value.split(',').map((v) => v.trim()).filter((v) => v !== ''));
  if (!Array.isArray(value)) return err(withWarnings(unexpectedType(text, 'ARRAY', resultTypeOf(value)), warnings));
  if (value.every((item): item is string => typeof item === 'string')) return ok(value);
  return err(withWarnings(`Expected result of the expression '${text}' to be 'ARRAY' containing 'STRING' items, but was 'ARRAY' containing at least one non-'STRING' item.`, warnings));
}

/**
 * A due or follow-up date: a date-time with an offset (a FEEL date and time, or an ISO-8601 string), written as Java's
 * ZonedDateTime.toString as Zeebe does ('2026-12-01T10:00Z'); null or '' is no date (Zeebe evaluates them nullable).
 */
export function evaluateDateTime(expression: string, variables: Variables): EvalResult<string> {
  const outcome = evaluateJson(expression, variables);
  if (!outcome.ok) return outcome;
  const { text, value, warnings } = outcome.value;
  if (value === null || value === '') return ok('');
  const dateTime = typeof value === 'string' ? javaZonedDateTime(value) : undefined;
  if (dateTime !== undefined) return ok(dateTime);
  const actual = typeof value === 'string' ? `'STRING' '${value}'` : `'${resultTypeOf(value)}'`;
  return err(withWarnings(`Expected result of the expression '${text}' to be a valid date-time string (ISO-8601 with an offset), but was ${actual}.`, warnings));
}
