import assert from 'node:assert/strict';
import { catalogue, expectationOf, type Profile } from '../../rules/index.js';
import { createFixtures } from '../../suites/cases/fixtures.js';
import { casesOf } from '../../suites/cases/gateway-cases.js';
import { STATE_CASES } from '../../suites/cases/state-cases.js';
import { AUTHORIZED_TENANT } from '../../suites/cases/valid-requests.js';
import { DEFAULT_TENANTS } from '../../suites/cases/tenants.js';
import { judge } from '../../suites/harness/judge.js';
import { sendCase } from '../../suites/harness/run-cases.js';
import { AUTHORIZED_TOKEN, CASE_TOKENS, engineWithClient, STRANGER_TOKEN } from '../support/engine-target.js';

const PROFILE: Profile = 'documented';

/** Every rule's examples catch an engine that stops enforcing exactly that rule (fault injection by rule id). */
describe('the cases can fail: an engine with one rule switched off is caught', function () {
  this.timeout(60_000);
  const enforced = catalogue.filter((r) => expectationOf(r, PROFILE).status !== 'OK');

  it('catches every gateway rule switched off', async () => {
    const missed: string[] = [];
    for (const rule of enforced.filter((r) => r.layer === 'gateway')) {
      const cases = casesOf(rule);
      const target = await engineWithClient({ profile: PROFILE, violate: [rule.id], ...cases[0]?.setting });
      try {
        const caught = await Promise.all(
          cases.map(async (c) => {
            const token = CASE_TOKENS[c.caller];
            const outcome = await sendCase(target.client, c.rpc, c.request, token);
            return !judge(c, outcome, PROFILE).passed;
          }),
        );
        if (!caught.some(Boolean)) missed.push(rule.id);
      } finally {
        await target.close();
      }
    }
    assert.deepEqual(missed, [], 'rules whose examples still pass with the rule switched off');
  });

  it('catches every reachable state rule switched off', async () => {
    const missed: string[] = [];
    for (const c of STATE_CASES.filter((s) => enforced.some((r) => r.id === s.ruleId))) {
      const target = await engineWithClient({ profile: PROFILE, violate: [c.ruleId], multiTenancy: c.multiTenancy });
      const tenantId = c.multiTenancy ? AUTHORIZED_TENANT : '';
      const fx = createFixtures({ client: target.client, token: AUTHORIZED_TOKEN, strangerToken: STRANGER_TOKEN, tenantId, runId: 'fault' });
      try {
        const outcome = await c.run(fx, tenantId, DEFAULT_TENANTS.foreign);
        if (judge({ ruleId: c.ruleId, trailer: true }, outcome, PROFILE).passed) missed.push(c.ruleId);
      } finally {
        await target.close();
      }
    }
    assert.deepEqual(missed, [], 'state rules whose example still passes with the rule switched off');
  });
});
