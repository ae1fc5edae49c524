import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { RESULTS_VERSION, renderHtml, renderJson, renderMarkdown, type ReplayRunResults } from '../../reports/index.js';
import { processFixture } from '../clients/support.js';
import { HAND_MADE } from '../reports/hand-made-results.js';
import { junitSchemaProblems } from '../reports/junit-schema.js';
import { resultsSchemaProblems } from '../reports/results-schema.js';
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
  /** The output folders of the passing and the failing run, for the report commands. */
  const outputs: { passed?: string; failed?: string } = {};
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

  interface Run {
    readonly code: number | null;
    readonly stdout: string;
    readonly output: string;
    readonly results: ReplayRunResults & { summary: { calls: number; matched: number; mismatched: number; skipped: number } };
    readonly junit: string;
  }

  /** Runs replay verify; checks that it wrote the results model (valid by the schema) and its reports. */
  async function verifyAgainst(engine: RunningEngine): Promise<Run> {
    const output = scratchDir();
    const exit = await runCli(['replay', 'verify', '--cassette', cassette, '--target', engine.address, '--output', output], 40_000);
    assert.equal(exit.stderr, '');
    const json: unknown = JSON.parse(readFileSync(join(output, 'results.json'), 'utf8'));
    assert.deepEqual(resultsSchemaProblems(json), []);
    const junit = readFileSync(join(output, 'junit.xml'), 'utf8');
    assert.deepEqual(junitSchemaProblems(junit), []);
    const results = json as Run['results'];
    assert.equal(readFileSync(join(output, 'report.md'), 'utf8'), renderMarkdown(results));
    assert.equal(readFileSync(join(output, 'report.html'), 'utf8'), renderHtml(results));
    return { code: exit.code, stdout: exit.stdout, output, results, junit };
  }

  it('passes against a fresh engine whose keys differ: keys mapped, the long poll answered with the job, the NOT_FOUND again', async () => {
    const engine = await startEngine();
    try {
      await shiftKeys(engine);
      const { code, stdout, results, junit, output } = await verifyAgainst(engine);
      outputs.passed = output;
      assert.equal(code, 0, stdout);
      assert.deepEqual([results.version, results.kind, results.cassette.path], [RESULTS_VERSION, 'replay', cassette]);
      assert.equal(results.summary.mismatched, 0);
      const byRpc = (rpc: string) => results.calls.filter((c) => c.method.endsWith(`/${rpc}`));
      for (const rpc of ['DeployResource', 'CreateProcessInstance', 'CompleteJob', 'CancelProcessInstance']) assert.equal(byRpc(rpc)[0]?.verdict, 'matched', rpc);
      assert.ok(byRpc('ActivateJobs').some((c) => c.verdict === 'matched' && c.live?.messages === 1), 'the long poll got the job live');
      assert.equal(byRpc('CancelProcessInstance')[0]?.live?.status, 5);
      const mapped = Object.entries(results.keys).filter(([recorded, live]) => recorded !== live);
      assert.ok(mapped.length >= 4, `keys mapped: ${JSON.stringify(results.keys)}`);
      const complete = byRpc('CompleteJob')[0]?.keysMapped ?? {};
      assert.ok(Object.entries(complete).some(([recorded, live]) => recorded !== live && results.keys[recorded] === live), `CompleteJob sent a mapped job key: ${JSON.stringify(complete)}`);
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
      const { code, stdout, results, junit, output } = await verifyAgainst(engine);
      outputs.failed = output;
      assert.equal(code, 1, stdout);
      const mismatched = results.calls.filter((c) => c.verdict === 'mismatched');
      assert.deepEqual(mismatched.map((c) => c.method), ['/gateway_protocol.Gateway/CancelProcessInstance']);
      assert.deepEqual(mismatched[0]?.differences, [{ path: 'status', recorded: 5, live: 0 }]);
      assert.match(stdout, /^MISMATCH #\d+ CancelProcessInstance \(line \d+\): status: recorded 5, got 0$/m);
      assert.match(junit, /<testsuite name="CancelProcessInstance" tests="1" failures="1" [^>]*>\n {4}<testcase classname="CancelProcessInstance" name="#\d+ CancelProcessInstance \(line \d+\)" time="[\d.]+">\n {6}<failure message="status: recorded 5, got 0" type="regression">/);
    } finally {
      await engine.stop();
    }
  });

  it('report render and report diff read the replay runs: the call that regressed, the one fixed; a verify run is not compared', async function () {
    const { passed, failed } = outputs;
    if (passed === undefined || failed === undefined) this.skip();
    // A verify run's results, which a replay run cannot be diffed with.
    const verifyResults = join(scratchDir(), 'verify-results.json');
    writeFileSync(verifyResults, renderJson(HAND_MADE));
    const [render, regressed, fixed, mixed] = await Promise.all([
      runCli(['report', 'render', join(failed, 'results.json'), '--format', 'md']),
      runCli(['report', 'diff', join(passed, 'results.json'), join(failed, 'results.json')]),
      runCli(['report', 'diff', join(failed, 'results.json'), join(passed, 'results.json')]),
      runCli(['report', 'diff', join(passed, 'results.json'), verifyResults]),
    ]);
    assert.equal(render.code, 0, render.stderr);
    assert.equal(render.stdout, readFileSync(join(failed, 'report.md'), 'utf8'));
    assert.match(render.stdout, /^## Zeebe replay verify: ❌ 1 mismatched\n/);
    assert.equal(regressed.code, 1, regressed.stderr);
    assert.match(regressed.stdout, /^regressed \(1\):\n {2}#\d+ CancelProcessInstance \(line \d+\): matched -> mismatched\n1 regressed, 0 fixed\n$/);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout, /^fixed \(1\):\n {2}#\d+ CancelProcessInstance \(line \d+\): mismatched -> matched\nno regression, 1 fixed\n$/);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /^zeebe-conformance: cannot diff a replay run \(.*results\.json\) with a verify run \(.*\): compare runs of one kind\n$/);
  });
});
