/**
 * Evaluates a decision of a DRG: its required decisions first (depth first, each once, in dependency order),
 * each one's result visible to the decisions that require it under the required decision's id. A decision's
 * result is checked against its variable's typeRef (see `type-ref.ts`). The first failure stops the evaluation and
 * names its decision.
 */
import { err, ok } from '../result.js';
import type { EvalResult } from '../feel/index.js';
import { toJson } from '../feel/to-json.js';
import type { DecisionModel } from '../model/dmn/decision-model.js';
import { evaluateCell } from './cells.js';
import { evaluateTable } from './evaluate-table.js';
import { typeRefProblem } from './type-ref.js';
import type { DrgEvaluation, EvaluatedDecisionResult } from './types.js';

interface Run {
  readonly models: ReadonlyMap<string, DecisionModel>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly results: Map<string, unknown>;
  readonly evaluated: EvaluatedDecisionResult[];
  readonly visiting: Set<string>;
}

type Failure = { readonly decisionId: string; readonly message: string };

function evaluateOne(model: DecisionModel, context: Readonly<Record<string, unknown>>): EvalResult<EvaluatedDecisionResult> {
  const base = { decisionId: model.id, decisionName: model.name, decisionType: model.logic.kind };
  if (model.logic.kind === 'LITERAL_EXPRESSION') {
    const value = evaluateCell(model.logic.expression, context);
    return value.ok ? ok({ ...base, output: value.value, matchedRules: [], evaluatedInputs: [] }) : value;
  }
  const table = evaluateTable(model.logic, context);
  return table.ok ? ok({ ...base, output: table.value.value, matchedRules: table.value.matchedRules, evaluatedInputs: table.value.evaluatedInputs }) : table;
}

function visit(run: Run, id: string, requiredBy: string): Failure | undefined {
  if (run.results.has(id)) return undefined;
  const model = run.models.get(id);
  if (model === undefined) return { decisionId: requiredBy, message: `Expected to evaluate required decision '${id}', but no decision with that id exists in the DRG` };
  if (run.visiting.has(id)) return { decisionId: id, message: `Expected the required decisions of '${id}' to be acyclic, but '${id}' requires itself` };
  run.visiting.add(id);
  for (const required of model.requires) {
    const failure = visit(run, required, id);
    if (failure) return failure;
  }
  const context = { ...run.variables, ...Object.fromEntries(model.requires.map((r) => [run.models.get(r)?.resultName ?? r, run.results.get(r)])) };
  const result = evaluateOne(model, context);
  if (!result.ok) return { decisionId: id, message: result.error };
  run.evaluated.push({ ...result.value, output: toJson(result.value.output) });
  // Checked after the logic ran: dmn-scala's audit log (Zeebe's evaluatedDecisions) already holds this decision.
  const wrongType = typeRefProblem(model.resultType, result.value.output);
  if (wrongType !== undefined) return { decisionId: id, message: wrongType };
  run.results.set(id, result.value.output);
  return undefined;
}

/** Evaluates `decisionId` of the DRG's decisions against the variables. */
export function evaluateDecision(models: ReadonlyMap<string, DecisionModel>, decisionId: string, variables: Readonly<Record<string, unknown>>): DrgEvaluation {
  const run: Run = { models, variables, results: new Map(), evaluated: [], visiting: new Set() };
  const failure = visit(run, decisionId, decisionId);
  if (failure) return { evaluated: run.evaluated, output: null, failure };
  return { evaluated: run.evaluated, output: toJson(run.results.get(decisionId)) };
}

/** The evaluation as a result: the output, or the failure message Zeebe words for a called decision. */
export function decisionOutcome(evaluation: DrgEvaluation, decisionId: string): EvalResult<unknown> {
  if (!evaluation.failure) return ok(evaluation.output);
  return err(`Expected to evaluate decision '${decisionId}', but ${evaluation.failure.message}`);
}
