import { parseExpression } from 'feelin';
import { CAMUNDA_FUNCTIONS } from './camunda-functions.js';
import { parseFailure } from './messages.js';
import { parseProperty } from './property.js';
import { runFeel } from './run-feel.js';

/**
 * Deploy-time syntax check of an expression property: undefined when it parses (a static value always does, even
 * where Zeebe requires an expression; callers check that), else "failed to parse expression 'x': <reason>".
 */
export function feelSyntaxError(expression: string): string | undefined {
  const property = parseProperty(expression);
  if (property.kind === 'static' || !hasErrorNode(property.feel)) return undefined;
  // feelin reports the reason only while building its evaluator, which throws before evaluating anything.
  const attempt = runFeel(property.feel, {});
  return attempt.ok ? parseFailure(property.feel, 'syntax error') : attempt.error;
}

function hasErrorNode(feel: string): boolean {
  let found = false;
  parseExpression(feel, CAMUNDA_FUNCTIONS, undefined).iterate({
    enter: (node) => {
      found ||= node.type.isError;
      return !found;
    },
  });
  return found;
}
