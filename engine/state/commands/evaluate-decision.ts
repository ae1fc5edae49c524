/**
 * EvaluateDecision: the decision by id (latest version for the request's tenant) or by key, evaluated with the
 * request's variables. A failed evaluation is an OK answer naming `failedDecisionId` and `failureMessage`, as the
 * page describes the response; an unknown decision is INVALID_ARGUMENT (spec/gateway-service.md).
 */
import type { DrgEvaluation, EvaluatedDecisionResult } from '../../decision/index.js';
import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import { decisionByKey, evaluateDeployed, latestDecision, type DeployedDecision } from '../decisions.js';
import type { Command, Rejection } from '../machine.js';
import { documentOf } from './lookups.js';

interface EvaluateRequest {
  readonly decisionKey: string;
  readonly decisionId: string;
  readonly variables: string;
}

const DEPLOYMENT_PARTITION = 1;

function findDecision(ctx: MachineContext, request: EvaluateRequest, tenantId: string): Result<DeployedDecision, Rejection> {
  if (request.decisionId !== '') {
    const found = latestDecision(ctx, tenantId, request.decisionId);
    const reason = `Expected to evaluate decision '${request.decisionId}', but no decision found for id '${request.decisionId}'`;
    return found ? ok(found) : err({ type: 'INVALID_ARGUMENT', intent: 'EVALUATE', reason, ruleId: 'EvaluateDecision/INVALID_ARGUMENT/unknown-id' });
  }
  const found = decisionByKey(ctx, request.decisionKey);
  const reason = `Expected to evaluate decision with key '${request.decisionKey}', but no decision found for key '${request.decisionKey}'`;
  return found?.drg.tenantId === tenantId ? ok(found) : err({ type: 'INVALID_ARGUMENT', intent: 'EVALUATE', reason, ruleId: 'EvaluateDecision/INVALID_ARGUMENT/unknown-key' });
}

/** The decision the DRG holds under an id (the requested one or one it requires), as the response names it. */
function describe(decision: DeployedDecision, result: EvaluatedDecisionResult): Record<string, unknown> {
  const deployed = decision.drg.decisions.find((d) => d.id === result.decisionId);
  return {
    decisionKey: deployed?.key ?? '0',
    decisionId: result.decisionId,
    decisionName: result.decisionName,
    decisionVersion: deployed?.version ?? decision.version,
    decisionType: result.decisionType,
    decisionOutput: JSON.stringify(result.output),
    matchedRules: result.matchedRules,
    evaluatedInputs: result.evaluatedInputs,
    tenantId: decision.drg.tenantId,
  };
}

function response(ctx: MachineContext, decision: DeployedDecision, evaluation: DrgEvaluation): Record<string, unknown> {
  return {
    decisionKey: decision.key,
    decisionId: decision.id,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.drg.id,
    decisionRequirementsKey: decision.drg.key,
    decisionOutput: JSON.stringify(evaluation.output),
    evaluatedDecisions: evaluation.evaluated.map((result) => describe(decision, result)),
    failedDecisionId: evaluation.failure?.decisionId ?? '',
    failureMessage: evaluation.failure === undefined ? '' : `Expected to evaluate decision '${decision.id}', but ${evaluation.failure.message}`,
    tenantId: decision.drg.tenantId,
    decisionInstanceKey: ctx.keys.next(DEPLOYMENT_PARTITION),
  };
}

/** EvaluateDecision. */
export function evaluateDecisionCommand(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const request = command.request as EvaluateRequest;
  const tenantId = command.tenantIds[0] ?? '<default>';
  const found = findDecision(ctx, request, tenantId);
  if (!found.ok) return found;
  return ok(response(ctx, found.value, evaluateDeployed(found.value, documentOf(request.variables))));
}
