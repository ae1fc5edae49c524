import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { AUTHORIZED_TOKEN } from '../../support/engine-target.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/** Message correlation over gRPC: catch events, boundary events, buffering, one correlation per instance, tenants. */
describe('engine events: messages', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('correlates a message to the waiting catch event by name and correlation key, merging its variables', async () => {
    t = await eventTarget(['message-events.bpmn']);
    await t.create('message-events', { orderId: 'o-1' });
    await t.create('message-events', { orderId: 'o-2' });
    await t.publish('payment-received', 'o-3');
    await t.publish('other-name', 'o-1');
    assert.deepEqual(await t.jobs('ship'), [], 'neither the wrong key nor the wrong name correlates');
    await t.publish('payment-received', 'o-1', { variables: { amount: 42 } });
    const [ship, ...more] = await t.jobs('ship');
    assert.equal(more.length, 0);
    assert.deepEqual(variablesOf(ship), { orderId: 'o-1', amount: 42 });
  });

  it('keeps a message with a time to live for a subscription that opens later, until the clock passes it', async () => {
    t = await eventTarget(['message-events.bpmn']);
    await t.publish('payment-received', 'late', { timeToLive: 10_000, variables: { early: true } });
    await t.publish('payment-received', 'never', { timeToLive: 0 });
    await t.create('message-events', { orderId: 'late' });
    await t.create('message-events', { orderId: 'never' });
    const ship = await t.jobs('ship');
    assert.deepEqual(ship.map((j) => JSON.parse(j.variables) as unknown), [{ orderId: 'late', early: true }], 'TTL 0 reached nobody');
    await t.publish('payment-received', 'expired', { timeToLive: 1000 });
    t.clock.advance(1000);
    assert.equal(t.target.engine.inspect().messages, 1, 'the expired message is gone, the 10 s one lives');
    await t.create('message-events', { orderId: 'expired' });
    assert.deepEqual(await t.jobs('ship'), []);
  });

  it('correlates a message once per process instance, to every instance waiting', async () => {
    t = await eventTarget(['message-events.bpmn']);
    await t.create('message-twice', { key: 'k' });
    await t.create('message-twice', { key: 'k' });
    await t.publish('ping', 'k', { timeToLive: 60_000 });
    assert.equal(t.instances(), 2, 'each instance had one of its two catch events triggered');
    await t.publish('ping', 'k');
    assert.equal(t.instances(), 0, 'a second message completes both');
  });

  it('interrupts a task with a message boundary event, or runs beside it with a non-interrupting one', async () => {
    t = await eventTarget(['message-events.bpmn']);
    await t.create('message-events', { orderId: 'o-1' });
    await t.publish('payment-received', 'o-1');
    await t.publish('address-changed', 'o-1', { variables: { street: 'Main' } });
    await t.publish('address-changed', 'o-1', { variables: { street: 'High' } });
    const updates = await t.jobs('update-address');
    assert.equal(updates.length, 2, 'each non-interrupting message spawns a token');
    const [ship] = await t.jobs('ship');
    assert.ok(ship, 'the task still runs');
    await t.publish('order-cancelled', 'o-1');
    const completed = await t.call('CompleteJob', { jobKey: ship.key, variables: '{}' });
    assert.equal(completed.status, 'NOT_FOUND', 'the interrupted task and its job are gone');
    for (const job of updates) assert.equal((await t.call('CompleteJob', { jobKey: job.key, variables: '{}' })).status, 'OK');
    assert.equal(t.instances(), 0);
  });

  it('raises an incident when the correlation key is neither a string nor a number', async () => {
    t = await eventTarget(['message-events.bpmn']);
    await t.create('message-bad-key', { flag: true });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.match(incident.message, /Failed to extract the correlation key for 'flag': The value must be either a string or a number, but was BOOLEAN/);
    await t.create('message-bad-key', { flag: 7 });
    await t.publish('flag', '7');
    assert.equal(t.instances(), 1, 'a number key is its text');
  });

  it('correlates only within the tenant of the message', async () => {
    t = await eventTarget(['message-events.bpmn'], { multiTenancy: true }, 'tenant-a');
    const created = await t.call('CreateProcessInstance', { bpmnProcessId: 'message-events', version: -1, variables: '{"orderId":"o-1"}', tenantId: 'tenant-a' }, AUTHORIZED_TOKEN);
    assert.equal(created.status, 'OK', created.details);
    const publish = (tenantId: string) =>
      t.call('PublishMessage', { name: 'payment-received', correlationKey: 'o-1', timeToLive: 0, messageId: '', variables: '{}', tenantId }, AUTHORIZED_TOKEN);
    assert.equal((await publish('<default>')).status, 'OK');
    assert.deepEqual(await t.jobs('ship', ['tenant-a']), []);
    assert.equal((await publish('tenant-a')).status, 'OK');
    assert.equal((await t.jobs('ship', ['tenant-a'])).length, 1);
  });
});
