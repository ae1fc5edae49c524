import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { isPlainObject } from './plain-object.js';

/** Zeebe's io.camunda.zeebe.el.ResultType, as named in "Expected result ... to be 'X', but was 'Y'." messages. */
export type ResultType =
  | 'NULL' | 'BOOLEAN' | 'NUMBER' | 'STRING' | 'ARRAY' | 'OBJECT'
  | 'DURATION' | 'PERIOD' | 'DATE' | 'DATE_TIME' | 'UNKNOWN';

/**
 * The Zeebe result type of a raw feelin value (FeelEvaluationResult.getType): times, functions and ranges are
 * UNKNOWN; a non-finite number (feelin only, feel-scala has none) counts as NULL since it is stored as null.
 */
export function resultTypeOf(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isFinite(value) ? 'NUMBER' : 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (isPlainObject(value)) return 'OBJECT';
  return temporalType(value);
}

function temporalType(value: unknown): ResultType {
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDate) return 'DATE';
  return 'UNKNOWN';
}
