import assert from 'node:assert/strict';
import { catalogue, PROFILES } from '../../rules/index.js';
import { casesOf, gatewayCases, type GatewayCase } from '../../suites/cases/gateway-cases.js';
import { judge } from '../../suites/harness/judge.js';
import { sendCase } from '../../suites/harness/run-cases.js';
import { CASE_TOKENS, engineWithClient } from '../support/engine-target.js';

/** The acceptance test of the gateway layer: every case of every gateway rule, per profile and setting, over gRPC. */
describe('engine gateway layer: every gateway rule over real gRPC', () => {
  it('has at least one example for every gateway-layer rule', () => {
    const without = catalogue.filter((r) => r.layer === 'gateway' && casesOf(r).length === 0).map((r) => r.id);
    assert.deepEqual(without, [], `gateway rules without an example: ${without.join(', ')}`);
  });

  const bySetting = new Map<string, GatewayCase[]>();
  for (const c of gatewayCases()) {
    const key = `multi-tenancy ${c.setting.multiTenancy ? 'on' : 'off'}, auth ${c.setting.authRequired ? 'required' : 'optional'}`;
    bySetting.set(key, [...(bySetting.get(key) ?? []), c]);
  }

  for (const profile of PROFILES) {
    for (const [setting, cases] of bySetting) {
      describe(`profile ${profile}, ${setting}`, () => {
        let target: Awaited<ReturnType<typeof engineWithClient>>;
        before(async () => {
          target = await engineWithClient({ profile, ...cases[0]!.setting });
        });
        after(() => target.close());

        for (const c of cases) {
          it(c.name, async () => {
            const token = CASE_TOKENS[c.caller];
            const outcome = await sendCase(target.client, c.rpc, c.request, token);
            const verdict = judge(c, outcome, profile);
            assert.ok(verdict.passed, `expected ${verdict.expected}, received ${verdict.received}: ${outcome.details}`);
          });
        }
      });
    }
  }
});
