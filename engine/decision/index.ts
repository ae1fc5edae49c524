// The DMN 1.3 runtime of the reference engine: decision tables (every hit policy), literal expressions and
// required decisions, on feelin. Pure: no state, no gRPC.
export type { DrgEvaluation, EvaluatedDecisionResult, EvaluatedInput, EvaluatedOutput, MatchedRule } from './types.js';
export { decisionOutcome, evaluateDecision } from './evaluate-drg.js';
