import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import type { RpcName } from '../../rules/index.js';
import { runCases, type CaseResult } from '../../suites/harness/run-cases.js';
import { POSITIVE_PROPERTIES, WITHOUT_POSITIVE_PROPERTY } from '../../suites/positive/index.js';
import { runnablePositiveCase } from '../../suites/positive/runnable.js';
import { RPC_NAMES } from '../../rules/index.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN } from '../support/engine-target.js';
import { startMutatingGateway, type Mutation } from '../support/mutating-gateway.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

/** Runs the positive properties of `rpcs` against `address` (a gateway in one multi-tenancy mode). */
async function runPositive(address: string, multiTenancy: boolean, rpcs: readonly RpcName[], runs: number): Promise<CaseResult[]> {
  const cases = POSITIVE_PROPERTIES.filter((p) => rpcs.includes(p.rpc)).map((p) => runnablePositiveCase(p, multiTenancy, { seed: SEED, runs }));
  const tokens = { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'invalid', stranger: STRANGER_TOKEN };
  return runCases(cases, 'documented', () => Promise.resolve({ address, tokens, release: () => Promise.resolve() }));
}

const failures = (results: readonly CaseResult[]): string[] => results.filter((r) => !r.passed).map((r) => `${r.case.name}: ${r.received}: ${r.details}`);

describe(`positive properties: valid requests get well-formed answers (seed ${SEED})`, function () {
  this.timeout(60_000);

  it('has a property for every RPC, or a reason why none can exist', () => {
    const covered = new Set<string>(POSITIVE_PROPERTIES.map((p) => p.rpc));
    const missing = RPC_NAMES.filter((rpc) => !covered.has(rpc) && WITHOUT_POSITIVE_PROPERTY[rpc] === undefined);
    assert.deepEqual(missing, []);
  });

  for (const multiTenancy of [false, true]) {
    it(`holds on the reference engine with multi-tenancy ${multiTenancy ? 'on' : 'off'}`, async () => {
      const target = await engineWithClient({ multiTenancy });
      try {
        const results = await runPositive(target.engine.address, multiTenancy, RPC_NAMES, 5);
        assert.deepEqual(failures(results), []);
        assert.equal(results.length, POSITIVE_PROPERTIES.length);
      } finally {
        await target.close();
      }
    });
  }
});

/** A wrong answer per RPC, and the words the failure must carry. */
const WRONG_ANSWERS: readonly { rpc: RpcName; mutate: (r: Record<string, unknown>) => Record<string, unknown> | { error: grpc.status }; names: RegExp }[] = [
  { rpc: 'Topology', mutate: (r) => ({ ...r, partitionsCount: Number(r['partitionsCount']) + 1 }), names: /partitions 2 are served by no broker/ },
  { rpc: 'DeployResource', mutate: (r) => ({ ...r, tenantId: 'someone-else' }), names: /tenantId is "someone-else"/ },
  { rpc: 'DeployProcess', mutate: (r) => ({ ...r, processes: [] }), names: /processes has 0 entries/ },
  { rpc: 'DeleteResource', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'CreateProcessInstance', mutate: (r) => ({ ...r, bpmnProcessId: 'other' }), names: /bpmnProcessId is "other"/ },
  { rpc: 'CreateProcessInstanceWithResult', mutate: (r) => ({ ...r, variables: '{"leaked":1}' }), names: /variables holds variables \[leaked\]/ },
  { rpc: 'CancelProcessInstance', mutate: () => ({ error: grpc.status.UNAVAILABLE }), names: /mutated/ },
  { rpc: 'SetVariables', mutate: (r) => ({ ...r, key: '0' }), names: /key is not a key/ },
  { rpc: 'PublishMessage', mutate: (r) => ({ ...r, key: '-5' }), names: /key is not a key/ },
  { rpc: 'BroadcastSignal', mutate: (r) => ({ ...r, tenantId: '' }), names: /tenantId is ""/ },
  { rpc: 'EvaluateDecision', mutate: (r) => ({ ...r, decisionOutput: '"medium"' }), names: /decisionOutput is "medium", expected "(small|large)"/ },
  { rpc: 'ActivateJobs', mutate: (r) => ({ jobs: (r['jobs'] as Record<string, unknown>[]).map((j) => ({ ...j, worker: `${String(j['worker'])}!` })) }), names: /job.worker is/ },
  { rpc: 'StreamActivatedJobs', mutate: (r) => ({ ...r, retries: 7 }), names: /job.retries is 7, expected 3/ },
  { rpc: 'CompleteJob', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'FailJob', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'ThrowError', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'UpdateJobRetries', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'UpdateJobTimeout', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'ModifyProcessInstance', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
  { rpc: 'MigrateProcessInstance', mutate: () => ({ error: grpc.status.INTERNAL }), names: /mutated/ },
];

describe('positive properties: each catches a gateway that answers its RPC wrongly', function () {
  this.timeout(60_000);
  for (const { rpc, mutate, names } of WRONG_ANSWERS) {
    it(`${rpc}: a wrong answer fails the property, with the field or status named`, async () => {
      const target = await engineWithClient();
      const mutation: Mutation = (called, response) => (called === rpc ? mutate(response) : response);
      const gateway = await startMutatingGateway(target.engine.address, mutation);
      try {
        const [result] = await runPositive(gateway.address, false, [rpc], 3);
        assert.equal(result?.passed, false, `the ${rpc} property passed against a wrong gateway`);
        assert.match(`${result.received}: ${result.details}`, names);
        assert.notEqual(result.seed, undefined);
      } finally {
        await gateway.stop();
        await target.close();
      }
    });
  }
});
