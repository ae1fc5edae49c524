import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { sdkClient, type ZeebeClient } from './sdk-client.js';
import { clientFixture, deferred, processFixture, waitFor, within } from './support.js';

type Worker = ReturnType<ZeebeClient['createWorker']>;
type Handler = Parameters<ZeebeClient['createWorker']>[0]['taskHandler'];

/** What a worker's handler saw of a job. */
interface SeenJob {
  readonly key: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly retries: number;
  readonly worker: string;
  readonly variables: unknown;
  readonly customHeaders: unknown;
}

/** Long enough that a job arriving "promptly" cannot be the next poll after an expired one. */
const LONG_POLL_MS = 30_000;
/** The generous bound for anything that should happen at once. */
const PROMPTLY_MS = 10_000;

/** `@camunda8/sdk` 8.6 (the gRPC client and its workers) without OAuth or TLS, against the engine. */
describe('@camunda8/sdk runs real workflows against the engine', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  let zeebe: ZeebeClient;
  const workers: Worker[] = [];
  before(async () => {
    engine = await startEngine();
    zeebe = sdkClient(engine.address);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.close(1000)));
    engine.reset();
  });
  after(async () => {
    await zeebe.close(1000);
    await engine.stop();
  });

  /** A polling worker (ActivateJobs with a long poll), closed after the test. */
  function worker(taskType: string, taskHandler: Handler): Worker {
    const w = zeebe.createWorker({ taskType, taskHandler, longPoll: LONG_POLL_MS, timeout: 60_000, maxJobsToActivate: 5, id: `sdk-${taskType}` });
    workers.push(w);
    return w;
  }
  /** Waits until the worker has a long poll open (its ActivateJobs call is on the wire). */
  async function polling(w: Worker): Promise<void> {
    await waitFor('the worker to open its long poll', () => ((w as unknown as { jobStream?: unknown }).jobStream === undefined ? undefined : true));
    await sleep(200);
  }
  const seen = (job: SeenJob): SeenJob => ({
    key: job.key,
    processInstanceKey: job.processInstanceKey,
    elementId: job.elementId,
    retries: job.retries,
    worker: job.worker,
    variables: { ...(job.variables as object) },
    customHeaders: { ...(job.customHeaders as object) },
  });
  /**
   * Closes a streaming worker. The SDK's close() removes every listener of the call and then cancels it, so the
   * CANCELLED status grpc-js reports on the next tick would be an 'error' event nobody listens to (an uncaught
   * exception that fails whatever test runs then): listen again right after closing.
   */
  function closeStream(stream: { close: () => void }): void {
    const internals = (zeebe as unknown as { streamWorker?: { streams: NodeJS.EventEmitter[] } }).streamWorker?.streams ?? [];
    stream.close();
    for (const call of internals) call.on('error', () => undefined);
  }
  const instancesDone = () => waitFor('every instance to complete', () => (engine.inspect().instances === 0 ? true : undefined), PROMPTLY_MS);

  it('deploys from a file and from a buffer, and creates instances by process id, latest or pinned version', async () => {
    const fromFile = await zeebe.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const v1 = fromFile.deployments[0]?.process;
    assert.equal(v1?.bpmnProcessId, 'one-task');
    assert.equal(v1.version, 1);
    assert.equal(v1.resourceName, processFixture('one-task.bpmn'), 'the SDK names a file resource by its path');
    const changed = Buffer.from(readFileSync(processFixture('one-task.bpmn'), 'utf8').replace('name="One task"', 'name="One task, v2"'));
    const fromBuffer = await zeebe.deployResource({ name: 'one-task-v2.bpmn', process: changed });
    const v2 = fromBuffer.deployments[0]?.process;
    assert.equal(v2?.version, 2);
    assert.equal(v2.resourceName, 'one-task-v2.bpmn');
    assert.notEqual(v2.processDefinitionKey, v1.processDefinitionKey);

    const latest = await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', variables: { n: 1 } });
    assert.equal(latest.processDefinitionKey, v2.processDefinitionKey);
    assert.equal(latest.version, 2);
    const pinned = await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', version: 1, variables: {} });
    assert.equal(pinned.processDefinitionKey, v1.processDefinitionKey);
    assert.equal(pinned.version, 1);
    assert.equal(engine.inspect().instances, 2);
    await zeebe.cancelProcessInstance(pinned.processInstanceKey);
    assert.equal(engine.inspect().instances, 1);
  });

  it('a worker already long-polling gets the job of a new instance promptly, with its variables and headers, and completes it', async () => {
    await zeebe.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const got = deferred<SeenJob>();
    const w = worker('one-task-work', (job) => {
      got.resolve(seen(job));
      return job.complete({ paid: true });
    });
    await polling(w);
    const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', variables: { orderId: 7, customer: { vip: true } } });
    const job = await within(PROMPTLY_MS, `the waiting worker (long poll ${LONG_POLL_MS} ms) to get the job`, got.promise);
    assert.deepEqual(job, {
      key: job.key,
      processInstanceKey: instance.processInstanceKey,
      elementId: 'work',
      retries: 3,
      worker: 'sdk-one-task-work',
      variables: { orderId: 7, customer: { vip: true } },
      customHeaders: { priority: 'high' },
    });
    await instancesDone();
  });

  it('fails a job with retries (it comes back with them), then to zero retries (incident); update retries and resolve bring it back', async () => {
    await zeebe.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', variables: {} });
    const activate = () => zeebe.activateJobs({ type: 'one-task-work', worker: 'sdk-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 1000 });
    const [job] = await activate();
    assert.ok(job);
    await zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'try again', retryBackOff: 0 });
    const [again] = await activate();
    assert.equal(again?.key, job.key);
    assert.equal(again.retries, 1);

    await zeebe.failJob({ jobKey: job.key, retries: 0, errorMessage: 'out of paper', retryBackOff: 0 });
    const [incident] = engine.inspect().incidents;
    assert.equal(incident?.type, 'JOB_NO_RETRIES');
    assert.equal(incident.message, 'out of paper');
    assert.equal(incident.processInstanceKey, instance.processInstanceKey);
    assert.deepEqual(await activate(), []);
    await zeebe.updateJobRetries({ jobKey: job.key, retries: 2 });
    await zeebe.resolveIncident({ incidentKey: incident.key });
    const [back] = await activate();
    assert.equal(back?.key, job.key);
    assert.equal(back.retries, 2);
    await zeebe.completeJob({ jobKey: job.key, variables: {} });
    assert.equal(engine.inspect().instances, 0);
  });

  it('a job handler that fails the job without retries raises an incident', async () => {
    await zeebe.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const w = worker('one-task-work', (job) => job.fail({ errorMessage: 'handler gave up', retries: 0 }));
    await polling(w);
    const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', variables: {} });
    const incident = await waitFor('an incident', () => engine.inspect().incidents[0], PROMPTLY_MS);
    assert.equal(incident.type, 'JOB_NO_RETRIES');
    assert.equal(incident.message, 'handler gave up');
    assert.equal(incident.processInstanceKey, instance.processInstanceKey);
  });

  it('a BPMN error thrown by a worker is caught by the boundary event; the next worker completes the instance', async () => {
    await zeebe.deployResource({ processFilename: processFixture('error-boundary.bpmn') });
    const notified = deferred<SeenJob>();
    const charge = worker('charge-card', (job) => job.error({ errorCode: 'DECLINED', errorMessage: 'card declined', variables: { reason: 'limit' } }));
    const notify = worker('notify-customer', (job) => {
      notified.resolve(seen(job));
      return job.complete();
    });
    await Promise.all([polling(charge), polling(notify)]);
    const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'error-boundary', variables: { order: 1 } });
    const job = await within(PROMPTLY_MS, 'the job after the error boundary event', notified.promise);
    assert.equal(job.processInstanceKey, instance.processInstanceKey);
    assert.equal(job.elementId, 'notify');
    assert.deepEqual(job.variables, { order: 1, reason: 'limit' });
    await instancesDone();
    assert.deepEqual(engine.inspect().incidents, []);
  });

  it('throwError through the client API is caught by the boundary event', async () => {
    await zeebe.deployResource({ processFilename: processFixture('error-boundary.bpmn') });
    await zeebe.createProcessInstance({ bpmnProcessId: 'error-boundary', variables: { order: 2 } });
    const [charge] = await zeebe.activateJobs({ type: 'charge-card', worker: 'sdk-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 1000 });
    assert.ok(charge);
    await zeebe.throwError({ jobKey: charge.key, errorCode: 'DECLINED', errorMessage: 'card declined' });
    const [notify] = await zeebe.activateJobs({ type: 'notify-customer', worker: 'sdk-test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 1000 });
    assert.equal(notify?.processInstanceKey, charge.processInstanceKey);
    assert.deepEqual({ ...notify.variables }, { order: 2 });
  });

  it('createProcessInstanceWithResult answers the variables once a worker completes the task (input and output mappings applied)', async () => {
    await zeebe.deployResource({ processFilename: clientFixture('result-task.bpmn') });
    const got = deferred<SeenJob>();
    const w = worker('client-compute', (job) => {
      got.resolve(seen(job));
      const { a, b } = job.variables as { a: number; b: number };
      return job.complete({ product: a * b });
    });
    await polling(w);
    const result = await zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'result-task', variables: { a: 2, b: 3 }, requestTimeout: PROMPTLY_MS });
    assert.equal(result.bpmnProcessId, 'result-task');
    assert.deepEqual({ ...result.variables }, { a: 2, b: 3, result: 6 });
    const job = await got.promise;
    assert.deepEqual(job.variables, { a: 2, b: 3, sum: 5 });
    assert.equal(job.processInstanceKey, result.processInstanceKey);
    const fetched = await zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'result-task', variables: { a: 4, b: 5 }, fetchVariables: ['result'], requestTimeout: PROMPTLY_MS });
    assert.deepEqual({ ...fetched.variables }, { result: 20 });
  });

  it('a streaming worker (StreamActivatedJobs) receives the job of an instance created while it listens, and completes it', async () => {
    await zeebe.deployResource({ processFilename: processFixture('one-task.bpmn') });
    const got = deferred<SeenJob>();
    const stream = await zeebe.streamJobs({
      type: 'one-task-work',
      worker: 'sdk-stream',
      tenantIds: [],
      timeout: 60_000,
      taskHandler: (job) => {
        got.resolve(seen(job));
        return job.complete({ streamed: true });
      },
    });
    try {
      // The stream is registered when the engine has read the request; no response tells the client when, so:
      // create instances until one is pushed (almost always the first), each with a generous wait.
      await sleep(200);
      const created: string[] = [];
      let job: SeenJob | undefined;
      for (let attempt = 0; attempt < 4 && job === undefined; attempt++) {
        created.push((await zeebe.createProcessInstance({ bpmnProcessId: 'one-task', variables: { attempt } })).processInstanceKey);
        job = await within(3000, 'the streamed job', got.promise).catch(() => undefined);
      }
      assert.ok(job, 'the stream received a job');
      assert.ok(created.includes(job.processInstanceKey));
      assert.equal(job.worker, 'sdk-stream');
      assert.deepEqual(job.customHeaders, { priority: 'high' });
      await waitFor('the streamed job to complete its instance', () => (engine.inspect().instances === created.length - 1 ? true : undefined), PROMPTLY_MS);
    } finally {
      closeStream(stream);
    }
  });

  it('a broken BPMN is rejected with INVALID_ARGUMENT naming the problem; an unknown process is NOT_FOUND', async () => {
    await assert.rejects(zeebe.deployResource({ processFilename: clientFixture('missing-task-type.bpmn') }), (e: unknown) => {
      const error = e as { code?: number; message: string };
      assert.equal(error.code, 3);
      assert.match(error.message, /Must have exactly one 'zeebe:taskDefinition' extension element/);
      assert.match(error.message, /missing-task-type\.bpmn/);
      return true;
    });
    await assert.rejects(zeebe.createProcessInstance({ bpmnProcessId: 'missing-task-type', variables: {} }), (e: unknown) => {
      assert.equal((e as { code?: number }).code, 5);
      return true;
    });
  });
});
