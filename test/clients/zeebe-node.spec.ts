import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZBClient, type ZBWorker } from 'zeebe-node';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { clientFixture, deferred, processFixture, waitFor, within } from './support.js';

/** Long enough that a job arriving "promptly" cannot be the next poll after an expired one. */
const LONG_POLL_MS = 30_000;
const PROMPTLY_MS = 10_000;

type AnyWorker = ZBWorker<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;

interface SeenJob {
  readonly key: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly retries: number;
  readonly variables: unknown;
  readonly customHeaders: unknown;
}

/** zeebe-node 8.3 (the community client the SDK grew from), plaintext, without OAuth or retries, against the engine. */
describe('zeebe-node runs real workflows against the engine', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  let zbc: ZBClient;
  const workers: AnyWorker[] = [];
  before(async () => {
    engine = await startEngine();
    zbc = new ZBClient(engine.address, { useTLS: false, retry: false, loglevel: 'NONE', pollInterval: 50, longPoll: LONG_POLL_MS });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close(1000)));
    engine.reset();
  });
  after(async () => {
    await zbc.close(1000);
    await engine.stop();
  });

  /** A worker with a long poll; `polling` waits until its ActivateJobs call is open. */
  function worker(taskType: string, taskHandler: Parameters<ZBClient['createWorker']>[0]['taskHandler']): AnyWorker {
    const w = zbc.createWorker({ taskType, taskHandler, longPoll: LONG_POLL_MS, timeout: 60_000, maxJobsToActivate: 5, loglevel: 'NONE', id: `zbnode-${taskType}` }) as AnyWorker;
    workers.push(w);
    return w;
  }
  async function polling(w: AnyWorker): Promise<void> {
    await waitFor('the worker to open its long poll', () => ((w as unknown as { jobStream?: unknown }).jobStream === undefined ? undefined : true));
    await sleep(200);
  }
  const seen = (job: SeenJob): SeenJob => ({
    key: job.key,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    elementId: job.elementId,
    retries: job.retries,
    variables: job.variables,
    customHeaders: job.customHeaders,
  });

  it('deployProcess (the deprecated DeployProcess RPC) from a path and from a buffer; deployResource from a path', async () => {
    const fromPath = await zbc.deployProcess(processFixture('one-task.bpmn'));
    assert.match(fromPath.key, /^\d+$/);
    const [v1, ...none] = fromPath.processes;
    assert.equal(none.length, 0);
    assert.equal(v1?.bpmnProcessId, 'one-task');
    assert.equal(v1.version, 1);
    assert.equal(v1.resourceName, 'one-task.bpmn', 'zeebe-node names a file by its base name');

    const changed = Buffer.from(readFileSync(processFixture('one-task.bpmn'), 'utf8').replace('name="One task"', 'name="One task, v2"'));
    const fromBuffer = await zbc.deployProcess({ definition: changed, name: 'one-task-v2.bpmn' });
    assert.equal(fromBuffer.processes[0]?.version, 2);
    assert.equal(fromBuffer.processes[0].resourceName, 'one-task-v2.bpmn');

    const resource = await zbc.deployResource({ processFilename: processFixture('error-boundary.bpmn') });
    assert.equal(resource.deployments[0]?.process.bpmnProcessId, 'error-boundary');
    assert.equal(resource.deployments[0].process.version, 1);

    const pinned = await zbc.createProcessInstance({ bpmnProcessId: 'one-task', version: 1, variables: {} });
    assert.equal(pinned.processDefinitionKey, v1.processDefinitionKey);
    const latest = await zbc.createProcessInstance({ bpmnProcessId: 'one-task', variables: {} });
    assert.equal(latest.version, 2);
  });

  it('a worker already long-polling gets the job of an instance created by id, with variables and headers, and completes it', async () => {
    await zbc.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const got = deferred<SeenJob>();
    const w = worker('one-task-work', (job) => {
      got.resolve(seen(job));
      return job.complete({ paid: true });
    });
    await polling(w);
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'one-task', variables: { orderId: 9, items: ['a', 'b'] } });
    assert.equal(instance.bpmnProcessId, 'one-task');
    const job = await within(PROMPTLY_MS, `the waiting worker (long poll ${LONG_POLL_MS} ms) to get the job`, got.promise);
    assert.deepEqual(job, {
      key: job.key,
      processInstanceKey: instance.processInstanceKey,
      bpmnProcessId: 'one-task',
      elementId: 'work',
      retries: 3,
      variables: { orderId: 9, items: ['a', 'b'] },
      customHeaders: { priority: 'high' },
    });
    await waitFor('the instance to complete', () => (engine.inspect().instances === 0 ? true : undefined), PROMPTLY_MS);
  });

  it('createProcessInstanceWithResult (requestTimeout 0: the gateway default) answers the final variables once a worker completes the task', async () => {
    await zbc.deployResource({ processFilename: clientFixture('result-task.bpmn') });
    const w = worker('client-compute', (job) => {
      const { a, b } = job.variables as { a: number; b: number };
      return job.complete({ product: a * b });
    });
    await polling(w);
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'result-task', variables: { a: 6, b: 7 } });
    assert.equal(result.bpmnProcessId, 'result-task');
    assert.equal(result.version, 1);
    assert.deepEqual(result.variables, { a: 6, b: 7, result: 42 });
    assert.equal(engine.inspect().instances, 0);
  });

  it('one waiting worker takes the jobs of many instances, in batches, until every instance has completed', async () => {
    await zbc.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const done = new Set<string>();
    const w = worker('one-task-work', (job) => {
      done.add(job.processInstanceKey);
      return job.complete();
    });
    await polling(w);
    const created = await Promise.all(Array.from({ length: 8 }, (_, n) => zbc.createProcessInstance({ bpmnProcessId: 'one-task', variables: { n } })));
    await waitFor('every instance to complete', () => (engine.inspect().instances === 0 ? true : undefined), PROMPTLY_MS);
    assert.deepEqual([...done].sort(), created.map((c) => c.processInstanceKey).sort());
  });

  it('workers drive exclusive and parallel gateways and an embedded subprocess with mappings to the end', async () => {
    await zbc.deployResource({ processFilename: processFixture('gateways.bpmn') });
    const small = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'gateways', variables: { amount: 5 } });
    assert.deepEqual(small.variables, { amount: 5 }, 'the default flow ends at once');
    const seenB = deferred<SeenJob>();
    const a = worker('gw-a', (job) => job.complete({ fromA: 1 }));
    const b = worker('gw-b', (job) => {
      seenB.resolve(seen(job));
      return job.complete({ subResult: 'ok' });
    });
    await Promise.all([polling(a), polling(b)]);
    const big = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'gateways', variables: { amount: 150 }, requestTimeout: PROMPTLY_MS });
    assert.deepEqual(big.variables, { amount: 150, fromA: 1, subResult: 'ok', fromSub: 'ok' });
    const jobB = await seenB.promise;
    assert.equal((jobB.variables as { doubled?: number }).doubled, 300, 'the subprocess input mapping reached the inner task');
  });

  it('a worker\'s BPMN error is caught by the boundary event; a failed job without retries is an incident', async () => {
    await zbc.deployResource({ processFilename: processFixture('error-boundary.bpmn') });
    const notified = deferred<SeenJob>();
    const charge = worker('charge-card', (job) => job.error('DECLINED', 'card declined'));
    const notify = worker('notify-customer', (job) => {
      notified.resolve(seen(job));
      return job.fail('mail server down', 0);
    });
    await Promise.all([polling(charge), polling(notify)]);
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'error-boundary', variables: { order: 3 } });
    const job = await within(PROMPTLY_MS, 'the job after the boundary event', notified.promise);
    assert.equal(job.processInstanceKey, instance.processInstanceKey);
    assert.equal(job.elementId, 'notify');
    const incident = await waitFor('the incident of the failed job', () => engine.inspect().incidents[0], PROMPTLY_MS);
    assert.equal(incident.type, 'JOB_NO_RETRIES');
    assert.equal(incident.message, 'mail server down');
    assert.equal(incident.jobKey, job.key);
  });

  it('a broken BPMN is rejected with INVALID_ARGUMENT naming the problem', async () => {
    await assert.rejects(zbc.deployResource({ processFilename: clientFixture('truncated.bpmn') }), (e: unknown) => {
      const error = e as { code?: number; message: string };
      assert.equal(error.code, 3);
      assert.match(error.message, /truncated\.bpmn': Failed to parse BPMN/);
      return true;
    });
  });
});
