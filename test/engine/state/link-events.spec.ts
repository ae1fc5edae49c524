import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/** Link events over gRPC: a throw link continues at the catch link of its name in its flow scope, as in real Zeebe 8.5. */
describe('engine events: link events', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('loops through a link pair: the throw applies its output mappings and takes none of its own flows', async () => {
    t = await eventTarget(['link-events.bpmn']);
    await t.create('link-events', { again: true, jumps: 0 });
    await t.completeOne('link-work', { again: true });
    const second = await t.completeOne('link-work', { again: true });
    assert.equal(variablesOf(second).jumps, 1, "the throw's output mapping ran once");
    const third = await t.completeOne('link-work', { again: false });
    assert.equal(variablesOf(third).jumps, 2);
    assert.deepEqual(await t.jobs('link-never'), [], 'no flow left the throw event');
    const inner = await t.completeOne('link-inner');
    assert.equal(variablesOf(inner).jumps, 2);
    assert.equal(t.instances(), 0);
  });

  it('continues at a link catch event a modification activates', async () => {
    t = await eventTarget(['link-events.bpmn']);
    const pi = await t.create('link-events', { again: false, jumps: 0 });
    const [work] = await t.jobs('link-work');
    assert.ok(work);
    const modified = await t.call('ModifyProcessInstance', {
      processInstanceKey: pi,
      activateInstructions: [{ elementId: 'l-work-again', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      terminateInstructions: [{ elementInstanceKey: work.elementInstanceKey }],
    });
    assert.equal(modified.status, 'OK', modified.details);
    const [again] = await t.jobs('link-work');
    assert.equal(again?.elementId, 'l-work', 'the catch link completed and its flow was taken');
  });
});
