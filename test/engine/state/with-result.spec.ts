import assert from 'node:assert/strict';
import type { CallOutcome } from '../../../suites/harness/client.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/** CreateProcessInstanceWithResult: answers once the instance completes, however it completes, or DEADLINE_EXCEEDED. */
describe('engine events: CreateProcessInstanceWithResult', () => {
  let t: EventTarget;
  afterEach(() => t.close());
  const withResult = (bpmnProcessId: string, variables: object, extra: { requestTimeout?: number; fetchVariables?: string[] } = {}): Promise<CallOutcome> =>
    t.call('CreateProcessInstanceWithResult', { request: { bpmnProcessId, version: -1, variables: JSON.stringify(variables) }, requestTimeout: extra.requestTimeout ?? 60_000, fetchVariables: extra.fetchVariables ?? [] });
  /** Lets the engine take the request before the test moves on. */
  const untilRunning = async (): Promise<void> => {
    while (t.instances() === 0) await new Promise((resolve) => setImmediate(resolve));
  };

  it('answers when a timer completes the instance, with every root variable', async () => {
    t = await eventTarget(['timer-events.bpmn']);
    const pending = withResult('timer-date', { due: new Date(t.clock.now() + 30_000).toISOString(), extra: 1 });
    await untilRunning();
    t.clock.advance(30_000);
    const outcome = await pending;
    assert.equal(outcome.status, 'OK', outcome.details);
    const response = outcome.responses[0] as { bpmnProcessId: string; processInstanceKey: string; variables: string; version: number };
    assert.equal(response.bpmnProcessId, 'timer-date');
    assert.match(response.processInstanceKey, /^\d+$/);
    assert.deepEqual(Object.keys(JSON.parse(response.variables) as object).sort(), ['due', 'extra']);
  });

  it('answers when a message completes the instance, with only the fetched variables', async () => {
    t = await eventTarget(['message-events.bpmn']);
    const pending = withResult('message-twice', { key: 'k', other: true }, { fetchVariables: ['key', 'fromMessage'] });
    await untilRunning();
    await t.publish('ping', 'k', { variables: { fromMessage: 1 } });
    await t.publish('ping', 'k');
    const outcome = await pending;
    assert.equal(outcome.status, 'OK', outcome.details);
    assert.deepEqual(JSON.parse((outcome.responses[0] as { variables: string }).variables), { key: 'k', fromMessage: 1 });
  });

  it('answers DEADLINE_EXCEEDED once the request timeout passes on the engine clock', async () => {
    t = await eventTarget(['message-events.bpmn']);
    const pending = withResult('message-twice', { key: 'never' }, { requestTimeout: 5000 });
    await untilRunning();
    t.clock.advance(4999);
    t.clock.advance(1);
    const outcome = await pending;
    assert.equal(outcome.status, 'DEADLINE_EXCEEDED');
    assert.match(outcome.details, /timed out after 5000 ms/);
  });

  it('answers a cancelled instance at its request timeout, as real Zeebe 8.5 does (its ProcessProcessor sends a result on completion only)', async () => {
    t = await eventTarget(['one-task.bpmn']);
    const pending = withResult('one-task', {}, { requestTimeout: 5000 });
    await untilRunning();
    const [job] = await t.jobs('one-task-work');
    assert.ok(job);
    assert.equal((await t.call('CancelProcessInstance', { processInstanceKey: job.processInstanceKey })).status, 'OK');
    assert.equal(t.instances(), 0);
    t.clock.advance(5000);
    const outcome = await pending;
    assert.equal(outcome.status, 'DEADLINE_EXCEEDED', outcome.details);
  });
});
