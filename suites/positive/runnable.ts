import type { RunnableCase } from '../harness/run-cases.js';
import { toProtoJson } from '../properties/proto-json.js';
import type { AnyPositiveProperty, Tenancy } from './positive-property.js';

const WELL_FORMED = 'OK, with a well-formed response';

/** The tenant requests name and responses answer: the run's tenant, or `<default>` with multi-tenancy off. */
function tenancyOf(multiTenancy: boolean, tenantId: string): Tenancy {
  return { multiTenancy, tenantId, expected: multiTenancy ? tenantId : '<default>' };
}

/** A positive property as a case of a verify run, in one multi-tenancy setting; it counts towards the acceptance checks. */
export function runnablePositiveCase(p: AnyPositiveProperty, multiTenancy: boolean, settings: { seed: number; runs: number }): RunnableCase {
  return {
    name: `positive ${p.rpc} (multi-tenancy ${multiTenancy ? 'on' : 'off'}): valid requests varying ${p.varies}`,
    ruleId: undefined,
    trailer: false,
    setting: { multiTenancy, authRequired: false },
    run: async ({ fixtures, tenantId }) => {
      const result = await p.check(fixtures, tenancyOf(multiTenancy, tenantId), { seed: settings.seed, numRuns: settings.runs });
      const f = result.failure;
      const runs = `${result.runs} valid requests`;
      return {
        judged: f
          ? { passed: false, expected: WELL_FORMED, received: f.received, details: f.details, request: toProtoJson(f.request), seed: result.seed, runs: result.runs }
          : { passed: true, expected: runs, received: runs, details: '', runs: result.runs },
      };
    },
  };
}
