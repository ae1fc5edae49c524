import assert from 'node:assert/strict';
import { startEngine, type Clock } from '../../../engine/index.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';
import { deploy } from '../../support/processes.js';
import { createGatewayClient } from '../../../suites/harness/client.js';

/** Timer catch events and timer boundary events over gRPC, driven by a manual clock. */
describe('engine events: timers', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('waits for a duration given as a FEEL expression, then continues', async () => {
    t = await eventTarget(['timer-events.bpmn']);
    await t.create('timer-catch', { wait: 'PT30S' });
    t.clock.advance(29_999);
    assert.deepEqual(await t.jobs('after-timer'), []);
    t.clock.advance(1);
    assert.equal((await t.jobs('after-timer')).length, 1);
  });

  it('waits until a date; a duration FEEL value and a date in the past work too', async () => {
    t = await eventTarget(['timer-events.bpmn']);
    const due = new Date(t.clock.now() + 3_600_000).toISOString();
    await t.create('timer-date', { due });
    t.clock.advance(3_599_999);
    assert.equal(t.instances(), 1);
    t.clock.advance(1);
    assert.equal(t.instances(), 0);
    await t.create('timer-catch', { wait: 'P1D' });
    t.clock.advance(86_400_000);
    await t.completeOne('after-timer');
    await t.create('timer-date', { due: '2000-01-01T00:00:00Z' });
    t.clock.advance(0);
    assert.equal(t.instances(), 0);
  });

  it('raises an incident for a timer value that is not ISO-8601', async () => {
    t = await eventTarget(['timer-events.bpmn']);
    await t.create('timer-catch', { wait: 'soon' });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.equal(incident.message, "Invalid duration format 'soon' for expression 'wait'.");
  });

  it('repeats a non-interrupting cycle on a receive task, and an interrupting timer ends it', async () => {
    t = await eventTarget(['receive-task.bpmn']);
    await t.create('receive-task', { requestId: 'r-1' });
    t.clock.advance(10 * 60_000);
    t.clock.advance(10 * 60_000);
    t.clock.advance(10 * 60_000);
    assert.equal((await t.jobs('send-reminder')).length, 2, 'R2: two reminders, the task still waits');
    t.clock.advance(30 * 60_000);
    assert.equal((await t.jobs('escalate')).length, 1, 'after an hour the receive task is interrupted');
    await t.publish('approval', 'r-1');
    assert.equal(t.instances(), 1, 'the interrupted receive task no longer takes the message');
  });

  it('completes a receive task by its message before the timers, its output mapping applied', async () => {
    t = await eventTarget(['receive-task.bpmn']);
    const pending = t.call('CreateProcessInstanceWithResult', { request: { bpmnProcessId: 'receive-task', version: -1, variables: '{"requestId":"r-2"}' }, requestTimeout: 60_000, fetchVariables: [] });
    while (t.instances() === 0) await new Promise((resolve) => setImmediate(resolve));
    await t.publish('approval', 'r-2', { variables: { approved: true } });
    const result = await pending;
    assert.equal(result.status, 'OK', result.details);
    assert.deepEqual(JSON.parse((result.responses[0] as { variables: string }).variables), { requestId: 'r-2', decision: true });
  });

  it('cancels the pending timers when the engine resets or stops', async () => {
    const scheduled: { at: number; cancelled: boolean }[] = [];
    const clock: Clock = {
      now: () => Date.UTC(2026, 0, 1),
      schedule: (at) => {
        const entry = { at, cancelled: false };
        scheduled.push(entry);
        return { cancel: () => { entry.cancelled = true; } };
      },
    };
    const engine = await startEngine({ clock });
    const client = createGatewayClient({ address: engine.address });
    const pending = (): number => scheduled.filter((s) => !s.cancelled).length;
    await deploy(client, ['timer-start.bpmn']);
    assert.equal(pending(), 1, 'the timer start event is scheduled');
    engine.reset();
    assert.equal(pending(), 0, 'a reset cancels it');
    await deploy(client, ['timer-start.bpmn']);
    client.close();
    assert.equal(pending(), 1);
    await engine.stop();
    assert.equal(pending(), 0, 'stopping cancels it');
    t = await eventTarget([]);
  });
});
