/** What a decision evaluation produced, per decision, as the EvaluateDecision response describes it. */
import type { DecisionModel } from '../model/dmn/decision-model.js';

/** An evaluated input of a decision table: its value as JSON text. */
export interface EvaluatedInput {
  readonly inputId: string;
  readonly inputName: string;
  readonly inputValue: string;
}

/** An output of a matched rule: its value as JSON text. */
export interface EvaluatedOutput {
  readonly outputId: string;
  readonly outputName: string;
  readonly outputValue: string;
}

/** A rule that matched; `ruleIndex` counts from 1, as in Zeebe. */
export interface MatchedRule {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly evaluatedOutputs: readonly EvaluatedOutput[];
}

/** One decision that was evaluated: its output (a JSON value) and, for tables, what matched. */
export interface EvaluatedDecisionResult {
  readonly decisionId: string;
  readonly decisionName: string;
  readonly decisionType: DecisionModel['logic']['kind'];
  readonly output: unknown;
  readonly matchedRules: readonly MatchedRule[];
  readonly evaluatedInputs: readonly EvaluatedInput[];
}

/** The evaluation of a decision and the decisions it requires, in the order they ran; a failure names its decision. */
export interface DrgEvaluation {
  readonly evaluated: readonly EvaluatedDecisionResult[];
  /** The requested decision's output (a JSON value); null when the evaluation failed. */
  readonly output: unknown;
  readonly failure?: { readonly decisionId: string; readonly message: string };
}
