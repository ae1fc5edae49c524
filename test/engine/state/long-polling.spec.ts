import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials, type ClientReadableStream } from '@grpc/grpc-js';
import { manualClock, type ManualClock } from '../../../engine/index.js';
import { createGatewayClientConstructor } from '../../../proto/index.js';
import type { EngineWithClient } from '../../support/engine-target.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import { jobsOf, type ActivatedJob } from '../../support/processes.js';

/** Lets a call reach the engine and park before the test moves the clock (not a timing assertion). */
const settle = () => sleep(50);

describe('engine state: ActivateJobs long polling and StreamActivatedJobs', () => {
  let target: EngineWithClient;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = manualClock();
    target = await deployedEngine(['one-task.bpmn'], { clock, topology: { partitions: 3 } });
  });
  afterEach(() => target.close());

  const create = async (variables: object = {}) => {
    const outcome = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1, variables: JSON.stringify(variables) });
    assert.equal(outcome.status, 'OK', outcome.details);
  };
  const poll = (requestTimeout: number, extra: object = {}) =>
    target.client.call('ActivateJobs', { type: 'one-task-work', worker: 'w', timeout: 60_000, maxJobsToActivate: 10, requestTimeout, ...extra }, { deadlineMs: 60_000 });

  it('completes at once with OK and no message when requestTimeout is negative and there is no job', async () => {
    const outcome = await poll(-1);
    assert.equal(outcome.status, 'OK');
    assert.deepEqual(outcome.responses, []);
  });

  it('completes a parked request as soon as a job appears', async () => {
    const pending = poll(30_000);
    await settle();
    await create();
    const outcome = await pending;
    assert.equal(outcome.status, 'OK');
    assert.equal(jobsOf(outcome.responses).length, 1);
  });

  it('ends a parked request with OK and no message when its time runs out (0 = the 10 s default)', async () => {
    const explicit = poll(5000);
    const byDefault = poll(0);
    await settle();
    clock.advance(5000);
    assert.deepEqual(await explicit, { status: 'OK', details: '', ruleId: undefined, responses: [] });
    clock.advance(4999);
    await settle();
    let ended = false;
    void byDefault.then(() => (ended = true));
    await settle();
    assert.equal(ended, false, 'still parked before 10 s');
    clock.advance(1);
    assert.deepEqual((await byDefault).responses, []);
  });

  it('sends one message per partition with jobs, never an empty one, and never more than asked', async () => {
    for (let i = 0; i < 6; i++) await create({ i });
    const outcome = await poll(-1, { maxJobsToActivate: 4 });
    assert.ok(outcome.responses.every((r) => (r as { jobs: unknown[] }).jobs.length > 0));
    assert.ok(outcome.responses.length >= 2, `spread over partitions: ${outcome.responses.length} messages`);
    assert.equal(jobsOf(outcome.responses).length, 4);
    assert.equal(jobsOf((await poll(-1)).responses).length, 2);
  });

  it('sends only the fetched variables', async () => {
    await create({ a: 1, b: 2, c: 3 });
    const [job] = jobsOf((await poll(-1, { fetchVariable: ['a', 'c', 'missing'] })).responses);
    assert.deepEqual(JSON.parse(job?.variables ?? ''), { a: 1, c: 3 });
  });

  it('keeps each response under 4 MiB: jobs that do not fit stay activatable, a job that never fits is an incident', async () => {
    // One partition, so every job competes for the same response message.
    await target.close();
    target = await deployedEngine(['one-task.bpmn'], { clock, topology: { partitions: 1 } });
    const big = 'x'.repeat(1536 * 1024);
    for (let i = 0; i < 3; i++) await create({ big, i });
    const first = jobsOf((await poll(-1)).responses);
    assert.equal(first.length, 2, 'two jobs of 1.5 MiB fit in one 4 MiB response, the third does not');
    const second = jobsOf((await poll(-1)).responses);
    assert.equal(second.length, 1, 'the third is still activatable');
    await create({ big, i: 3 });
    const [tooBig] = target.engine.inspect().incidents;
    assert.equal(tooBig, undefined);
    const outcome = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1, variables: JSON.stringify({ a: big, b: big }) });
    await target.client.call('SetVariables', { elementInstanceKey: (outcome.responses[0] as { processInstanceKey: string }).processInstanceKey, variables: JSON.stringify({ c: big }), local: true });
    const last = jobsOf((await poll(-1)).responses);
    assert.equal(last.length, 1, 'the 1.5 MiB job still goes out');
    const incident = target.engine.inspect().incidents.find((i) => i.type === 'JOB_NO_RETRIES');
    assert.match(incident?.message ?? '', /larger than the configured maximum message size/);
  });

  describe('StreamActivatedJobs', () => {
    const open = (): { stream: ClientReadableStream<ActivatedJob>; received: ActivatedJob[]; close(): void } => {
      const Client = createGatewayClientConstructor();
      const client = new Client(target.engine.address, credentials.createInsecure());
      const stream = (client as unknown as Record<string, (r: object) => ClientReadableStream<ActivatedJob>>)['StreamActivatedJobs']!.call(client, {
        type: 'one-task-work',
        worker: 'streamer',
        timeout: 60_000,
        fetchVariable: [],
        tenantIds: [],
      });
      const received: ActivatedJob[] = [];
      stream.on('data', (job: ActivatedJob) => received.push(job));
      stream.on('error', () => undefined);
      return { stream, received, close: () => { stream.cancel(); client.close(); } };
    };

    it('pushes jobs that become activatable after it opens, and leaves the backlog to ActivateJobs', async () => {
      await create({ backlog: true });
      const s = open();
      await settle();
      await create({ pushed: true });
      await settle();
      s.close();
      assert.equal(s.received.length, 1);
      assert.deepEqual(JSON.parse(s.received[0]?.variables ?? ''), { pushed: true });
      assert.equal(s.received[0]?.worker, 'streamer');
      const polled = jobsOf((await poll(-1)).responses);
      assert.deepEqual(polled.map((j) => JSON.parse(j.variables) as unknown), [{ backlog: true }]);
    });

    it('stops pushing once the client cancels; later jobs stay activatable', async () => {
      const s = open();
      await settle();
      s.close();
      await settle();
      await create();
      await settle();
      assert.equal(s.received.length, 0);
      assert.equal(jobsOf((await poll(-1)).responses).length, 1);
    });
  });
});
