import assert from 'node:assert/strict';
import { PROFILES } from '../../../rules/index.js';
import { createFixtures, type Fixtures } from '../../../suites/cases/fixtures.js';
import { STATE_CASES } from '../../../suites/cases/state-cases.js';
import { AUTHORIZED_TENANT } from '../../../suites/cases/valid-requests.js';
import { DEFAULT_TENANTS } from '../../../suites/cases/tenants.js';
import { judge } from '../../../suites/harness/judge.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN, type EngineWithClient } from '../../support/engine-target.js';

/** Every state-dependent rule the engine can reach, per profile, with fixtures built over gRPC only. */
describe('engine state rules, per profile', () => {
  for (const profile of PROFILES) {
    for (const multiTenancy of [false, true]) {
      describe(`profile ${profile}, multi-tenancy ${multiTenancy ? 'on' : 'off'}`, () => {
        let target: EngineWithClient;
        let fx: Fixtures;
        const tenantId = multiTenancy ? AUTHORIZED_TENANT : '';
        before(async () => {
          target = await engineWithClient({ profile, multiTenancy });
          fx = createFixtures({ client: target.client, token: AUTHORIZED_TOKEN, strangerToken: STRANGER_TOKEN, tenantId, runId: `${profile}-${multiTenancy}` });
        });
        after(async () => {
          await fx.cleanUp();
          assert.equal(target.engine.inspect().instances, 0, 'the cases leave nothing running');
          await target.close();
        });

        for (const c of STATE_CASES.filter((s) => s.multiTenancy === multiTenancy)) {
          it(`${c.ruleId}: ${c.title}`, async () => {
            const outcome = await c.run(fx, tenantId, DEFAULT_TENANTS.foreign);
            const verdict = judge({ ruleId: c.ruleId, trailer: true }, outcome, profile);
            assert.ok(verdict.passed, `expected ${verdict.expected}, received ${verdict.received}: ${outcome.details}`);
          });
        }
      });
    }
  }
});
