import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';
import type { ActivatedJob } from '../../support/processes.js';

/**
 * Compensation events over gRPC, as real Zeebe 8.5 runs them: a throw event compensates the completed activities of
 * its scope (and inside completed subprocesses), every handler at once, and waits for them all.
 */
describe('engine events: compensation', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  const compensations = (): number => t.target.engine.inspect().compensations;
  const complete = async (job: ActivatedJob | undefined, variables: object = {}): Promise<void> => {
    assert.ok(job, 'a job to complete');
    const completed = await t.call('CompleteJob', { jobKey: job.key, variables: JSON.stringify(variables) });
    assert.equal(completed.status, 'OK', completed.details);
  };

  it('starts every handler at once and completes the throw event when the last one completes; handlers see the scope variables', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-basic');
    await t.completeOne('comp-a', { booking: 'b-1' });
    await t.completeOne('comp-b');
    const [undoA] = await t.jobs('comp-undo-a');
    const [undoB] = await t.jobs('comp-undo-b');
    assert.equal(variablesOf(undoA).booking, 'b-1', "the handler sees the variables of the throw event's scope");
    await complete(undoA, { undone: 'a' });
    assert.deepEqual(await t.jobs('comp-after'), [], 'the throw event waits for every handler');
    await complete(undoB);
    const after = await t.completeOne('comp-after');
    assert.equal(variablesOf(after).undone, 'a', "a handler's variables go to the process");
    assert.equal(t.instances(), 0);
    assert.equal(compensations(), 0);
  });

  it('compensates nothing that is still active: the throw event completes at once', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-active');
    await t.completeOne('comp-active-trigger');
    await t.completeOne('comp-active-after');
    assert.deepEqual(await t.jobs('comp-active-undo'), []);
    await t.completeOne('comp-active-a');
    assert.equal(t.instances(), 0);
    assert.equal(compensations(), 0, 'the subscription of the last completion went with the instance');
  });

  it('compensates only the activity an activityRef names, so throw events can order the handlers', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-activity-ref');
    await t.completeOne('comp-ref-a');
    await t.completeOne('comp-ref-b');
    assert.deepEqual(await t.jobs('comp-ref-undo-a'), [], 'A is not compensated yet');
    await t.completeOne('comp-ref-undo-b');
    await t.completeOne('comp-ref-undo-a');
    assert.equal(t.instances(), 0, 'the compensation end event completed after its handler');
  });

  it('compensates an activity once per completion (a loop), all handlers at once', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-loop');
    await t.completeOne('comp-loop-a', { again: true });
    await t.completeOne('comp-loop-a', { again: true });
    await t.completeOne('comp-loop-a', { again: false });
    const undos = await t.jobs('comp-loop-undo');
    assert.equal(undos.length, 3);
    for (const undo of undos.slice(0, 2)) await complete(undo);
    assert.equal(t.instances(), 1, 'the throw event waits for the third handler');
    await complete(undos[2]);
    assert.equal(t.instances(), 0);
  });

  it('compensates a multi-instance activity once; a multi-instance handler undoes each item', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-multi-instance', { items: ['x', 'y', 'z'] });
    for (const job of await t.jobs('comp-mi-a')) await complete(job);
    for (const job of await t.jobs('comp-mi-b')) await complete(job);
    assert.equal((await t.jobs('comp-mi-undo-all')).length, 1, 'one handler for the whole multi-instance activity');
    const each = await t.jobs('comp-mi-undo-each');
    assert.deepEqual(each.map((job) => variablesOf(job).item).sort(), ['x', 'y', 'z']);
  });

  it('reaches into completed nested subprocesses; a subprocess handler runs in the throw event scope', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-nested', { order: 7 });
    await t.completeOne('comp-nested-i');
    const undo = await t.completeOne('comp-nested-undo');
    assert.equal(variablesOf(undo).order, 7);
    await t.completeOne('comp-nested-after');
    assert.equal(t.instances(), 0);
  });

  it('reaches into each completed inner instance of a multi-instance subprocess', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-multi-instance-subprocess', { items: [1, 2] });
    for (const job of await t.jobs('comp-mi-sub-i')) await complete(job);
    const undos = await t.jobs('comp-mi-sub-undo');
    assert.equal(undos.length, 2);
    for (const undo of undos) await complete(undo);
    assert.equal(t.instances(), 0);
    assert.equal(compensations(), 0);
  });

  it('compensates what is inside a completed subprocess its activityRef names, and nothing outside it', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-activity-ref-subprocess');
    await t.completeOne('comp-ref-sub-outer');
    await t.completeOne('comp-ref-sub-i');
    assert.deepEqual(await t.jobs('comp-ref-sub-undo-outer'), []);
    await t.completeOne('comp-ref-sub-undo');
    assert.equal(t.instances(), 0);
  });

  it('ends a waiting throw event and its running handler at a terminate end event, forgetting what it triggered', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-terminate');
    await t.completeOne('comp-term-a');
    assert.equal((await t.jobs('comp-term-undo')).length, 1);
    await t.completeOne('comp-term-stop');
    assert.deepEqual(await t.jobs('comp-term-undo'), [], "the handler's job went with it");
    assert.equal(compensations(), 0, 'the completed subprocess holds nothing to compensate');
    await t.completeOne('comp-term-next');
    assert.equal(t.instances(), 0);
  });

  it('compensates the scope around a non-interrupting event subprocess, which goes on once its handlers completed', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-message-subprocess', { order: 'o-1' });
    await t.completeOne('comp-msg-a');
    await t.publish('comp-undo', 'o-1');
    assert.deepEqual(await t.jobs('comp-msg-after'), [], 'the throw event waits for the handler');
    await t.completeOne('comp-msg-undo');
    await t.completeOne('comp-msg-after');
    await t.completeOne('comp-msg-b');
    assert.equal(t.instances(), 0);
  });

  it('compensates inside its subprocess only, and never the same completion twice', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-scoped');
    await t.completeOne('comp-scoped-outer');
    await t.completeOne('comp-scoped-inner');
    assert.deepEqual(await t.jobs('comp-scoped-undo-outer'), [], 'the inner throw event does not reach outside its subprocess');
    await t.completeOne('comp-scoped-undo-inner');
    await t.completeOne('comp-scoped-next');
    await t.completeOne('comp-scoped-undo-outer');
    assert.deepEqual(await t.jobs('comp-scoped-undo-inner'), [], 'the compensated inner activity is not compensated again');
    assert.equal(t.instances(), 0);
  });

  it('drops the subscriptions of an interrupted subprocess: its activities cannot be compensated any more', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-interrupted');
    await t.completeOne('comp-int-a');
    assert.equal(compensations(), 1);
    t.clock.advance(60_000);
    assert.equal(compensations(), 0);
    await t.completeOne('comp-int-after');
    assert.deepEqual(await t.jobs('comp-int-undo'), []);
    assert.equal(t.instances(), 0);
  });

  it('compensates the process from an error event subprocess ending in a compensation end event', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    await t.create('compensation-error-subprocess');
    await t.completeOne('comp-esp-a');
    const [failing] = await t.jobs('comp-esp-fail');
    assert.ok(failing);
    const thrown = await t.call('ThrowError', { jobKey: failing.key, errorCode: 'FAIL', errorMessage: '' });
    assert.equal(thrown.status, 'OK', thrown.details);
    await t.completeOne('comp-esp-undo');
    assert.equal(t.instances(), 0);
  });

  it('cancels running handlers with the instance and forgets its subscriptions', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    const pi = await t.create('compensation-basic');
    await t.completeOne('comp-a');
    await t.completeOne('comp-b');
    assert.equal((await t.jobs('comp-undo-a')).length, 1);
    assert.equal((await t.call('CancelProcessInstance', { processInstanceKey: pi })).status, 'OK');
    assert.equal(t.target.engine.inspect().jobs, 0);
    assert.equal(compensations(), 0);
  });

  it('leaves the throw event waiting when a modification terminates one of its handlers, as real Zeebe does', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    const pi = await t.create('compensation-basic');
    await t.completeOne('comp-a');
    await t.completeOne('comp-b');
    const [undoA] = await t.jobs('comp-undo-a');
    const modified = await t.call('ModifyProcessInstance', { processInstanceKey: pi, activateInstructions: [], terminateInstructions: [{ elementInstanceKey: undoA?.elementInstanceKey }] });
    assert.equal(modified.status, 'OK', modified.details);
    await t.completeOne('comp-undo-b');
    assert.deepEqual(await t.jobs('comp-after'), [], 'the terminated handler never completes');
    assert.equal(compensations(), 1, "the terminated handler's subscription is still triggered");
    assert.equal(t.instances(), 1);
  });

  it('does not migrate an instance whose compensation throw event waits, as real Zeebe 8.5 does not', async () => {
    t = await eventTarget(['compensation-events.bpmn']);
    const created = await t.call('CreateProcessInstance', { bpmnProcessId: 'compensation-basic', version: -1, variables: '{}' });
    const { processInstanceKey, processDefinitionKey } = created.responses[0] as { processInstanceKey: string; processDefinitionKey: string };
    await t.completeOne('comp-a');
    await t.completeOne('comp-b');
    const mappingInstructions = ['b-throw', 'b-undo-a', 'b-undo-b'].map((id) => ({ sourceElementId: id, targetElementId: id }));
    const migrated = await t.call('MigrateProcessInstance', { processInstanceKey, migrationPlan: { targetProcessDefinitionKey: processDefinitionKey, mappingInstructions } });
    assert.equal(migrated.status, 'FAILED_PRECONDITION');
    assert.match(migrated.details, /active element with id 'b-throw' has an unsupported type. The migration of a INTERMEDIATE_THROW_EVENT is not supported/);
  });
});
