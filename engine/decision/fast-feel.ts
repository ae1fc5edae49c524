/**
 * A fast path for the FEEL cells decision tables are mostly made of: literals, variable names and paths, and
 * unary tests that compare the input with literals (`< 10`, `"a","b"`, `[1..5]`, `-`). feelin parses every text
 * on every evaluation; these forms are recognised with a few regular expressions instead and give feelin's result.
 * Anything else returns undefined and goes to feelin.
 */

type Literal = { readonly value: number | string | boolean | null };

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const STRING = /^"([^"\\]*)"$/;
const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const RESERVED = new Set(['true', 'false', 'null', 'not', 'and', 'or', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function']);
const COMPARISON = /^(<=|>=|<|>|=|!=)?\s*(.+)$/s;
const RANGE = /^([[(\]])\s*(\S+?)\s*\.\.\s*(\S+?)\s*([\])[])$/;

/** A literal cell (number, string without escapes, boolean, null), or undefined. */
function literal(text: string): Literal | undefined {
  if (NUMBER.test(text)) return { value: Number(text) };
  const string = STRING.exec(text);
  if (string) return { value: string[1] ?? '' };
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  return text === 'null' ? { value: null } : undefined;
}

/** An expression cell that is a literal or a variable (path): its value, or undefined for anything else. */
export function fastExpression(text: string, context: Readonly<Record<string, unknown>>): Literal | { readonly value: unknown } | undefined {
  const constant = literal(text);
  if (constant) return constant;
  if (!NAME.test(text) || text.split('.').some((part) => RESERVED.has(part))) return undefined;
  let value: unknown = context;
  for (const part of text.split('.')) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return { value: value ?? null };
}


const COMPARE: Readonly<Record<string, (input: number | string, bound: number | string) => boolean>> = {
  '<': (i, b) => i < b,
  '<=': (i, b) => i <= b,
  '>': (i, b) => i > b,
  '>=': (i, b) => i >= b,
};

/** One simple test: a comparison with a literal or a numeric range; undefined when it is not that simple. */
function simpleTest(text: string, input: unknown): boolean | undefined {
  const range = RANGE.exec(text);
  if (range) {
    const [, open, low, high, close] = range;
    const from = literal(low ?? '');
    const to = literal(high ?? '');
    if (!from || !to || typeof from.value !== 'number' || typeof to.value !== 'number') return undefined;
    if (typeof input !== 'number') return false;
    const aboveLow = open === '[' ? input >= from.value : input > from.value;
    const belowHigh = close === ']' ? input <= to.value : input < to.value;
    return aboveLow && belowHigh;
  }
  const [, operator = '', operand = ''] = COMPARISON.exec(text) ?? [];
  const bound = literal(operand.trim());
  if (!bound) return undefined;
  if (operator === '' || operator === '=') return input === bound.value;
  if (operator === '!=') return input === null || bound.value === null || typeof input === typeof bound.value ? input !== bound.value : false;
  const compare = COMPARE[operator];
  const value = bound.value;
  if (compare === undefined) return undefined;
  if (typeof input === 'number' && typeof value === 'number') return compare(input, value);
  return typeof input === 'string' && typeof value === 'string' ? compare(input, value) : false;
}

/** The comma-separated parts of a cell, commas inside strings kept. */
function parts(tests: string): string[] {
  const found: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of tests) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      found.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  return [...found, current];
}

/**
 * A unary-tests cell made of simple tests separated by commas, or undefined. Ordering a value against a literal of
 * another type is no match (FEEL: null, "not comparable"), where feelin would compare JavaScript values.
 */
export function fastUnaryTest(tests: string, input: unknown): boolean | undefined {
  let any = false;
  for (const part of parts(tests)) {
    const result = simpleTest(part.trim(), input);
    if (result === undefined) return undefined;
    any ||= result;
  }
  return any;
}
