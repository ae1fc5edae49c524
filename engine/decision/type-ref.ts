/**
 * The type check dmn-scala (Zeebe 8.5's DMN engine) applies to a decision's result when the decision's `variable`
 * has a `typeRef` (TypeChecker.isOfType): no conversion, only a check. null passes; a `feel:` prefix is ignored; a
 * type it does not know (`Any`, `date and time`, `integer`, ...) accepts any value. Input and output clause typeRefs
 * are not checked at all (dmn-scala's DecisionTableEvaluator ignores them).
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { isPlainObject } from '../feel/plain-object.js';
import { formatTemporal } from '../feel/temporal-format.js';

const CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  boolean: (value) => typeof value === 'boolean',
  time: (value) => value instanceof FeelTime,
  date: (value) => value instanceof FeelDate,
  dateTime: (value) => value instanceof FeelDateTime,
  dayTimeDuration: (value) => value instanceof FeelDuration && !value.yearsMonths,
  yearMonthDuration: (value) => value instanceof FeelDuration && value.yearsMonths,
};

/** Why a decision result does not match its typeRef (dmn-scala's words), or undefined when it does. */
export function typeRefProblem(typeRef: string | undefined, value: unknown): string | undefined {
  if (typeRef === undefined || typeRef === '' || value === null || value === undefined) return undefined;
  const type = typeRef.replaceAll('feel:', '');
  const check = CHECKS[type];
  return check === undefined || check(value) ? undefined : `expected '${type}' but found '${scalaVal(value)}'`;
}

/** A value as feel-scala's Val prints it (its Scala case class toString), e.g. `ValString(5)`. */
export function scalaVal(value: unknown): string {
  if (value === null || value === undefined) return 'ValNull';
  if (typeof value === 'string') return `ValString(${value})`;
  if (typeof value === 'number') return `ValNumber(${String(value)})`;
  if (typeof value === 'boolean') return `ValBoolean(${String(value)})`;
  if (Array.isArray(value)) return `ValList(List(${value.map(scalaVal).join(', ')}))`;
  if (isPlainObject(value)) return `ValContext(${Object.entries(value).map(([key, entry]) => `${key} -> ${scalaVal(entry)}`).join(', ')})`;
  return temporalVal(value);
}

function temporalVal(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? formatTemporal(value) : undefined;
  if (value instanceof FeelDate) return `ValDate(${text ?? ''})`;
  if (value instanceof FeelDateTime) return `${value.zone === null ? 'ValLocalDateTime' : 'ValDateTime'}(${text ?? ''})`;
  if (value instanceof FeelTime) return `${value.zone === null ? 'ValLocalTime' : 'ValTime'}(${text ?? ''})`;
  if (value instanceof FeelDuration) return `${value.yearsMonths ? 'ValYearMonthDuration' : 'ValDayTimeDuration'}(${text ?? ''})`;
  return 'ValFunction';
}
