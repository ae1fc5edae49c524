import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jobsOf, deploy } from '../../support/processes.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN, type EngineWithClient } from '../../support/engine-target.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import { realModelsDir } from '../../support/real-models.js';

/** Start instructions, variable scopes, deleting decisions and forms, and an incident of another tenant. */
describe('engine state: instances, variables and resources', () => {
  let target: EngineWithClient;
  afterEach(() => target.close());
  const activate = async (type: string) =>
    jobsOf((await target.client.call('ActivateJobs', { type, worker: 'w', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 }, { token: AUTHORIZED_TOKEN })).responses);

  it('starts at the elements the start instructions name, entering their subprocess', async () => {
    target = await deployedEngine(['gateways.bpmn']);
    const created = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'gateways', version: -1, variables: '{"amount":1}', startInstructions: [{ elementId: 'task-b' }] });
    assert.equal(created.status, 'OK', created.details);
    assert.deepEqual(await activate('gw-a'), []);
    assert.equal((await activate('gw-b')).length, 1);
    const bad = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'gateways', version: -1, startInstructions: [{ elementId: 'nowhere' }] });
    assert.equal(bad.status, 'INVALID_ARGUMENT');
  });

  it('sets variables locally or merges them into the scope that has them, as the page describes', async () => {
    target = await deployedEngine(['gateways.bpmn']);
    const created = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'gateways', version: -1, variables: '{"amount":150,"foo":2}' });
    const root = (created.responses[0] as { processInstanceKey: string }).processInstanceKey;
    const [a] = await activate('gw-a');
    assert.ok(a);
    await target.client.call('SetVariables', { elementInstanceKey: a.elementInstanceKey, variables: '{"bar":1}', local: true });
    await target.client.call('SetVariables', { elementInstanceKey: a.elementInstanceKey, variables: '{"foo":5}', local: false });
    await target.client.call('FailJob', { jobKey: a.key, retries: 1, errorMessage: '' });
    const [again] = await activate('gw-a');
    assert.deepEqual(JSON.parse(again?.variables ?? ''), { amount: 150, foo: 5, bar: 1 });
    const [b] = await activate('gw-b');
    assert.deepEqual(JSON.parse(b?.variables ?? ''), { amount: 150, foo: 5, doubled: 300 }, "task-a's local bar is not visible in the subprocess");
    const answer = await target.client.call('SetVariables', { elementInstanceKey: root, variables: '{"x":1}' });
    assert.match((answer.responses[0] as { key: string }).key, /^\d+$/);
  });

  it('deletes a decision requirements graph and a form; their keys are then NOT_FOUND', async () => {
    target = await engineWithClient();
    const resources = ['zbnode--src--__tests__--testdata--decision.dmn', 'zbnode--src--__tests__--testdata--form_1.form'].map((name) => ({
      name,
      content: readFileSync(join(realModelsDir(), name)),
    }));
    const deployed = await target.client.call('DeployResource', { resources });
    assert.equal(deployed.status, 'OK', deployed.details);
    const deployments = (deployed.responses[0] as { deployments: { decisionRequirements?: { decisionRequirementsKey: string }; form?: { formKey: string } }[] }).deployments;
    const keys = deployments.flatMap((d) => [d.decisionRequirements?.decisionRequirementsKey, d.form?.formKey]).filter((k) => k !== undefined);
    assert.equal(keys.length, 2);
    for (const resourceKey of keys) {
      assert.equal((await target.client.call('DeleteResource', { resourceKey })).status, 'OK');
      assert.equal((await target.client.call('DeleteResource', { resourceKey })).ruleId, 'DeleteResource/NOT_FOUND/no-such-resource');
    }
  });

  it("answers NOT_FOUND for another tenant's incident (ResolveIncident/NOT_FOUND/other-tenant)", async () => {
    target = await engineWithClient({ multiTenancy: true });
    await deploy(target.client, ['one-task.bpmn'], { tenantId: 'tenant-a', token: AUTHORIZED_TOKEN });
    await target.client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1, tenantId: 'tenant-a' }, { token: AUTHORIZED_TOKEN });
    const [job] = jobsOf((await target.client.call('ActivateJobs', { type: 'one-task-work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1, tenantIds: ['tenant-a'] }, { token: AUTHORIZED_TOKEN })).responses);
    await target.client.call('FailJob', { jobKey: job?.key, retries: 0 }, { token: AUTHORIZED_TOKEN });
    const [incident] = target.engine.inspect().incidents;
    assert.ok(incident);
    const stranger = await target.client.call('ResolveIncident', { incidentKey: incident.key }, { token: STRANGER_TOKEN });
    assert.equal(stranger.status, 'NOT_FOUND');
    assert.equal(stranger.ruleId, 'ResolveIncident/NOT_FOUND/other-tenant');
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key }, { token: AUTHORIZED_TOKEN })).status, 'OK');
  });
});
