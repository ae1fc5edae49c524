import assert from 'node:assert/strict';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

const MINUTE = 60_000;

/**
 * Scopes entered other than by a flow still open their events: a call activity's child instance, and the
 * subprocesses a start instruction or a modification opens (their event subprocesses and boundary events).
 */
describe('engine events: scopes entered by a call activity, a start instruction or a modification', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it("opens a called child's timer event subprocess", async () => {
    t = await eventTarget(['scoped-events.bpmn', 'call-activity.bpmn']);
    await t.create('call-parent', { childId: 'child-with-events', amount: 1 });
    assert.equal((await t.jobs('child-events-work')).length, 1, 'the child runs');
    t.clock.advance(5 * MINUTE);
    const [reminder] = await t.jobs('child-events-reminder');
    assert.equal(reminder?.elementId, 'c-reminder-task', "the child's event subprocess fired");
  });

  it('opens the event subprocess and boundary events of a subprocess a start instruction enters', async () => {
    t = await eventTarget(['scoped-events.bpmn']);
    const created = await t.call('CreateProcessInstance', { bpmnProcessId: 'scoped-events', version: -1, variables: '{}', startInstructions: [{ elementId: 'inner' }] });
    assert.equal(created.status, 'OK', created.details);
    assert.equal((await t.jobs('scoped-inner')).length, 1);
    t.clock.advance(5 * MINUTE);
    assert.equal((await t.jobs('scoped-reminder')).length, 1, "the subprocess's event subprocess fired");
    t.clock.advance(5 * MINUTE);
    assert.equal((await t.jobs('scoped-late')).length, 1, "the subprocess's boundary timer fired");
  });

  it('opens the events of a subprocess a modification opens', async () => {
    t = await eventTarget(['scoped-events.bpmn']);
    const pi = await t.create('scoped-events');
    const [first] = await t.jobs('scoped-first');
    assert.ok(first);
    const modified = await t.call('ModifyProcessInstance', {
      processInstanceKey: pi,
      activateInstructions: [{ elementId: 'inner', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      terminateInstructions: [{ elementInstanceKey: first.elementInstanceKey }],
    });
    assert.equal(modified.status, 'OK', modified.details);
    t.clock.advance(10 * MINUTE);
    assert.equal((await t.jobs('scoped-reminder')).length, 1, "the opened subprocess's event subprocess fired");
    assert.equal((await t.jobs('scoped-late')).length, 1, "the opened subprocess's boundary timer fired");
  });
});
