import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import type { ReplayResults } from '../../proxy/index.js';
import { processFixture } from '../clients/support.js';
import { runCli } from '../support/cli.js';
import { mixedSession } from './session.js';
import { gatewayClient, proxyFor, scratchDir, unary } from './support.js';

const VIOLATED_RULE = 'CancelProcessInstance/NOT_FOUND/no-such-instance';

/** Moves an engine's key counter on, so live keys differ from the recorded ones and must be mapped. */
async function shiftKeys(engine: RunningEngine): Promise<void> {
  const client = gatewayClient(engine.address);
  await unary(client, 'DeployResource', { resources: [{ name: 'error-boundary.bpmn', content: readFileSync(processFixture('error-boundary.bpmn')) }] });
  await unary(client, 'CreateProcessInstance', { bpmnProcessId: 'error-boundary', version: -1, variables: '{}' });
  client.close();
}

describe('replay verify: re-sends a recorded session to a live gateway', function () {
  this.timeout(60_000);
  let cassette: string;
  before(async () => {
    const engine = await startEngine();
    cassette = join(scratchDir(), 'mixed.jsonl');
    const proxy = await proxyFor(engine, cassette);
    try {
      const { runs } = await mixedSession(proxy.address);
      assert.equal(runs.cancel?.code, 1, 'the recorded session ends with a NOT_FOUND');
    } finally {
      await proxy.stop();
      await engine.stop();
    }
  });

  async function verifyAgainst(engine: RunningEngine): Promise<{ code: number | null; stdout: string; results: ReplayResults; junit: string }> {
    const output = scratchDir();
    const exit = await runCli(['replay', 'verify', '--cassette', cassette, '--target', engine.address, '--output', output], 40_000);
    assert.equal(exit.stderr, '');
    const results = JSON.parse(readFileSync(join(output, 'replay-results.json'), 'utf8')) as ReplayResults;
    return { code: exit.code, stdout: exit.stdout, results, junit: readFileSync(join(output, 'replay-junit.xml'), 'utf8') };
  }

  it('passes against a fresh engine whose keys differ: keys mapped, the long poll answered with the job, the NOT_FOUND again', async () => {
    const engine = await startEngine();
    try {
      await shiftKeys(engine);
      const { code, stdout, results, junit } = await verifyAgainst(engine);
      assert.equal(code, 0, stdout);
      assert.equal(results.format, 'zeebe-conformance-replay-results');
      assert.equal(results.summary.mismatched, 0);
      const byRpc = (rpc: string) => results.calls.filter((c) => c.method.endsWith(`/${rpc}`));
      for (const rpc of ['DeployResource', 'CreateProcessInstance', 'CompleteJob', 'CancelProcessInstance']) assert.equal(byRpc(rpc)[0]?.verdict, 'matched', rpc);
      assert.ok(byRpc('ActivateJobs').some((c) => c.verdict === 'matched' && c.live?.messages === 1), 'the long poll got the job live');
      assert.equal(byRpc('CancelProcessInstance')[0]?.live?.status, 5);
      const mapped = Object.entries(results.keys).filter(([recorded, live]) => recorded !== live);
      assert.ok(mapped.length >= 4, `keys mapped: ${JSON.stringify(results.keys)}`);
      assert.match(stdout, /^replay verify: \d+ calls, \d+ matched, 0 mismatched, \d+ skipped; results in /m);
      assert.doesNotMatch(junit, /<failure/);
    } finally {
      await engine.stop();
    }
  });

  it(`reports the regression against an engine that breaks ${VIOLATED_RULE}: exit 1, the call and its status named`, async () => {
    const engine = await startEngine({ violate: [VIOLATED_RULE] });
    try {
      await shiftKeys(engine);
      const { code, stdout, results, junit } = await verifyAgainst(engine);
      assert.equal(code, 1, stdout);
      const mismatched = results.calls.filter((c) => c.verdict === 'mismatched');
      assert.deepEqual(mismatched.map((c) => c.method), ['/gateway_protocol.Gateway/CancelProcessInstance']);
      assert.deepEqual(mismatched[0]?.differences, [{ path: 'status', recorded: 5, live: 0 }]);
      assert.match(stdout, /^MISMATCH #\d+ CancelProcessInstance \(line \d+\): status: recorded 5, got 0$/m);
      assert.match(junit, /<testcase classname="CancelProcessInstance" name="#\d+ CancelProcessInstance \(line \d+\)">\n {6}<failure message="status: recorded 5, got 0" type="regression">/);
    } finally {
      await engine.stop();
    }
  });
});
