import assert from 'node:assert/strict';
import { join } from 'node:path';
import { status, type ServiceError } from '@grpc/grpc-js';
import { startEngine } from '../../engine/index.js';
import { MISS_STATUS, MISS_TRAILER, readCassette, serveCassette } from '../../proxy/index.js';
import { processFixture, within } from '../clients/support.js';
import { zbctlSession, type SessionRuns } from './session.js';
import { gatewayClient, printed, proxyFor, scratchDir, serverStream, spawnCli, unary, zbctl } from './support.js';

/** Records the zbctl session through the proxy to a fresh engine; returns the cassette and what zbctl printed. */
async function recordZbctlSession(): Promise<{ cassette: string; runs: SessionRuns }> {
  const engine = await startEngine();
  const cassette = join(scratchDir(), 'zbctl.jsonl');
  const proxy = await proxyFor(engine, cassette);
  try {
    return { cassette, runs: await zbctlSession(proxy.address) };
  } finally {
    await proxy.stop();
    await engine.stop();
  }
}

describe('replay serve: a mock gateway answering from the cassette', function () {
  this.timeout(40_000);
  let recorded: { cassette: string; runs: SessionRuns };
  before(async () => {
    recorded = await recordZbctlSession();
    assert.equal(recorded.runs.cancel?.code, 1, 'the recorded session ends with a NOT_FOUND');
    assert.equal(recorded.runs.complete?.code, 0, recorded.runs.complete?.stderr);
  });

  it('answers the same zbctl session identically (outputs, exit codes, the NOT_FOUND), every recorded call used once', async () => {
    const server = await serveCassette(readCassette(recorded.cassette), { host: '127.0.0.1', port: 0, fast: false, rules: { order: 'strict', ignoreFields: [] } });
    try {
      const replayed = await zbctlSession(server.address);
      assert.deepEqual(replayed, recorded.runs);
      assert.deepEqual(server.misses(), []);
      assert.deepEqual(server.unused(), []);
    } finally {
      await server.stop();
    }
  });

  it('a miss is UNIMPLEMENTED naming the closest recorded call and the field that differs; ignored fields do not count', async () => {
    const server = await serveCassette(readCassette(recorded.cassette), { host: '127.0.0.1', port: 0, fast: true, rules: { order: 'free', ignoreFields: ['CompleteJob.variables'] } });
    const client = gatewayClient(server.address);
    try {
      const recordedKey = (JSON.parse(recorded.runs.activate?.stdout ?? '') as { jobs: { key: string }[] }).jobs[0]?.key;
      const { error } = await unary(client, 'CompleteJob', { jobKey: '42', variables: '{}' });
      assert.equal(error?.code, MISS_STATUS);
      assert.equal(error.code, status.UNIMPLEMENTED);
      assert.match(error.details, new RegExp(`closest recorded call #\\d+ CompleteJob \\(line \\d+\\) differs: \\[0\\]\\.jobKey: recorded "${recordedKey}", got "42"$`));
      assert.deepEqual(error.metadata.get(MISS_TRAILER), ['1']);
      const ignored = await unary(client, 'CompleteJob', { jobKey: recordedKey, variables: '{"other":1}' });
      assert.equal(ignored.error, null, 'variables are ignored for CompleteJob');
      const again = await unary(client, 'CompleteJob', { jobKey: recordedKey, variables: '{"paid":true}' });
      assert.match(again.error?.details ?? '', /every recorded CompleteJob call was used already/);
      const none = await unary(client, 'BroadcastSignal', { signalName: 's', variables: '{}' });
      assert.match(none.error?.details ?? '', /no recorded call of BroadcastSignal$/);
    } finally {
      client.close();
      await server.stop();
    }
  });

  it('replays a recorded job stream: the job arrives and the stream stays open, as recorded', async () => {
    const engine = await startEngine();
    const cassette = join(scratchDir(), 'stream.jsonl');
    const proxy = await proxyFor(engine, cassette);
    const live = gatewayClient(proxy.address);
    await zbctl(proxy.address, 'deploy', 'resource', processFixture('one-task.bpmn'));
    const request = { type: 'one-task-work', worker: 'streamer', timeout: '60000', fetchVariable: [], tenantIds: [] };
    const original = serverStream(live, 'StreamActivatedJobs', request);
    original.on('error', () => undefined);
    const first = new Promise((resolve) => original.once('data', resolve));
    await new Promise((r) => setTimeout(r, 300));
    await unary(live, 'CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
    await within(10_000, 'the live job', first);
    original.cancel();
    await new Promise((r) => setTimeout(r, 100));
    live.close();
    await proxy.stop();
    await engine.stop();

    const server = await serveCassette(readCassette(cassette), { host: '127.0.0.1', port: 0, fast: false, rules: { order: 'free', ignoreFields: [] } });
    const client = gatewayClient(server.address);
    try {
      const stream = serverStream(client, 'StreamActivatedJobs', request);
      let ended: ServiceError | undefined;
      stream.on('error', (e: ServiceError) => (ended = e));
      const job = await within(10_000, 'the replayed job', new Promise<Record<string, unknown>>((resolve) => stream.once('data', resolve)));
      assert.equal(job.worker, 'streamer');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(ended, undefined, 'the stream is still open');
      stream.cancel();
    } finally {
      client.close();
      await server.stop();
    }
  });

  it('the CLI lists the unmatched calls and the recorded calls never used when it stops', async () => {
    const cli = spawnCli(['replay', 'serve', '--cassette', recorded.cassette, '--listen', '127.0.0.1:0', '--fast']);
    try {
      const [, address] = await printed(cli, /^zeebe-conformance replay serving \d+ recorded calls from \S+ on (\S+)$/m);
      const deploy = await zbctl(address ?? '', 'deploy', 'resource', processFixture('one-task.bpmn'));
      assert.equal(deploy.code, 0, deploy.stderr);
      const topology = await zbctl(address ?? '', 'status');
      assert.equal(topology.code, 1);
      cli.child.kill('SIGTERM');
      const exit = await cli.exited;
      assert.equal(exit.code, 0, cli.output().stderr);
      const { stdout } = cli.output();
      assert.match(stdout, /^SIGTERM: stopping; 1 unmatched calls, 4 recorded calls never used$/m);
      assert.match(stdout, /^ {2}unmatched Topology: no recorded call of Topology$/m);
      for (const rpc of ['CreateProcessInstance', 'ActivateJobs', 'CompleteJob', 'CancelProcessInstance']) assert.match(stdout, new RegExp(`^ {2}unused #\\d+ ${rpc} \\(line \\d+\\)$`, 'm'));
    } finally {
      cli.child.kill('SIGKILL');
    }
  });
});
