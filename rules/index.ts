/** The rules catalogue: every documented error condition and tenant rule as data (pure: no I/O). */
import { rules as activateJobs } from './catalogue/activate-jobs.js';
import { rules as broadcastSignal } from './catalogue/broadcast-signal.js';
import { rules as cancelProcessInstance } from './catalogue/cancel-process-instance.js';
import { rules as completeJob } from './catalogue/complete-job.js';
import { rules as createProcessInstance } from './catalogue/create-process-instance.js';
import { rules as createProcessInstanceWithResult } from './catalogue/create-process-instance-with-result.js';
import { rules as deleteResource } from './catalogue/delete-resource.js';
import { rules as deployProcess } from './catalogue/deploy-process.js';
import { rules as deployResource } from './catalogue/deploy-resource.js';
import { rules as evaluateDecision } from './catalogue/evaluate-decision.js';
import { rules as failJob } from './catalogue/fail-job.js';
import { rules as gateway } from './catalogue/gateway.js';
import { rules as migrateProcessInstance } from './catalogue/migrate-process-instance.js';
import { rules as modifyProcessInstance } from './catalogue/modify-process-instance.js';
import { rules as publishMessage } from './catalogue/publish-message.js';
import { rules as resolveIncident } from './catalogue/resolve-incident.js';
import { rules as setVariables } from './catalogue/set-variables.js';
import { rules as streamActivatedJobs } from './catalogue/stream-activated-jobs.js';
import { rules as throwError } from './catalogue/throw-error.js';
import { rules as topology } from './catalogue/topology.js';
import { rules as updateJobRetries } from './catalogue/update-job-retries.js';
import { rules as updateJobTimeout } from './catalogue/update-job-timeout.js';
import type { Expectation, Profile, Rule, RuleScope } from './types.js';

export type {
  Expectation,
  Layer,
  MultiTenancyMode,
  Profile,
  Quote,
  Rule,
  RuleScope,
  RuleSource,
  RpcName,
  StatusName,
} from './types.js';
export { PROFILES, RPC_NAMES } from './types.js';

/** Every rule: Gateway-wide first, then per RPC in `RPC_NAMES` order, page order within an RPC. */
export const catalogue: readonly Rule[] = [
  ...gateway,
  ...activateJobs,
  ...broadcastSignal,
  ...cancelProcessInstance,
  ...completeJob,
  ...createProcessInstance,
  ...createProcessInstanceWithResult,
  ...deleteResource,
  ...deployProcess,
  ...deployResource,
  ...evaluateDecision,
  ...failJob,
  ...migrateProcessInstance,
  ...modifyProcessInstance,
  ...publishMessage,
  ...resolveIncident,
  ...setVariables,
  ...streamActivatedJobs,
  ...throwError,
  ...topology,
  ...updateJobRetries,
  ...updateJobTimeout,
];

const byId: ReadonlyMap<string, Rule> = new Map(catalogue.map((rule) => [rule.id, rule]));

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** The rules of one RPC, or of `Gateway` (the shared ones are not repeated per RPC), in catalogue order. */
export function rulesFor(scope: RuleScope): readonly Rule[] {
  return catalogue.filter((rule) => rule.rpc === scope);
}

/** What `profile` expects when the rule's condition holds. */
export function expectationOf(rule: Rule, profile: Profile): Expectation {
  return rule.expect[profile];
}

/** Whether the rule can be checked on a target with this multi-tenancy setting. */
export function appliesTo(rule: Rule, target: { readonly multiTenancy: boolean }): boolean {
  if (rule.multiTenancy === 'any') return true;
  return rule.multiTenancy === (target.multiTenancy ? 'on' : 'off');
}
export { matchesAnyRuleGlob, matchesRuleGlob } from './globs.js';
