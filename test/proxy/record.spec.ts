import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata } from '@grpc/grpc-js';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { readCassette, type RecordedCall } from '../../proxy/index.js';
import { processFixture, within } from '../clients/support.js';
import { mixedSession } from './session.js';
import { gatewayClient, proxyFor, scratchDir, serverStream, unary } from './support.js';

const GATEWAY = '/gateway_protocol.Gateway/';
const messagesOf = (call: RecordedCall | undefined, side: 'requests' | 'responses') => (call?.[side] ?? []).map((m) => ('message' in m.payload ? m.payload.message : m.payload)) as Record<string, unknown>[];

describe('proxy: records real client sessions through to the engine', function () {
  this.timeout(40_000);
  let engine: RunningEngine;
  let dir: string;
  beforeEach(async () => {
    engine = await startEngine({ staticTokens: [{ token: 'Bearer-s3cr3t-token-4711', subject: 'tester', tenants: ['<default>'] }] });
    dir = scratchDir();
  });
  afterEach(() => engine.stop());

  it('zbctl and @camunda8/sdk (a long-polling worker): every call relayed and recorded with messages, status and trailers', async () => {
    const cassette = join(dir, 'session.jsonl');
    const proxy = await proxyFor(engine, cassette);
    const { runs, jobKey } = await mixedSession(proxy.address);
    await proxy.stop();
    assert.equal(runs.deploy?.code, 0, runs.deploy?.stderr);
    assert.equal(runs.create?.code, 0, runs.create?.stderr);
    assert.equal(runs.cancel?.code, 1);
    assert.match(runs.cancel.stderr, /code = NotFound/);

    const { header, calls } = readCassette(cassette);
    assert.equal(header.target, engine.address);
    const byMethod = (name: string) => calls.filter((c) => c.method === GATEWAY + name);
    const [deploy] = byMethod('DeployResource');
    assert.equal(deploy?.end?.status, 0);
    const [resource] = messagesOf(deploy, 'requests')[0]?.resources as { content: string }[];
    assert.equal(Buffer.from(resource?.content ?? '', 'base64').toString(), readFileSync(processFixture('one-task.bpmn'), 'utf8'), 'bytes fields are base64');
    const polls = byMethod('ActivateJobs');
    const delivered = polls.find((c) => c.responses.length > 0);
    const job = (messagesOf(delivered, 'responses')[0]?.jobs as { key: string; worker: string }[] | undefined)?.[0];
    assert.equal(job?.key, jobKey, 'the job the worker got is recorded as a string key');
    assert.equal(job.worker, 'sdk-worker');
    assert.ok((delivered?.requests[0]?.at ?? Infinity) < (byMethod('CreateProcessInstance')[0]?.at ?? 0), 'the poll was open before the instance was created');
    const [complete] = byMethod('CompleteJob');
    assert.deepEqual(messagesOf(complete, 'requests')[0]?.jobKey, jobKey);
    assert.equal(complete?.end?.status, 0);
    const [cancel] = byMethod('CancelProcessInstance');
    assert.equal(cancel?.end?.status, 5);
    assert.match(cancel.end.details, /no such process was found/);
    assert.deepEqual(cancel.end.trailers['zeebe-conformance-rule'], ['CancelProcessInstance/NOT_FOUND/no-such-instance']);
    assert.ok(calls.some((c) => /zeebe-client-java|grpc-go/.test(c.metadata['user-agent']?.[0] ?? '')), 'zbctl calls are recorded');
    assert.ok(calls.some((c) => /grpc-node-js/.test(c.metadata['user-agent']?.[0] ?? '')), 'sdk calls are recorded');
    assert.ok(calls.every((c) => c.end !== undefined), 'every call ended');
  });

  it('a bearer token (and a --redact header) sent through the proxy appears nowhere in the cassette', async () => {
    const cassette = join(dir, 'secret.jsonl');
    const proxy = await proxyFor(engine, cassette, ['x-tenant-secretive']);
    const client = gatewayClient(proxy.address);
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer Bearer-s3cr3t-token-4711');
    metadata.set('x-tenant-secretive', 'hush-hush-value');
    const { error, response } = await unary(client, 'Topology', {}, metadata);
    client.close();
    await proxy.stop();
    assert.equal(error, null, 'the token reached the engine unchanged');
    assert.equal(response?.gatewayVersion, '8.5.0');
    const text = readFileSync(cassette, 'utf8');
    assert.ok(!text.includes('s3cr3t'), 'the token is redacted');
    assert.ok(!text.includes('hush-hush'), 'the --redact header is redacted');
    const [call] = readCassette(cassette).calls;
    assert.deepEqual(call?.metadata.authorization, ['<redacted>']);
  });

  it('an ActivateJobs long poll and a StreamActivatedJobs stream get a job created after they opened; cancelling the stream cancels it upstream', async () => {
    const cassette = join(dir, 'streams.jsonl');
    const proxy = await proxyFor(engine, cassette);
    const direct = gatewayClient(engine.address);
    const client = gatewayClient(proxy.address);
    try {
      await unary(direct, 'DeployResource', { resources: [{ name: 'one-task.bpmn', content: readFileSync(processFixture('one-task.bpmn')) }] });
      const stream = serverStream(client, 'StreamActivatedJobs', { type: 'one-task-work', worker: 'streamer', timeout: '60000', fetchVariable: [], tenantIds: [] });
      let ended = false;
      stream.on('status', () => (ended = true));
      stream.on('error', () => undefined);
      const streamed = new Promise<Record<string, unknown>>((resolve) => stream.once('data', resolve));
      await new Promise((r) => setTimeout(r, 300));
      const created = await unary(direct, 'CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
      const job = await within(10_000, 'the streamed job', streamed);
      assert.equal(job.processInstanceKey, created.response?.processInstanceKey);
      assert.equal(ended, false, 'the job arrived while the stream is still open');
      stream.cancel();
      await new Promise((r) => setTimeout(r, 300));
      const unclaimed = await unary(direct, 'CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
      const direct1 = await new Promise<Record<string, unknown>[]>((resolve) => {
        const jobs: Record<string, unknown>[] = [];
        const call = serverStream(direct, 'ActivateJobs', { type: 'one-task-work', worker: 'direct', timeout: '60000', maxJobsToActivate: 5, requestTimeout: '1000' });
        call.on('data', (r: { jobs: Record<string, unknown>[] }) => jobs.push(...r.jobs));
        call.on('error', () => resolve(jobs));
        call.on('end', () => resolve(jobs));
      });
      assert.deepEqual(direct1.map((j) => j.processInstanceKey), [unclaimed.response?.processInstanceKey], 'the cancel reached the engine: no stream took the new job');

      const poll = serverStream(client, 'ActivateJobs', { type: 'one-task-work', worker: 'poller', timeout: '60000', maxJobsToActivate: 1, requestTimeout: '30000' });
      poll.on('error', () => undefined);
      const polled = new Promise<Record<string, unknown>>((resolve) => poll.once('data', resolve));
      await new Promise((r) => setTimeout(r, 300));
      const second = await unary(direct, 'CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
      const batch = await within(10_000, 'the long-polled job', polled);
      assert.equal((batch.jobs as { processInstanceKey: string }[])[0]?.processInstanceKey, second.response?.processInstanceKey);
    } finally {
      client.close();
      direct.close();
      await proxy.stop();
    }
    const calls = readCassette(cassette).calls;
    const streamCall = calls.find((c) => c.method.endsWith('/StreamActivatedJobs'));
    assert.equal(streamCall?.responses.length, 1);
    assert.equal(streamCall.end?.by, 'client', 'the stream was cancelled by the client, and recorded so');
    assert.equal(streamCall.end.status, 1);
  });

  it('1,000 concurrent calls give 1,000 recorded calls', async () => {
    const cassette = join(dir, 'many.jsonl');
    const proxy = await proxyFor(engine, cassette);
    const client = gatewayClient(proxy.address);
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => unary(client, 'PublishMessage', { name: `m${i}`, correlationKey: `k${i}`, timeToLive: '0', variables: '{}' })));
    client.close();
    await proxy.stop();
    assert.deepEqual(results.filter((r) => r.error !== null).map((r) => r.error?.message), []);
    const calls = readCassette(cassette).calls;
    assert.equal(calls.length, 1000);
    assert.equal(calls.filter((c) => c.end?.status === 0 && c.responses.length === 1).length, 1000);
    assert.deepEqual(new Set(calls.map((c) => (messagesOf(c, 'requests')[0]?.name as string))).size, 1000);
  });
});
