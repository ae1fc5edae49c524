import assert from 'node:assert/strict';
import type { GatewayClient } from '../../suites/harness/client.js';

/** The EvaluateDecision answer, as far as the decision specs read it. */
export interface DecisionAnswer {
  decisionKey: string; decisionId: string; decisionName: string; decisionVersion: number; decisionRequirementsId: string; decisionRequirementsKey: string;
  decisionOutput: string; evaluatedDecisions: EvaluatedDecision[]; failedDecisionId: string; failureMessage: string; tenantId: string; decisionInstanceKey: string;
}

export interface EvaluatedDecision {
  decisionKey: string; decisionId: string; decisionName: string; decisionVersion: number; decisionType: string; decisionOutput: string; tenantId: string;
  matchedRules: { ruleId: string; ruleIndex: number; evaluatedOutputs: { outputId: string; outputName: string; outputValue: string }[] }[];
  evaluatedInputs: { inputId: string; inputName: string; inputValue: string }[];
}

/** EvaluateDecision by id over a client: the whole answer (the call must be OK), or just the output of a success. */
export function decisionCalls(client: () => GatewayClient): {
  evaluate: (decisionId: string, variables: object) => Promise<DecisionAnswer>;
  output: (decisionId: string, variables: object) => Promise<unknown>;
} {
  const evaluate = async (decisionId: string, variables: object): Promise<DecisionAnswer> => {
    const outcome = await client().call('EvaluateDecision', { decisionId, variables: JSON.stringify(variables) });
    assert.equal(outcome.status, 'OK', outcome.details);
    return outcome.responses[0] as DecisionAnswer;
  };
  const output = async (decisionId: string, variables: object): Promise<unknown> => {
    const answer = await evaluate(decisionId, variables);
    assert.equal(answer.failureMessage, '', answer.failureMessage);
    return JSON.parse(answer.decisionOutput) as unknown;
  };
  return { evaluate, output };
}
