import { expectationOf, matchesAnyRuleGlob, ruleById, type Profile, type StatusName } from '../rules/index.js';

/**
 * Which status the engine answers when a rule's condition holds: the catalogue's expectation for the profile,
 * or `OK` (not enforced) for rules switched off by fault injection, so the suites can prove they catch a gateway
 * that breaks a rule.
 */
export interface Enforcement {
  readonly profile: Profile;
  statusOf(ruleId: string): StatusName;
}

/** Builds the enforcement of a profile with the rule-id globs in `violate` switched off. */
export function createEnforcement(profile: Profile, violate: readonly string[]): Enforcement {
  return {
    profile,
    statusOf: (ruleId) => {
      const rule = ruleById(ruleId);
      if (!rule) throw new Error(`engine refers to rule '${ruleId}', which is not in the catalogue`);
      return matchesAnyRuleGlob(violate, ruleId) ? 'OK' : expectationOf(rule, profile).status;
    },
  };
}
