/** Deployed decisions by id (latest version per tenant) or by key, and one evaluation as Zeebe records it. */
import { evaluateDecision, type DrgEvaluation } from '../decision/index.js';
import type { MachineContext } from './context.js';
import type { DecisionRequirementsRecord } from './types.js';

/** A deployed decision: its DRG record and its own key and version. */
export interface DeployedDecision {
  readonly drg: DecisionRequirementsRecord;
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

/** The latest version of a decision id for a tenant. */
export function latestDecision(ctx: MachineContext, tenantId: string, decisionId: string): DeployedDecision | undefined {
  let found: DeployedDecision | undefined;
  for (const drg of ctx.state.drgs.byKey.values()) {
    if (drg.tenantId !== tenantId) continue;
    const decision = drg.decisions.find((d) => d.id === decisionId);
    if (decision && (!found || decision.version > found.version)) found = { drg, ...decision };
  }
  return found;
}

/** The decision with a key, whatever its tenant (callers check the tenant). */
export function decisionByKey(ctx: MachineContext, key: string): DeployedDecision | undefined {
  for (const drg of ctx.state.drgs.byKey.values()) {
    const decision = drg.decisions.find((d) => d.key === key);
    if (decision) return { drg, ...decision };
  }
  return undefined;
}

/** Evaluates a deployed decision against variables. */
export function evaluateDeployed(decision: DeployedDecision, variables: Readonly<Record<string, unknown>>): DrgEvaluation {
  return evaluateDecision(decision.drg.drg.models, decision.id, variables);
}
