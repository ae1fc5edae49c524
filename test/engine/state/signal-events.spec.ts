import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/** Signal catch, boundary and throw events over gRPC; message throw events, which are jobs. */
describe('engine events: signals', () => {
  let t: EventTarget;
  afterEach(() => t.close());
  const broadcast = async (signalName: string, variables: object = {}): Promise<void> => {
    const outcome = await t.call('BroadcastSignal', { signalName, variables: JSON.stringify(variables) });
    assert.equal(outcome.status, 'OK', outcome.details);
  };

  it('triggers every waiting signal catch event, with the signal variables', async () => {
    t = await eventTarget(['signal-events.bpmn']);
    await t.create('signal-catch', { n: 1 });
    await t.create('signal-catch', { n: 2 });
    await broadcast('other');
    assert.deepEqual(await t.jobs('after-signal'), []);
    await broadcast('proceed', { via: 'broadcast' });
    const jobs = await t.jobs('after-signal');
    assert.deepEqual(jobs.map((j) => JSON.parse(j.variables) as { n: number; via: string }).sort((a, b) => a.n - b.n), [{ n: 1, via: 'broadcast' }, { n: 2, via: 'broadcast' }]);
  });

  it('interrupts a task with a signal boundary event', async () => {
    t = await eventTarget(['signal-events.bpmn']);
    await t.create('signal-catch');
    await broadcast('proceed');
    assert.equal(t.instances(), 1);
    await broadcast('halt');
    assert.equal(t.instances(), 0, 'the boundary event ended the task and the instance');
  });

  it('broadcasts from signal throw and end events: a waiting catch event continues, a signal start event starts', async () => {
    t = await eventTarget(['signal-events.bpmn']);
    await t.create('signal-catch');
    await t.create('signal-throw');
    const [caught] = await t.jobs('after-signal');
    assert.deepEqual(variablesOf(caught), { origin: 'thrown' }, "the throw event's input mappings are the signal variables");
    assert.equal((await t.jobs('signal-started')).length, 1, 'the end event broadcast "go"');
  });

  it('runs message throw and end events as jobs (as Zeebe does), with their task headers', async () => {
    t = await eventTarget(['message-throw.bpmn']);
    await t.create('message-throw');
    const notice = await t.completeOne('send-notice');
    assert.deepEqual(JSON.parse(notice.customHeaders), { channel: 'mail' });
    assert.equal(notice.elementId, 'notify');
    assert.equal((await t.completeOne('send-final')).elementId, 'done');
    assert.equal(t.instances(), 0);
  });
});
