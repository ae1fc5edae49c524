import assert from 'node:assert/strict';
import { deploy } from '../../support/processes.js';
import { driver, variablesOf } from '../../support/drive.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN, type EngineWithClient } from '../../support/engine-target.js';
import { deployedEngine } from '../../support/deployed-engine.js';

/** Call activities, driven over gRPC: variables both ways, incidents, cancellation, tenants. */
describe('engine state: call activities', () => {
  let target: EngineWithClient;
  afterEach(() => target.close());
  const incidents = () => target.engine.inspect().incidents;

  it('starts the child (process id from an expression) with every parent variable; its variables come back', async () => {
    target = await deployedEngine(['call-child.bpmn', 'call-activity.bpmn']);
    const run = driver(target.client);
    const parentKey = await run.create('call-parent', { childId: 'call-child', amount: 3 });
    const [child] = await run.activate('child-work');
    assert.ok(child);
    assert.notEqual(child.processInstanceKey, parentKey);
    assert.equal(child.elementId, 'work');
    assert.deepEqual(variablesOf(child), { childId: 'call-child', amount: 3, childAmount: 6 });
    await run.complete(child, { childResult: 5 });
    const [after] = await run.activate('parent-after');
    assert.equal(after?.processInstanceKey, parentKey);
    assert.deepEqual(variablesOf(after), { childId: 'call-child', amount: 3, childResult: 5 }, "childAmount stays in the call activity's scope, where its input mapping put it");
  });

  it('passes only the input mappings down and only the output mappings up when propagation is off', async () => {
    target = await deployedEngine(['call-child.bpmn', 'call-activity.bpmn']);
    const run = driver(target.client);
    await run.create('call-parent-isolated', { amount: 3, secret: 'x' });
    const [child] = await run.activate('child-work');
    assert.deepEqual(variablesOf(child), { childAmount: 3 });
    assert.ok(child);
    await run.complete(child, { childResult: 5, extra: 1 });
    assert.deepEqual(variablesOf((await run.activate('isolated-after'))[0]), { amount: 3, secret: 'x', fromChild: 5 });
  });

  it('raises CALLED_ELEMENT_ERROR for a process not deployed; resolving it after deploying the process starts the child', async () => {
    target = await deployedEngine(['call-activity.bpmn']);
    const run = driver(target.client);
    await run.create('call-parent', { childId: 'call-child', amount: 1 });
    const [incident] = incidents();
    assert.equal(incident?.type, 'CALLED_ELEMENT_ERROR');
    assert.equal(incident.message, "Expected process with BPMN process id 'call-child' to be deployed, but not found.");
    await deploy(target.client, ['call-child.bpmn']);
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal((await run.activate('child-work')).length, 1);
  });

  it('cancelling the parent cancels the child', async () => {
    target = await deployedEngine(['call-child.bpmn', 'call-activity.bpmn']);
    const run = driver(target.client);
    const parentKey = await run.create('call-parent', { childId: 'call-child', amount: 1 });
    const [child] = await run.activate('child-work');
    assert.equal(target.engine.inspect().instances, 2);
    assert.equal((await target.client.call('CancelProcessInstance', { processInstanceKey: parentKey })).status, 'OK');
    assert.equal(target.engine.inspect().instances, 0);
    assert.equal((await target.client.call('CompleteJob', { jobKey: child?.key, variables: '' })).status, 'NOT_FOUND');
  });

  for (const [profile, expected] of [['documented', 'OK'], ['zeebe-8.5', 'FAILED_PRECONDITION']] as const) {
    it(`CancelProcessInstance of a child instance in profile ${profile}: ${expected}`, async () => {
      target = await deployedEngine(['call-child.bpmn', 'call-activity.bpmn'], { profile });
      const run = driver(target.client);
      const parentKey = await run.create('call-parent', { childId: 'call-child', amount: 1 });
      const [child] = await run.activate('child-work');
      const outcome = await target.client.call('CancelProcessInstance', { processInstanceKey: child?.processInstanceKey });
      assert.equal(outcome.status, expected, outcome.details);
      if (expected !== 'OK') assert.match(outcome.details, new RegExp(`Cancel the root process instance '${parentKey}' instead`));
      assert.equal((await target.client.call('CancelProcessInstance', { processInstanceKey: parentKey })).status, 'OK');
      assert.equal(target.engine.inspect().instances, 0);
    });
  }

  it("starts the child in the parent's tenant only", async () => {
    target = await engineWithClient({ multiTenancy: true });
    const as = { token: AUTHORIZED_TOKEN };
    await deploy(target.client, ['call-activity.bpmn'], { tenantId: 'tenant-a', ...as });
    await deploy(target.client, ['call-child.bpmn'], { tenantId: 'tenant-b', token: STRANGER_TOKEN });
    const run = driver(target.client, AUTHORIZED_TOKEN);
    await run.create('call-parent', { childId: 'call-child', amount: 1 }, { tenantId: 'tenant-a' });
    assert.deepEqual(incidents().map((i) => i.type), ['CALLED_ELEMENT_ERROR'], "tenant-b's process is not visible to tenant-a's instance");
    await deploy(target.client, ['call-child.bpmn'], { tenantId: 'tenant-a', ...as });
    await target.client.call('ResolveIncident', { incidentKey: incidents()[0]?.key }, as);
    const [child] = await run.activate('child-work', { tenantIds: ['tenant-a'] });
    assert.equal(child?.tenantId, 'tenant-a');
  });

  it("an error the child does not catch is caught by an error boundary event on the parent's call activity, ending the child", async () => {
    target = await deployedEngine(['call-child.bpmn', 'call-error-boundary.bpmn']);
    const run = driver(target.client);
    const parentKey = await run.create('call-error-parent', {});
    const [child] = await run.activate('child-work');
    const thrown = await target.client.call('ThrowError', { jobKey: child?.key, errorCode: 'DECLINED', errorMessage: 'no', variables: '{"reason":"card"}' });
    assert.equal(thrown.status, 'OK', thrown.details);
    assert.deepEqual(incidents(), []);
    assert.equal(target.engine.inspect().instances, 1, 'the child ended with the call activity');
    const [handler] = await run.activate('parent-handles-error');
    assert.equal(handler?.processInstanceKey, parentKey);
    assert.deepEqual(variablesOf(handler), { reason: 'card' }, "the error's variables reach the parent's handler");
  });

  it('an error code nobody catches, in the child or above it, is an incident on the child\'s task', async () => {
    target = await deployedEngine(['call-child.bpmn', 'call-error-boundary.bpmn']);
    const run = driver(target.client);
    await run.create('call-error-parent', {});
    const [child] = await run.activate('child-work');
    assert.equal((await target.client.call('ThrowError', { jobKey: child?.key, errorCode: 'OTHER', errorMessage: '', variables: '' })).status, 'OK');
    assert.deepEqual(incidents().map((i) => [i.type, i.jobKey]), [['UNHANDLED_ERROR_EVENT', child?.key]]);
    assert.equal(target.engine.inspect().instances, 2);
  });
});
