// Variable mappings: https://docs.camunda.io/docs/components/concepts/variables/#inputoutput-variable-mappings
import { ok } from '../result.js';
import { evaluateExpression } from './expressions.js';
import { createDocument, materialize, putValue, valueAtPath, type MergeSource } from './mapping-document.js';
import type { EvalResult, Variables } from './types.js';

/** One zeebe:input or zeebe:output: a source expression property and a target variable name or path 'a.b.c'. */
export interface Mapping {
  readonly source: string;
  readonly target: string;
}

/**
 * Input mappings: each source is evaluated in order against the scope's visible variables overlaid with the
 * earlier inputs; the result is the element's local variables (nested targets build fresh objects, never merged
 * with existing variables). A static source is the string itself.
 */
export function applyInputMappings(
  mappings: readonly Mapping[],
  variables: Variables,
): EvalResult<Record<string, unknown>> {
  return applyMappings(mappings, variables, undefined);
}

/**
 * Output mappings: each source is evaluated in order against the element's variables overlaid with the earlier
 * outputs; the result is what to propagate to the flow scope. A nested target 'a.b' is merged into the existing
 * value of `a` from `outerVariables` at every level (a's other keys are kept; a non-object `a` becomes null).
 */
export function applyOutputMappings(
  mappings: readonly Mapping[],
  variables: Variables,
  outerVariables: Variables,
): EvalResult<Record<string, unknown>> {
  return applyMappings(mappings, variables, (path) => valueAtPath(outerVariables, path));
}

function applyMappings(
  mappings: readonly Mapping[],
  variables: Variables,
  mergeSource: MergeSource | undefined,
): EvalResult<Record<string, unknown>> {
  const document = createDocument(mergeSource);
  for (const { source, target } of mappings) {
    const result = evaluateExpression(source, { ...variables, ...materialize(document.root) });
    if (!result.ok) return result;
    putValue(document, target, result.value);
  }
  return ok(materialize(document.root));
}
