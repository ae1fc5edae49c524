// Multi-instance input collections: https://docs.camunda.io/docs/components/modeler/bpmn/multi-instance/
import { err, ok } from '../result.js';
import { unexpectedType, withWarnings } from './messages.js';
import { parseProperty } from './property.js';
import { resultTypeOf } from './result-type.js';
import { runFeel } from './run-feel.js';
import { toJson } from './to-json.js';
import type { EvalResult, Variables } from './types.js';

/** An expression that must give a list (ARRAY); anything else fails with Zeebe's type-mismatch wording. */
export function evaluateList(expression: string, variables: Variables): EvalResult<unknown[]> {
  const property = parseProperty(expression);
  const feel = property.kind === 'feel' ? property.feel : property.text;
  const outcome = property.kind === 'feel' ? runFeel(feel, variables) : ok({ value: property.text, warnings: [] });
  if (!outcome.ok) return outcome;
  const { value, warnings } = outcome.value;
  if (!Array.isArray(value)) return err(withWarnings(unexpectedType(feel, 'ARRAY', resultTypeOf(value)), warnings));
  return ok(value.map(toJson));
}
