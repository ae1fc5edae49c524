import assert from 'node:assert/strict';
import { manualClock, type ManualClock } from '../../../engine/index.js';
import { engineWithClient, type EngineWithClient } from '../../support/engine-target.js';
import { deploy, fixture, jobsOf, type DeployResponse } from '../../support/processes.js';

/** Deploy, create, activate, complete, fail, throw: the job lifecycle over real gRPC, with time under control. */
describe('engine state: deployments, instances and the job lifecycle', () => {
  let target: EngineWithClient;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = manualClock();
    target = await engineWithClient({ clock });
  });
  afterEach(() => target.close());

  const call = (rpc: Parameters<EngineWithClient['client']['call']>[0], request: object) => target.client.call(rpc, request);
  const create = async (bpmnProcessId: string, variables: object = {}) => {
    const outcome = await call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables) });
    assert.equal(outcome.status, 'OK', outcome.details);
    return outcome.responses[0] as { processInstanceKey: string; processDefinitionKey: string; version: number };
  };
  const activate = async (type: string, maxJobsToActivate = 10, timeout = 60_000) => {
    const outcome = await call('ActivateJobs', { type, worker: 'tester', timeout, maxJobsToActivate, requestTimeout: -1, fetchVariable: [] });
    assert.equal(outcome.status, 'OK', outcome.details);
    return jobsOf(outcome.responses);
  };

  it('deploys, versions identical and changed redeploys, and answers the deployment metadata', async () => {
    const first = (await deploy(target.client, ['one-task.bpmn'])).deployments.at(0)?.process;
    const again = (await deploy(target.client, ['one-task.bpmn'])).deployments.at(0)?.process;
    assert.ok(first);
    assert.deepEqual(again, first, 'an identical redeploy keeps version and key');
    assert.equal(first.version, 1);
    assert.match(first.processDefinitionKey, /^22517998136852\d\d$/, 'a key on partition 1');
    const changed = fixture('one-task.bpmn').toString().replace('name="Work"', 'name="Work, renamed"');
    const outcome = await call('DeployResource', { resources: [{ name: 'one-task.bpmn', content: Buffer.from(changed) }] });
    const second = (outcome.responses[0] as DeployResponse).deployments.at(0)?.process;
    assert.equal(second?.version, 2);
    assert.notEqual(second.processDefinitionKey, first.processDefinitionKey);
    assert.equal((outcome.responses[0] as DeployResponse).tenantId, '<default>');
    assert.equal((await create('one-task')).version, 2, 'version -1 is the latest');
  });

  it('runs a one-task process: variables and headers reach the worker, completion ends the instance', async () => {
    await deploy(target.client, ['one-task.bpmn']);
    const { processInstanceKey } = await create('one-task', { orderId: 7, customer: { vip: true } });
    const [job, ...others] = await activate('one-task-work');
    assert.equal(others.length, 0);
    assert.ok(job);
    assert.deepEqual(JSON.parse(job.variables), { orderId: 7, customer: { vip: true } });
    assert.deepEqual(JSON.parse(job.customHeaders), { priority: 'high' });
    assert.equal(job.processInstanceKey, processInstanceKey);
    assert.equal(job.retries, 3);
    assert.equal(job.deadline, String(clock.now() + 60_000));
    assert.equal((await call('CompleteJob', { jobKey: job.key, variables: '{"paid":true}' })).status, 'OK');
    const cancel = await call('CancelProcessInstance', { processInstanceKey });
    assert.equal(cancel.status, 'NOT_FOUND');
    assert.equal(cancel.ruleId, 'CancelProcessInstance/NOT_FOUND/no-such-instance');
    assert.equal((await call('CompleteJob', { jobKey: job.key, variables: '' })).ruleId, 'CompleteJob/NOT_FOUND/no-such-job');
  });

  it('makes a timed-out job activatable again, and a job failed with retries after its back-off', async () => {
    await deploy(target.client, ['one-task.bpmn']);
    await create('one-task');
    const [job] = await activate('one-task-work', 1, 1000);
    assert.deepEqual(await activate('one-task-work'), []);
    clock.advance(1000);
    const [again] = await activate('one-task-work');
    assert.equal(again?.key, job?.key);
    assert.equal((await call('FailJob', { jobKey: again?.key, retries: 2, errorMessage: 'boom', retryBackOff: 5000 })).status, 'OK');
    assert.deepEqual(await activate('one-task-work'), []);
    clock.advance(5000);
    assert.equal((await activate('one-task-work'))[0]?.retries, 2);
  });

  it('raises an incident at zero retries; update retries and resolve make the job activatable again', async () => {
    await deploy(target.client, ['one-task.bpmn']);
    const { processInstanceKey } = await create('one-task');
    const [job] = await activate('one-task-work');
    await call('FailJob', { jobKey: job?.key, retries: 0, errorMessage: 'no luck' });
    const [incident] = target.engine.inspect().incidents;
    assert.equal(incident?.type, 'JOB_NO_RETRIES');
    assert.equal(incident.message, 'no luck');
    assert.equal(incident.processInstanceKey, processInstanceKey);
    const completeFailed = await call('CompleteJob', { jobKey: job?.key });
    assert.equal(completeFailed.status, 'FAILED_PRECONDITION');
    assert.equal(completeFailed.ruleId, 'CompleteJob/FAILED_PRECONDITION/job-failed');
    assert.equal((await call('UpdateJobRetries', { jobKey: job?.key, retries: 1 })).status, 'OK');
    assert.equal((await call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal((await activate('one-task-work'))[0]?.key, job?.key);
    assert.equal((await call('ResolveIncident', { incidentKey: incident.key })).ruleId, 'ResolveIncident/NOT_FOUND/no-such-incident');
  });

  it('catches a thrown error at a boundary event, passing its variables on; an uncaught one is an incident', async () => {
    await deploy(target.client, ['error-boundary.bpmn', 'one-task.bpmn']);
    await create('error-boundary', { order: 1 });
    const [charge] = await activate('charge-card');
    await call('ThrowError', { jobKey: charge?.key, errorCode: 'DECLINED', errorMessage: 'card declined', variables: '{"reason":"limit"}' });
    const [notify] = await activate('notify-customer');
    assert.deepEqual(JSON.parse(notify?.variables ?? ''), { order: 1, reason: 'limit' });
    await create('one-task');
    const [work] = await activate('one-task-work');
    await call('ThrowError', { jobKey: work?.key, errorCode: 'NOPE', errorMessage: 'x' });
    const incident = target.engine.inspect().incidents.find((i) => i.jobKey === work?.key);
    assert.equal(incident?.type, 'UNHANDLED_ERROR_EVENT');
  });

  it('routes by FEEL conditions, forks and joins, and maps subprocess inputs and outputs', async () => {
    await deploy(target.client, ['gateways.bpmn']);
    const small = await create('gateways', { amount: 5 });
    assert.equal((await call('CancelProcessInstance', { processInstanceKey: small.processInstanceKey })).status, 'NOT_FOUND');
    const big = await create('gateways', { amount: 150 });
    const [a] = await activate('gw-a');
    const [b] = await activate('gw-b');
    assert.equal((JSON.parse(b?.variables ?? '{}') as { doubled: number }).doubled, 300);
    await call('CompleteJob', { jobKey: b?.key, variables: '{"subResult":"ok"}' });
    assert.equal(target.engine.inspect().instances, 1);
    await call('CompleteJob', { jobKey: a?.key, variables: '' });
    assert.equal(target.engine.inspect().instances, 0);
    assert.equal((await call('CancelProcessInstance', { processInstanceKey: big.processInstanceKey })).status, 'NOT_FOUND');
  });
});
