import assert from 'node:assert/strict';
import { runCases } from '../../suites/harness/run-cases.js';
import { runnableLifecycleCase } from '../../suites/model-based/runnable.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN } from '../support/engine-target.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const TOKENS = { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'invalid', stranger: STRANGER_TOKEN };

/** Runs the model-based job lifecycle case against a fresh engine; answers its result. */
async function lifecycleOn(options: { multiTenancy: boolean; violate?: string[] }, seed: number, runs: number) {
  const target = await engineWithClient({ multiTenancy: options.multiTenancy, violate: options.violate ?? [] });
  try {
    const [result] = await runCases([runnableLifecycleCase(options.multiTenancy, { seed, runs })], 'documented', () =>
      Promise.resolve({ address: target.engine.address, tokens: TOKENS, release: () => Promise.resolve() }),
    );
    assert.ok(result);
    return { result, left: target.engine.inspect() };
  } finally {
    await target.close();
  }
}

describe(`the model-based job lifecycle as a verify check, through the API only (seed ${SEED})`, function () {
  this.timeout(60_000);

  for (const multiTenancy of [false, true]) {
    it(`agrees with the reference engine (multi-tenancy ${multiTenancy ? 'on' : 'off'}) and cancels what it created`, async () => {
      const { result, left } = await lifecycleOn({ multiTenancy }, SEED, 10);
      assert.equal(result.passed, true, result.details);
      assert.equal(left.instances, 0, 'instances left running after the run');
    });
  }

  for (const rule of ['FailJob/FAILED_PRECONDITION/already-failed', 'CompleteJob/NOT_FOUND/no-such-job']) {
    it(`catches an engine that breaks ${rule}, and says where the run diverged`, async () => {
      const { result } = await lifecycleOn({ multiTenancy: false, violate: [rule] }, 20261128, 100);
      assert.equal(result.passed, false, `the run did not notice ${rule} broken`);
      assert.match(result.details, /<-- diverged/);
      assert.notEqual(result.seed, undefined);
    });
  }
});
