import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/** Event subprocesses, event-based gateways and error end events over gRPC. */
describe('engine events: event subprocesses, event-based gateways, error end events', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('runs non-interrupting timer and signal event subprocesses beside the process', async () => {
    t = await eventTarget(['event-subprocess.bpmn']);
    await t.create('event-subprocess', { orderId: 'o-1' });
    t.clock.advance(5 * 60_000);
    assert.equal((await t.jobs('es-reminder')).length, 1);
    await t.call('BroadcastSignal', { signalName: 'ping', variables: '{"pinged":true}' });
    const [pinged] = await t.jobs('es-pinged');
    assert.equal(variablesOf(pinged).pinged, true);
    assert.equal((await t.jobs('es-work')).length, 1, 'the main path still runs');
  });

  it('interrupts the process with a message event subprocess: its task ends, the event subprocess completes it', async () => {
    t = await eventTarget(['event-subprocess.bpmn']);
    await t.create('event-subprocess', { orderId: 'o-1' });
    const [work] = await t.jobs('es-work');
    assert.ok(work);
    await t.publish('abort', 'o-1', { variables: { reason: 'customer' } });
    assert.equal((await t.call('CompleteJob', { jobKey: work.key, variables: '{}' })).status, 'NOT_FOUND');
    t.clock.advance(5 * 60_000);
    assert.deepEqual(await t.jobs('es-reminder'), [], 'the interrupted process has no more event subprocesses');
    const aborted = await t.completeOne('es-aborted');
    assert.equal(variablesOf(aborted).reason, 'customer');
    assert.equal(t.instances(), 0);
  });

  it('catches a job error in an error event subprocess', async () => {
    t = await eventTarget(['event-subprocess.bpmn']);
    await t.create('event-subprocess', { orderId: 'o-1' });
    const [work] = await t.jobs('es-work');
    const thrown = await t.call('ThrowError', { jobKey: work?.key, errorCode: 'FAILED', errorMessage: 'no', variables: '{"cause":"x"}' });
    assert.equal(thrown.status, 'OK', thrown.details);
    const failed = await t.completeOne('es-failed');
    assert.equal(variablesOf(failed).cause, 'x');
    assert.equal(t.instances(), 0);
  });

  it('does not catch an error thrown inside an error event subprocess by that same event subprocess', async () => {
    t = await eventTarget(['event-subprocess.bpmn']);
    await t.create('event-subprocess', { orderId: 'o-1' });
    const [work] = await t.jobs('es-work');
    await t.call('ThrowError', { jobKey: work?.key, errorCode: 'FAILED', errorMessage: 'first' });
    const [handler] = await t.jobs('es-failed');
    await t.call('ThrowError', { jobKey: handler?.key, errorCode: 'FAILED', errorMessage: 'again' });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'UNHANDLED_ERROR_EVENT');
    assert.equal(incident.jobKey, handler?.key);
  });

  it('takes the first event of an event-based gateway and closes the others', async () => {
    t = await eventTarget(['event-gateway.bpmn']);
    await t.create('event-gateway', { id: 'a' });
    await t.create('event-gateway', { id: 'b' });
    await t.create('event-gateway', { id: 'c' });
    await t.publish('answer', 'a', { variables: { answer: 42 } });
    const answered = await t.completeOne('answered');
    assert.equal(variablesOf(answered).answer, 42);
    t.clock.advance(30_000);
    assert.equal((await t.jobs('timed-out')).length, 2, 'the answered instance no longer has a timer');
    await t.publish('answer', 'b');
    assert.deepEqual(await t.jobs('answered'), [], 'a timed-out gateway takes no message');
  });

  it('takes the signal path of an event-based gateway: the instance ends, its timer is gone', async () => {
    t = await eventTarget(['event-gateway.bpmn']);
    await t.create('event-gateway', { id: 'a' });
    assert.equal((await t.call('BroadcastSignal', { signalName: 'abort-all', variables: '{}' })).status, 'OK');
    assert.equal(t.instances(), 0);
    t.clock.advance(30_000);
    assert.deepEqual(await t.jobs('timed-out'), []);
  });

  it('catches an error end event at the boundary of its subprocess; an uncaught one is an incident naming the code', async () => {
    t = await eventTarget(['error-end.bpmn']);
    await t.create('error-end', { valid: true });
    assert.equal(t.instances(), 0);
    await t.create('error-end', { valid: false });
    await t.completeOne('repair');
    assert.equal(t.instances(), 0);
    await t.create('error-end-uncaught', { reason: 'test' });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'UNHANDLED_ERROR_EVENT');
    assert.match(incident.message, /Expected to throw an error event with the code 'NOBODY-test', but it was not caught/);
  });
});
