import assert from 'node:assert/strict';
import { ruleById, type Profile, type RpcName } from '../../../rules/index.js';
import { propertiesOf, type RuleProperty } from '../../../suites/properties/rule-properties.js';
import { runProperty, type PropertyResult } from '../../../suites/properties/run-property.js';
import { validRequest } from '../../../suites/cases/valid-requests.js';
import { TENANT_ID_MASK } from '../../../suites/properties/arbitraries.js';
import { CASE_TOKENS, engineWithClient } from '../../support/engine-target.js';
import { PARTITIONS, propertySeed } from './seed.js';

const PROFILE: Profile = 'documented';
const NUM_RUNS = 20;
type Request = Record<string, unknown>;

/** A representative rule, the property that must catch an engine not enforcing it, and what the shrunk request must look like. */
interface Representative {
  readonly ruleId: string;
  readonly rpc: RpcName;
  readonly multiTenancy: boolean;
  readonly minimal: (request: Request) => void;
}

const REPRESENTATIVES: readonly Representative[] = [
  {
    ruleId: 'CreateProcessInstance/tenant/mt-on-too-long',
    rpc: 'CreateProcessInstance',
    multiTenancy: true,
    minimal: (r) => assert.equal(r['tenantId'], 'a'.repeat(32), 'a too-long tenant shrinks to exactly 32 characters'),
  },
  {
    ruleId: 'DeployResource/tenant/mt-on-illegal-chars',
    rpc: 'DeployResource',
    multiTenancy: true,
    minimal: (r) => {
      // One character outside the mask; which one depends on the shrink path ('/' on most seeds).
      const tenantId = String(r['tenantId']);
      assert.ok(Array.from(tenantId).length === 1 && !TENANT_ID_MASK.test(tenantId), `an illegal tenant shrinks to one illegal character, got ${JSON.stringify(tenantId)}`);
      const [resource] = r['resources'] as { content: unknown }[];
      const [sent] = validRequest('DeployResource', true)['resources'] as { content: Buffer }[];
      assert.equal(resource?.content, sent?.content.toString('base64'), 'bytes are printed as base64');
    },
  },
  {
    ruleId: 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1',
    rpc: 'ActivateJobs',
    multiTenancy: false,
    minimal: (r) =>
      assert.deepEqual(r, { type: 'a', worker: 'a', timeout: '0', maxJobsToActivate: 1, requestTimeout: -1, tenantIds: [] }, 'a non-positive timeout shrinks to 0, the rest to the simplest valid values'),
  },
  {
    ruleId: 'CompleteJob/INVALID_ARGUMENT/variables-not-object',
    rpc: 'CompleteJob',
    multiTenancy: false,
    minimal: (r) => assert.equal(r['variables'], '[]', 'a non-object document shrinks to the empty array'),
  },
  {
    ruleId: 'Gateway/NOT_FOUND/key-partition-unknown',
    rpc: 'CancelProcessInstance',
    multiTenancy: false,
    minimal: (r) => assert.equal(r['processInstanceKey'], '0', 'a key on a missing partition shrinks to 0'),
  },
];

function propertyOf(rep: Representative): RuleProperty {
  const rule = ruleById(rep.ruleId);
  assert.ok(rule, rep.ruleId);
  const found = propertiesOf(rule, { partitions: PARTITIONS }).find((p) => p.rpc === rep.rpc && p.setting.multiTenancy === rep.multiTenancy);
  assert.ok(found, `no property for ${rep.ruleId} on ${rep.rpc}`);
  return found;
}

/** The properties can fail: an engine that stops enforcing a rule is caught, with a shrunk, replayable counterexample. */
describe('suites/properties: a property catches an engine with its rule switched off', function () {
  this.timeout(60_000);
  const seed = propertySeed();

  for (const rep of REPRESENTATIVES) {
    it(`${rep.ruleId} on ${rep.rpc} (seed ${seed})`, async () => {
      const p = propertyOf(rep);
      const target = await engineWithClient({ profile: PROFILE, violate: [rep.ruleId], ...p.setting, topology: { partitions: PARTITIONS } });
      try {
        const run = (path?: string): Promise<PropertyResult> =>
          runProperty(p, { client: target.client, tokens: CASE_TOKENS, profile: PROFILE, seed, numRuns: NUM_RUNS, ...(path !== undefined && { path }) });
        const failed = await run();
        assert.equal(failed.passed, false, 'the property passes against an engine that does not enforce its rule');
        assert.ok(failed.counterexample && failed.path !== undefined);
        const request = failed.counterexample.request as Request;
        assert.deepEqual(JSON.parse(JSON.stringify(request)), request, 'the counterexample is plain proto-JSON');
        rep.minimal(request);
        const replayed = await run(failed.path);
        assert.deepEqual(replayed.counterexample, failed.counterexample, 'seed and path replay the same counterexample');
      } finally {
        await target.close();
      }
    });
  }
});
