import assert from 'node:assert/strict';
import { startCliEngine, type CliEngine } from '../support/cli.js';
import { createGatewayClient, type GatewayClient } from '../../suites/harness/client.js';
import { fixture } from '../support/processes.js';

/** The CLI engine's loopback control endpoint: state for tests in another process, and a reset. */
describe('zeebe-conformance engine control endpoint', () => {
  let engine: CliEngine;
  let client: GatewayClient;
  let control: string;
  let rest: string;
  before(async () => {
    engine = await startCliEngine(['--port', '0', '--rest-port', '0']);
    const url = /control endpoint (http:\/\/127\.0\.0\.1:\d+) /.exec(engine.output().stdout)?.[1];
    const restUrl = /REST API \(Camunda user tasks\) (http:\/\/127\.0\.0\.1:\d+\/v1)$/m.exec(engine.output().stdout)?.[1];
    assert.ok(url && restUrl, engine.output().stdout);
    control = url;
    rest = restUrl;
    client = createGatewayClient({ address: engine.address });
  });
  after(async () => {
    client.close();
    await engine.stop();
  });

  it('shows the open incidents, and a reset drops every deployment and instance', async () => {
    await client.call('DeployResource', { resources: [{ name: 'one-task.bpmn', content: fixture('one-task.bpmn') }] });
    await client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
    const activated = await client.call('ActivateJobs', { type: 'one-task-work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    const jobKey = (activated.responses[0] as { jobs: { key: string }[] }).jobs[0]?.key;
    await client.call('FailJob', { jobKey, retries: 0, errorMessage: 'stop' });
    const state = (await (await fetch(`${control}/state`)).json()) as { instances: number; incidents: { jobKey: string; type: string }[] };
    assert.equal(state.instances, 1);
    assert.deepEqual(state.incidents.map((i) => [i.type, i.jobKey]), [['JOB_NO_RETRIES', jobKey]]);
    assert.equal((await fetch(`${control}/reset`, { method: 'POST' })).status, 200);
    const after = (await (await fetch(`${control}/state`)).json()) as { instances: number; jobs: number; incidents: unknown[] };
    assert.deepEqual(after, { instances: 0, jobs: 0, messages: 0, incidents: [], userTasks: [], compensations: 0 });
    const create = await client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1 });
    assert.equal(create.ruleId, 'CreateProcessInstance/NOT_FOUND/no-process-for-id');
  });

  it('lists an open Camunda user task, which the printed REST address completes', async () => {
    await client.call('DeployResource', { resources: [{ name: 'zeebe-user-task.bpmn', content: fixture('zeebe-user-task.bpmn') }] });
    await client.call('CreateProcessInstance', { bpmnProcessId: 'zeebe-user-task', version: -1 });
    const state = (await (await fetch(`${control}/state`)).json()) as { instances: number; userTasks: { key: string; elementId: string }[] };
    const [task] = state.userTasks;
    assert.equal(task?.elementId, 'task');
    const done = await fetch(`${rest}/user-tasks/${task.key}/completion`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(done.status, 204, await done.text());
    assert.equal(((await (await fetch(`${control}/state`)).json()) as { instances: number }).instances, 0);
  });

  it('answers anything else with 404', async () => {
    assert.equal((await fetch(`${control}/reset`)).status, 404);
    assert.equal((await fetch(`${control}/nothing`, { method: 'POST' })).status, 404);
  });
});
