/**
 * Built-in functions of Camunda's FEEL (feel-scala) that feelin lacks, so models written for Zeebe evaluate as there
 * (https://docs.camunda.io/docs/components/modeler/feel/builtin-functions/). feelin gives a missing variable as null,
 * so `is defined(x)` is false for a variable set to null too (feel-scala: true).
 */
import { randomUUID } from 'node:crypto';

type Builtin = ((...args: unknown[]) => unknown) & { $args?: readonly string[] };

/** A function with its parameter names, which feelin reads from `$args` (positional and named arguments). */
function named(parameters: readonly string[], body: (...args: unknown[]) => unknown): Builtin {
  return Object.assign(body, { $args: parameters });
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Each answers null for arguments of the wrong type, as feel-scala's failed invocations do. */
export const CAMUNDA_FUNCTIONS: Readonly<Record<string, Builtin>> = {
  'is defined': named(['value'], (value) => value !== null && value !== undefined),
  'get or else': named(['value', 'default'], (value, fallback) => value ?? fallback ?? null),
  'is empty': named(['list'], (list) => (Array.isArray(list) ? list.length === 0 : null)),
  'is blank': named(['string'], (text) => (isText(text) ? text.trim() === '' : null)),
  trim: named(['string'], (text) => (isText(text) ? text.trim() : null)),
  uuid: named([], () => randomUUID()),
  'duplicate values': named(['list'], (list) => (Array.isArray(list) ? [...new Set(list.filter((item, i) => list.indexOf(item) !== i))] : null)),
  partition: named(['list', 'size'], (list, size) => {
    if (!Array.isArray(list) || !isPositiveInteger(size)) return null;
    const items: readonly unknown[] = list;
    return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
  }),
  /** feel-scala fails the evaluation (an incident in Zeebe) when the condition does not hold. */
  assert: named(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition === true) return value;
    throw new Error(isText(cause) ? cause : 'The condition is not fulfilled');
  }),
};

const ENTRIES = Object.entries(CAMUNDA_FUNCTIONS);

/**
 * The built-ins an expression may call (by name in its text), or undefined for none: feelin tokenizes every name of
 * its context, so passing all of them would slow every evaluation (by about 12 % for a simple condition).
 */
export function builtinsFor(feel: string): Readonly<Record<string, Builtin>> | undefined {
  const used = ENTRIES.filter(([name]) => feel.includes(name));
  return used.length === 0 ? undefined : Object.fromEntries(used);
}
