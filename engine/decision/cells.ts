/** FEEL for decision cells: expressions (inputs, outputs, literal expressions) and unary tests (input entries). */
import { unaryTest } from 'feelin';
import { err, ok } from '../result.js';
import type { EvalResult } from '../feel/index.js';
import { runFeel } from '../feel/run-feel.js';
import { fastExpression, fastUnaryTest } from './fast-feel.js';

/** Evaluates a FEEL expression cell; an empty cell is null. The value is feelin's (not yet JSON). */
export function evaluateCell(expression: string, context: Readonly<Record<string, unknown>>): EvalResult<unknown> {
  if (expression === '') return ok(null);
  const fast = fastExpression(expression, context);
  if (fast) return ok(fast.value);
  const outcome = runFeel(expression, context);
  return outcome.ok ? ok(outcome.value.value) : outcome;
}

/** Whether an input entry's unary tests accept the input value (`-` or empty: any value). */
export function testCell(tests: string, input: unknown, context: Readonly<Record<string, unknown>>): EvalResult<boolean> {
  if (tests === '' || tests === '-') return ok(true);
  const fast = fastUnaryTest(tests, input);
  if (fast !== undefined) return ok(fast);
  try {
    return ok(unaryTest(tests, { ...context, '?': input, cellInput: input }).value === true);
  } catch (error: unknown) {
    return err(`failed to evaluate unary-tests '${tests}': ${error instanceof Error ? error.message : String(error)}`);
  }
}
