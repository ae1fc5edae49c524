import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';
import { fixture } from '../../support/processes.js';

/** Message, signal and timer start events over gRPC: what creates instances, and what does not. */
describe('engine events: message, signal and timer start events', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('starts a new instance per message, with the message variables; CreateProcessInstance is refused (no none start event)', async () => {
    t = await eventTarget(['message-start.bpmn']);
    await t.publish('order-placed', '', { variables: { order: 1 } });
    await t.publish('order-placed', '', { variables: { order: 2 } });
    const jobs = await t.jobs('handle-order');
    assert.deepEqual(jobs.map((j) => JSON.parse(j.variables) as unknown).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [{ order: 1 }, { order: 2 }]);
    const refused = await t.call('CreateProcessInstance', { bpmnProcessId: 'message-start', version: -1, variables: '' });
    assert.equal(refused.status, 'FAILED_PRECONDITION');
    assert.equal(refused.ruleId, 'CreateProcessInstance/FAILED_PRECONDITION/no-none-start-event');
  });

  it('keeps at most one active instance per correlation key; the key is free again once that instance ends', async () => {
    t = await eventTarget(['message-start.bpmn']);
    const order = (customer: string) => t.publish('order-placed', customer, { variables: { customer } });
    await order('customer-1');
    await order('customer-1');
    await order('customer-2');
    assert.equal(t.instances(), 2);
    const first = (await t.jobs('handle-order')).find((j) => j.variables.includes('customer-1'));
    assert.ok(first);
    assert.equal((await t.call('CompleteJob', { jobKey: first.key, variables: '{}' })).status, 'OK');
    assert.equal(t.instances(), 1);
    await order('customer-1');
    assert.equal(t.instances(), 2, 'the key of the finished instance starts a new one');
  });

  it('starts the next instance for a key from a buffered message once the active one ends', async () => {
    t = await eventTarget(['message-start.bpmn']);
    await t.publish('order-placed', 'customer-9', { timeToLive: 60_000, variables: { n: 1 } });
    await t.publish('order-placed', 'customer-9', { timeToLive: 60_000, variables: { n: 2 } });
    assert.equal(t.instances(), 1, 'the second message waits in the buffer');
    assert.deepEqual(JSON.parse((await t.completeOne('handle-order')).variables), { n: 1 });
    assert.deepEqual(JSON.parse((await t.completeOne('handle-order')).variables), { n: 2 }, 'the buffered message started the next instance');
    assert.equal(t.instances(), 0, 'each buffered message starts the process once');
  });

  it('starts an instance per broadcast signal, with its variables, in the signal tenant only', async () => {
    t = await eventTarget(['signal-events.bpmn'], { multiTenancy: true }, 'tenant-a');
    const broadcast = (tenantId: string) => t.call('BroadcastSignal', { signalName: 'go', variables: '{"from":"signal"}', tenantId });
    assert.equal((await broadcast('<default>')).status, 'OK');
    assert.equal(t.instances(), 0);
    assert.equal((await broadcast('tenant-a')).status, 'OK');
    const [job] = await t.jobs('signal-started', ['tenant-a']);
    assert.deepEqual(variablesOf(job), { from: 'signal' });
    assert.equal(job?.tenantId, 'tenant-a');
  });

  it('creates an instance each time a timer start cycle fires, and a new version cancels the old timers', async () => {
    t = await eventTarget(['timer-start.bpmn']);
    t.clock.advance(59_999);
    assert.equal(t.instances(), 0);
    t.clock.advance(1);
    assert.equal(t.instances(), 1);
    const xml = fixture('timer-start.bpmn').toString('utf8').replace('R2/PT1M', 'R1/PT10M');
    const redeployed = await t.call('DeployResource', { resources: [{ name: 'timer-start.bpmn', content: Buffer.from(xml) }] });
    assert.equal(redeployed.status, 'OK', redeployed.details);
    t.clock.advance(60_000);
    assert.equal(t.instances(), 1, 'the second firing of version 1 was cancelled');
    t.clock.advance(9 * 60_000);
    assert.equal(t.instances(), 2, 'version 2 fired once');
    t.clock.advance(60 * 60_000);
    assert.equal(t.instances(), 2, 'R1: no more');
    const versions = (await t.jobs('timer-started')).map((j) => j.processDefinitionVersion);
    assert.deepEqual(versions.sort(), [1, 2]);
  });

  it("schedules the previous version's timer start events again when the latest version is deleted", async () => {
    t = await eventTarget(['timer-start.bpmn']);
    const xml = fixture('timer-start.bpmn').toString('utf8').replace('R2/PT1M', 'R1/PT10M');
    const redeployed = await t.call('DeployResource', { resources: [{ name: 'timer-start.bpmn', content: Buffer.from(xml) }] });
    const v2 = (redeployed.responses[0] as { deployments: { process: { processDefinitionKey: string } }[] }).deployments[0]?.process.processDefinitionKey;
    assert.equal((await t.call('DeleteResource', { resourceKey: v2 })).status, 'OK');
    t.clock.advance(60_000);
    const [job] = await t.jobs('timer-started');
    assert.equal(job?.processDefinitionVersion, 1);
  });
});
