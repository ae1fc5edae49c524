import assert from 'node:assert/strict';
import { variablesOf } from '../../support/drive.js';
import { eventTarget, type EventTarget } from '../../support/event-target.js';

/**
 * Escalation throw and end events over gRPC, caught as real Zeebe 8.5 catches them: from the thrower outwards by
 * boundary events and event subprocesses, up through call activities; never an incident when nobody catches.
 */
describe('engine events: escalations', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  const incidents = (): readonly { type: string; message: string }[] => t.target.engine.inspect().incidents;

  it('runs a non-interrupting boundary beside the subprocess; the throw event goes on; the exact code beats the catch-all', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-boundary');
    assert.equal((await t.jobs('esc-late')).length, 1, 'the boundary event with the exact code caught it');
    await t.completeOne('esc-after-throw');
    await t.completeOne('esc-done');
    assert.equal(t.instances(), 1, 'the boundary path still runs');
  });

  it('interrupts the subprocess with an interrupting catch-all boundary: the sibling path ends, no flow leaves the throw', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-interrupting', { kind: 'disk' });
    assert.deepEqual(await t.jobs('esc-sibling'), [], "the sibling path's job went with the subprocess");
    const caught = await t.completeOne('esc-caught');
    assert.equal(variablesOf(caught).outcome, 'caught', "the boundary event's output mapping ran");
    assert.equal(t.instances(), 0);
  });

  it('escalates from each inner instance of a multi-instance subprocess to the boundary event on the activity', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-multi-instance');
    assert.equal((await t.jobs('esc-item-late')).length, 2, 'one boundary path per inner instance');
    assert.equal((await t.jobs('esc-item')).length, 2, 'the inner instances go on');
  });

  it('raises EXTRACT_VALUE_ERROR when the code expression fails; resolving it after a fix throws the escalation', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    const pi = await t.create('escalation-interrupting', { kind: 7 });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    const set = await t.call('SetVariables', { elementInstanceKey: pi, variables: '{"kind":"disk"}', local: false });
    assert.equal(set.status, 'OK', set.details);
    assert.equal((await t.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal((await t.jobs('esc-caught')).length, 1);
  });

  it('starts a non-interrupting event subprocess beside the process, and an interrupting one of a subprocess ends its path', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-event-subprocess');
    const [noted] = await t.jobs('esc-noted');
    assert.ok(noted, "the process's non-interrupting event subprocess ran");
    assert.deepEqual(await t.jobs('esc-never'), [], 'the interrupted throw event took no flow');
    await t.completeOne('esc-sub-late');
    assert.equal(t.instances(), 1, 'the non-interrupting event subprocess is still running');
    assert.equal((await t.call('CompleteJob', { jobKey: noted.key, variables: '{}' })).status, 'OK');
    assert.equal(t.instances(), 0);
  });

  it('is no incident when nobody catches: the throw and end events complete; an escalation without a code catches nothing', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-uncaught');
    await t.completeOne('esc-uncaught-next');
    assert.deepEqual(await t.jobs('esc-wrongly-caught'), []);
    assert.deepEqual(incidents(), []);
    assert.equal(t.instances(), 0, 'the escalation end event ended the process');
  });

  it("catches a called child's escalation at the call activity's boundary, ending the child", async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    await t.create('escalation-caller');
    assert.deepEqual(await t.jobs('esc-child-work'), [], "the child's other path ended with it");
    await t.completeOne('esc-from-child');
    assert.equal(t.instances(), 0, 'parent and child are done');
  });

  it('does not migrate an active subprocess with escalation boundary events, as real Zeebe 8.5 does not', async () => {
    t = await eventTarget(['escalation-events.bpmn']);
    const created = await t.call('CreateProcessInstance', { bpmnProcessId: 'escalation-boundary', version: -1, variables: '{}' });
    const { processInstanceKey, processDefinitionKey } = created.responses[0] as { processInstanceKey: string; processDefinitionKey: string };
    const mappingInstructions = [['b-sub', 'b-sub'], ['b-after', 'b-after']].map(([sourceElementId, targetElementId]) => ({ sourceElementId, targetElementId }));
    const migrated = await t.call('MigrateProcessInstance', { processInstanceKey, migrationPlan: { targetProcessDefinitionKey: processDefinitionKey, mappingInstructions } });
    assert.equal(migrated.status, 'FAILED_PRECONDITION');
    assert.match(migrated.details, /active element with id 'b-sub' has one or more boundary events of types 'ESCALATION,ESCALATION'/);
  });
});
