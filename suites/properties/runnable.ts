import type { RunnableCase } from '../harness/run-cases.js';
import type { RuleProperty } from './rule-properties.js';
import { runProperty } from './run-property.js';

/** A rule property as a case of a verify run: `runs` generated requests, a shrunk counterexample on failure. */
export function runnablePropertyCase(p: RuleProperty, settings: { seed: number; runs: number }): RunnableCase {
  return {
    name: `property ${p.name}`,
    ruleId: p.ruleId,
    trailer: p.trailer,
    setting: p.setting,
    run: async ({ client, tokens, profile }) => {
      const result = await runProperty(p, { client, tokens, profile, seed: settings.seed, numRuns: settings.runs });
      const c = result.counterexample;
      const passedAll = `${result.runs} generated requests`;
      return {
        judged: c
          ? { passed: false, expected: c.expected, received: c.received, details: c.details, request: c.request, seed: result.seed, runs: result.runs }
          : { passed: true, expected: passedAll, received: passedAll, details: '', runs: result.runs },
      };
    },
  };
}
