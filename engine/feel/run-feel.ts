import { evaluate, SyntaxError as FeelSyntaxError } from 'feelin';
import { builtinsFor } from './camunda-functions.js';
import { err, ok } from '../result.js';
import { evaluationFailure, parseFailure } from './messages.js';
import { parseProperty } from './property.js';
import type { EvalResult, Variables } from './types.js';
import { describeWarning } from './warnings.js';

/** A FEEL evaluation that completed: feelin's raw value (not yet JSON) and the warnings, Zeebe-formatted. */
export interface FeelOutcome {
  readonly value: unknown;
  readonly warnings: readonly string[];
}

/**
 * Evaluates FEEL text (without the '=') against the variables. A missing variable is not a failure but a null
 * value with a warning, as in feel-scala >= 1.17; only a parse error or a thrown evaluation is a failure.
 */
export function runFeel(feel: string, variables: Variables): EvalResult<FeelOutcome> {
  try {
    const builtins = builtinsFor(feel);
    // A variable of the same name wins over a built-in, as in feel-scala.
    const { value, warnings } = evaluate(feel, builtins ? { ...builtins, ...variables } : variables);
    return ok({ value, warnings: warnings.map(describeWarning) });
  } catch (error: unknown) {
    return err(describeThrown(feel, error));
  }
}

function describeThrown(feel: string, error: unknown): string {
  if (error instanceof FeelSyntaxError) {
    return parseFailure(feel, `${error.message} at position ${error.position.from}`);
  }
  return evaluationFailure(feel, error instanceof Error ? error.message : String(error));
}

/** An evaluated expression property: the text Zeebe names in messages (FEEL without '=', or the static value). */
export interface PropertyOutcome extends FeelOutcome {
  readonly text: string;
  readonly isStatic: boolean;
}

/** Evaluates an expression property: '=...' as FEEL (feelin's raw value), anything else as the static string itself. */
export function evaluateProperty(expression: string, variables: Variables): EvalResult<PropertyOutcome> {
  const property = parseProperty(expression);
  if (property.kind === 'static') return ok({ text: property.text, value: property.text, warnings: [], isStatic: true });
  const outcome = runFeel(property.feel, variables);
  return outcome.ok ? ok({ ...outcome.value, text: property.feel, isStatic: false }) : outcome;
}
