import assert from 'node:assert/strict';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { clientFixture, processFixture } from './support.js';
import { zbctlAt, zbctlJsonAt, type ZbctlRun } from './zbctl-run.js';

interface Job {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly bpmnProcessId: string;
  readonly elementId: string;
  readonly customHeaders: string;
  readonly worker: string;
  readonly retries: number;
  readonly deadline: string;
  readonly variables: string;
  readonly tenantId: string;
}

/** The real Go client (zbctl 8.4.1), called directly (the npm wrapper checks for updates over the network). */
describe('zbctl (the Go client) runs real workflows against the engine', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  before(async () => {
    engine = await startEngine({ topology: { gatewayVersion: '8.4.1' } });
  });
  afterEach(() => {
    engine.reset();
  });
  after(() => engine.stop());

  /** Runs zbctl against the engine, never throwing. */
  const zbctl = (...args: string[]): Promise<ZbctlRun> => zbctlAt(engine.address, ...args);
  /** Runs zbctl against the engine, asserting exit 0, and parses its JSON output. */
  const zbctlJson = <T>(...args: string[]): Promise<T> => zbctlJsonAt<T>(engine.address, ...args);
  const activate = async (type: string, ...flags: string[]) =>
    (await zbctlJson<{ jobs: Job[] }>('activate', 'jobs', type, '--requestTimeout', '1s', ...flags)).jobs;
  const create = (processIdOrKey: string, variables = '{}') =>
    zbctlJson<{ processInstanceKey: string; processDefinitionKey: string; bpmnProcessId: string; version: number }>('create', 'instance', processIdOrKey, '--variables', variables);
  const deploy = (...files: string[]) => zbctlJson<DeployOutput>('deploy', 'resource', ...files);

  it('status shows the topology and the gateway version (JSON and human output)', async () => {
    const topology = await zbctlJson<{ brokers: { nodeId: number; partitions: { partitionId: number; role: string; health: string }[] }[]; clusterSize: number; partitionsCount: number; gatewayVersion: string }>('status', '-o', 'json');
    assert.equal(topology.gatewayVersion, '8.4.1');
    assert.equal(topology.clusterSize, 1);
    assert.equal(topology.partitionsCount, 1);
    assert.deepEqual(topology.brokers[0]?.partitions, [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
    const human = await zbctl('status');
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /^Gateway version: 8\.4\.1$/m);
    assert.match(human.stdout, /Partition 1 : Leader, Healthy/);
  });

  it('deploys a BPMN file, creates an instance with variables, activates and completes its job; cancelling the completed instance is NotFound', async () => {
    const file = processFixture('one-task.bpmn');
    const deployed = await deploy(file);
    const process = deployed.deployments[0]?.process;
    assert.equal(process?.bpmnProcessId, 'one-task');
    assert.equal(process.version, 1);
    assert.equal(process.resourceName, file);
    assert.equal(process.tenantId, '<default>');

    const instance = await create('one-task', '{"orderId":7,"customer":{"vip":true}}');
    assert.equal(instance.bpmnProcessId, 'one-task');
    assert.equal(instance.processDefinitionKey, process.processDefinitionKey);
    const before = Date.now();
    const [job, ...others] = await activate('one-task-work', '--worker', 'zbctl-test', '--timeout', '2m', '--maxJobsToActivate', '5');
    assert.equal(others.length, 0);
    assert.ok(job);
    assert.equal(job.processInstanceKey, instance.processInstanceKey);
    assert.equal(job.bpmnProcessId, 'one-task');
    assert.equal(job.elementId, 'work');
    assert.equal(job.worker, 'zbctl-test');
    assert.equal(job.retries, 3);
    assert.deepEqual(JSON.parse(job.variables), { orderId: 7, customer: { vip: true } });
    assert.deepEqual(JSON.parse(job.customHeaders), { priority: 'high' });
    const deadline = Number(job.deadline);
    assert.ok(deadline >= before + 120_000 && deadline <= Date.now() + 120_000, `deadline ${job.deadline} is about now + 2m`);
    assert.deepEqual(await activate('one-task-work'), [], 'an activated job is not handed out twice');

    const complete = await zbctl('complete', 'job', job.key, '--variables', '{"paid":true}');
    assert.equal(complete.code, 0, complete.stderr);
    assert.equal(complete.stdout.trim(), `Completed job with key '${job.key}' and variables '{"paid":true}'`);
    assert.equal(engine.inspect().instances, 0);

    const cancel = await zbctl('cancel', 'instance', instance.processInstanceKey);
    assert.equal(cancel.code, 1);
    assert.match(cancel.stderr, /rpc error: code = NotFound desc = .*no such process was found/);
    assert.ok(cancel.stderr.includes(instance.processInstanceKey), cancel.stderr);
    const again = await zbctl('complete', 'job', job.key);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /code = NotFound desc = .*no such job was found/);
  });

  it('creates an instance by process definition key and with --withResult, which answers the final variables', async () => {
    const deployed = await deploy(processFixture('one-task.bpmn'));
    const definitionKey = deployed.deployments[0]?.process?.processDefinitionKey ?? '';
    const byKey = await create(definitionKey, '{"via":"key"}');
    assert.equal(byKey.bpmnProcessId, 'one-task');
    const [first] = await activate('one-task-work');
    assert.deepEqual(JSON.parse(first?.variables ?? ''), { via: 'key' });
    assert.equal((await zbctl('complete', 'job', first?.key ?? '')).code, 0);

    const withResult = zbctl('create', 'instance', 'one-task', '--variables', '{"orderId":8}', '--withResult', '--requestTimeout', '10s');
    const [job] = await activate('one-task-work', '--requestTimeout', '5s');
    assert.ok(job, 'the instance waiting for its result has a job');
    assert.equal((await zbctl('complete', 'job', job.key, '--variables', '{"paid":true}')).code, 0);
    const result = await withResult;
    assert.equal(result.code, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { processInstanceKey: string; bpmnProcessId: string; variables: string };
    assert.equal(output.bpmnProcessId, 'one-task');
    assert.equal(output.processInstanceKey, job.processInstanceKey);
    assert.deepEqual(JSON.parse(output.variables), { orderId: 8, paid: true });
  });

  it('fails a job to zero retries (an incident), updates its retries, resolves the incident: the job is activatable again', async () => {
    await deploy(processFixture('one-task.bpmn'));
    const instance = await create('one-task');
    const [job] = await activate('one-task-work');
    assert.ok(job);

    const fail = await zbctl('fail', 'job', job.key, '--retries', '0', '--errorMessage', 'printer on fire', '-o', 'json');
    assert.equal(fail.code, 0, fail.stderr);
    const [incident, ...more] = engine.inspect().incidents;
    assert.equal(more.length, 0);
    assert.ok(incident);
    assert.equal(incident.type, 'JOB_NO_RETRIES');
    assert.equal(incident.message, 'printer on fire');
    assert.equal(incident.processInstanceKey, instance.processInstanceKey);
    assert.equal(incident.jobKey, job.key);
    assert.deepEqual(await activate('one-task-work'), [], 'a job without retries is not activatable');

    const update = await zbctl('update', 'retries', job.key, '--retries', '2', '-o', 'json');
    assert.equal(update.code, 0, update.stderr);
    assert.deepEqual(await activate('one-task-work'), [], 'still not activatable while the incident is open');

    const resolve = await zbctl('resolve', 'incident', incident.key, '-o', 'json');
    assert.equal(resolve.code, 0, resolve.stderr);
    assert.deepEqual(engine.inspect().incidents, []);
    const [again] = await activate('one-task-work');
    assert.equal(again?.key, job.key);
    assert.equal(again.retries, 2);

    const twice = await zbctl('resolve', 'incident', incident.key);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /code = NotFound/);
  });

  it('fails a job with retries left and a back-off: it comes back with the retries the client set', async () => {
    await deploy(processFixture('one-task.bpmn'));
    await create('one-task');
    const [job] = await activate('one-task-work');
    assert.ok(job);
    const fail = await zbctl('fail', 'job', job.key, '--retries', '1', '--errorMessage', 'try again', '--retryBackoff', '200ms');
    assert.equal(fail.code, 0, fail.stderr);
    assert.deepEqual(engine.inspect().incidents, []);
    const [again] = await activate('one-task-work', '--requestTimeout', '5s');
    assert.equal(again?.key, job.key);
    assert.equal(again.retries, 1);
  });

  it('throws a BPMN error that the error boundary event catches: the job after the boundary appears', async () => {
    await deploy(processFixture('error-boundary.bpmn'));
    const instance = await create('error-boundary', '{"order":1}');
    const [charge] = await activate('charge-card');
    assert.ok(charge);
    const thrown = await zbctl('throwError', 'job', charge.key, '--errorCode', 'DECLINED', '--errorMessage', 'card declined', '--variables', '{"reason":"limit"}');
    assert.equal(thrown.code, 0, thrown.stderr);
    const [notify] = await activate('notify-customer');
    assert.ok(notify, 'the task after the boundary event has a job');
    assert.equal(notify.processInstanceKey, instance.processInstanceKey);
    assert.equal(notify.elementId, 'notify');
    assert.deepEqual(JSON.parse(notify.variables), { order: 1, reason: 'limit' });
    assert.deepEqual(engine.inspect().incidents, []);
    const stale = await zbctl('throwError', 'job', charge.key, '--errorCode', 'DECLINED');
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /code = NotFound/);
  });

  it('sets variables, shortens a job timeout, and deletes a resource only once no instance runs', async () => {
    const deployed = await deploy(processFixture('one-task.bpmn'));
    const definitionKey = deployed.deployments[0]?.process?.processDefinitionKey ?? '';
    const instance = await create('one-task', '{"a":1,"b":2}');
    const set = await zbctl('set', 'variables', instance.processInstanceKey, '--variables', '{"c":3}');
    assert.equal(set.code, 0, set.stderr);
    assert.match(set.stdout, new RegExp(`^Set the variables of element instance with key '${instance.processInstanceKey}' to '\\{"c":3\\}' with command '\\d+'`));
    const [job] = await activate('one-task-work', '--variables', 'a,c');
    assert.ok(job);
    assert.deepEqual(JSON.parse(job.variables), { a: 1, c: 3 }, 'only the fetched variables, the set one included');

    const timeout = await zbctl('update', 'timeout', job.key, '--timeout', '300');
    assert.equal(timeout.code, 0, timeout.stderr);
    assert.equal(timeout.stdout.trim(), `Updated the timeout of job with key '${job.key}' to '300'`);
    const [again] = await activate('one-task-work', '--requestTimeout', '5s');
    assert.equal(again?.key, job.key, 'the job timed out after its new timeout and was activated again');

    const busy = await zbctl('delete', 'resource', definitionKey);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /code = FailedPrecondition desc = .*still running instances/);
    assert.equal((await zbctl('cancel', 'instance', instance.processInstanceKey)).code, 0);
    const deleted = await zbctl('delete', 'resource', definitionKey, '-o', 'json');
    assert.equal(deleted.code, 0, deleted.stderr);
    const gone = await zbctl('create', 'instance', 'one-task');
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /code = NotFound/);
  });

  it('publishes a message that correlates to a waiting instance: the job after the catch event carries its variables', async () => {
    await deploy(processFixture('message-events.bpmn'));
    const created = await create('message-events', '{"orderId":"o-7"}');
    const published = await zbctl('publish', 'message', 'payment-received', '--correlationKey', 'o-7', '--variables', '{"amount":12}', '--ttl', '0s');
    assert.equal(published.code, 0, published.stderr);
    const [ship] = await activate('ship');
    assert.equal(ship?.processInstanceKey, created.processInstanceKey);
    assert.deepEqual(JSON.parse(ship.variables), { orderId: 'o-7', amount: 12 });
  });

  it('broadcasts a signal that starts an instance at its signal start event', async () => {
    await deploy(processFixture('signal-events.bpmn'));
    const broadcast = await zbctl('broadcast', 'signal', 'go', '--variables', '{"source":"zbctl"}');
    assert.equal(broadcast.code, 0, broadcast.stderr);
    const [started] = await activate('signal-started');
    assert.equal(started?.bpmnProcessId, 'signal-start');
    assert.deepEqual(JSON.parse(started.variables), { source: 'zbctl' });
  });

  it('creates an instance --withResult that a published message completes', async () => {
    await deploy(processFixture('message-events.bpmn'));
    const withResult = zbctl('create', 'instance', 'message-twice', '--variables', '{"key":"k-1"}', '--withResult', '--requestTimeout', '10s');
    while (engine.inspect().instances === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const n of [1, 2]) assert.equal((await zbctl('publish', 'message', 'ping', '--correlationKey', 'k-1', '--variables', `{"n":${n}}`, '--ttl', '0s')).code, 0);
    const run = await withResult;
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse((JSON.parse(run.stdout) as { variables: string }).variables), { key: 'k-1', n: 2 });
  });

  it('rejects a service task without zeebe:taskDefinition with InvalidArgument naming the resource, element and problem', async () => {
    const file = clientFixture('missing-task-type.bpmn');
    const run = await zbctl('deploy', 'resource', file);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /rpc error: code = InvalidArgument desc = /);
    assert.ok(run.stderr.includes(file), run.stderr);
    assert.match(run.stderr, /Element: untyped-work/);
    assert.match(run.stderr, /Must have exactly one 'zeebe:taskDefinition' extension element/);
    const create = await zbctl('create', 'instance', 'missing-task-type');
    assert.equal(create.code, 1, 'nothing was deployed');
    assert.match(create.stderr, /code = NotFound/);
  });

  it('rejects truncated XML with InvalidArgument naming the resource and the parse error', async () => {
    const file = clientFixture('truncated.bpmn');
    const run = await zbctl('deploy', 'resource', processFixture('one-task.bpmn'), file);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /rpc error: code = InvalidArgument desc = /);
    assert.ok(run.stderr.includes(`'${file}'`), run.stderr);
    assert.match(run.stderr, /Failed to parse BPMN/);
    const create = await zbctl('create', 'instance', 'one-task');
    assert.equal(create.code, 1, 'a deployment is atomic: the valid resource beside the broken one was not deployed');
    assert.match(create.stderr, /code = NotFound/);
  });
});

interface DeployOutput {
  readonly key: string;
  readonly tenantId: string;
  readonly deployments: readonly { process?: { bpmnProcessId: string; version: number; processDefinitionKey: string; resourceName: string; tenantId: string } }[];
}
