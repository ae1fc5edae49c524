import assert from 'node:assert/strict';
import { engineWithClient } from '../../support/engine-target.js';
import { callingProcess, oneTaskProcess } from '../../../suites/cases/models.js';
import { multiInstanceSubprocessProcess } from '../../../suites/cases/modify-models.js';
import { driver, type Driver } from './modification-support.js';

type Target = Awaited<ReturnType<typeof engineWithClient>>;

/** ModifyProcessInstance over gRPC: activate, terminate and variable instructions, then the instance runs on. */
describe('engine state: ModifyProcessInstance', () => {
  let target: Target;
  let d: Driver;
  beforeEach(async () => {
    target = await engineWithClient();
    d = driver(target.client);
    await d.deploy('two-tasks.bpmn');
    await d.deploy('subprocess.bpmn');
  });
  afterEach(() => target.close());
  const modify = (request: object) => target.client.call('ModifyProcessInstance', request);
  const activate = (elementId: string, variableInstructions: object[] = [], ancestorElementInstanceKey = '-1') => ({ elementId, ancestorElementInstanceKey, variableInstructions });

  it('moves the token: activates b with variables, terminates a; the instance completes through b', async () => {
    const pi = await d.start('modify-two-tasks', { x: 1 });
    const [a] = await d.jobs('modify-a');
    assert.ok(a);
    const answer = await modify({
      processInstanceKey: pi,
      activateInstructions: [activate('b', [{ variables: '{"global":1}', scopeId: '' }, { variables: '{"local":2}', scopeId: 'b' }])],
      terminateInstructions: [{ elementInstanceKey: a.elementInstanceKey }],
    });
    assert.equal(answer.status, 'OK', answer.details);
    assert.deepEqual(answer.responses, [{}]);
    assert.deepEqual(await d.jobs('modify-a'), [], 'the job of the terminated task is gone');
    const completeA = await target.client.call('CompleteJob', { jobKey: a.key, variables: '{}' });
    assert.equal(completeA.status, 'NOT_FOUND');
    const [b] = await d.jobs('modify-b');
    assert.deepEqual(JSON.parse(b?.variables ?? ''), { x: 1, global: 1, local: 2 });
    await d.complete(b?.key ?? '');
    assert.equal(target.engine.inspect().instances, 0, 'the instance completed');
  });

  it('activating an element inside a subprocess that is not active opens the subprocess, with its scope variables', async () => {
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    const answer = await modify({
      processInstanceKey: pi,
      activateInstructions: [activate('inner', [{ variables: '{"inSub":true}', scopeId: 'sub' }])],
      terminateInstructions: [{ elementInstanceKey: outer?.elementInstanceKey }],
    });
    assert.equal(answer.status, 'OK', answer.details);
    const [inner] = await d.jobs('modify-inner');
    assert.deepEqual(JSON.parse(inner?.variables ?? ''), { inSub: true });
    await d.complete(inner?.key ?? '');
    assert.equal(target.engine.inspect().instances, 0, 'the subprocess completed and the instance ended');
  });

  it('terminating the last active element terminates the instance', async () => {
    const pi = await d.start('modify-two-tasks');
    const [a] = await d.jobs('modify-a');
    const answer = await modify({ processInstanceKey: pi, activateInstructions: [], terminateInstructions: [{ elementInstanceKey: a?.elementInstanceKey }] });
    assert.equal(answer.status, 'OK', answer.details);
    const { instances, jobs } = target.engine.inspect();
    assert.deepEqual({ instances, jobs }, { instances: 0, jobs: 0 });
    const again = await modify({ processInstanceKey: pi, activateInstructions: [activate('a')] });
    assert.equal(again.ruleId, 'ModifyProcessInstance/NOT_FOUND/instance-not-active');
  });

  it('terminating the last task of a subprocess closes the subprocess and then the instance', async () => {
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    const [inner] = await d.jobs('modify-inner');
    const answer = await modify({ processInstanceKey: pi, terminateInstructions: [{ elementInstanceKey: inner?.elementInstanceKey }] });
    assert.equal(answer.status, 'OK', answer.details);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('is all or nothing: a valid activation beside an invalid terminate instruction applies nothing', async () => {
    const pi = await d.start('modify-two-tasks');
    const answer = await modify({ processInstanceKey: pi, activateInstructions: [activate('b')], terminateInstructions: [{ elementInstanceKey: '2251799813685249999' }] });
    assert.equal(answer.status, 'INVALID_ARGUMENT');
    assert.match(answer.details, /Command 'MODIFY' rejected with code 'INVALID_ARGUMENT': Expected to modify instance of process 'modify-two-tasks' but it contains one or more terminate instructions with an element instance that could not be found: '2251799813685249999'/);
    assert.deepEqual(await d.jobs('modify-b'), []);
    assert.equal((await d.jobs('modify-a')).length, 1);
  });

  it('refuses to guess among several subprocess instances; the process instance as ancestor opens another one', async () => {
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    assert.equal((await modify({ processInstanceKey: pi, activateInstructions: [activate('sub')] })).status, 'OK');
    const inners = await d.jobs('modify-inner');
    assert.equal(inners.length, 2, 'two instances of the subprocess, each with its inner task');
    const ambiguous = await modify({ processInstanceKey: pi, activateInstructions: [activate('inner')] });
    assert.equal(ambiguous.ruleId, 'ModifyProcessInstance/INVALID_ARGUMENT/activate-ambiguous-flow-scope');
    const underRoot = await modify({ processInstanceKey: pi, activateInstructions: [activate('inner', [{ variables: '{"fresh":1}', scopeId: 'inner' }], pi)] });
    assert.equal(underRoot.status, 'OK', underRoot.details);
    const [third] = await d.jobs('modify-inner');
    assert.deepEqual(JSON.parse(third?.variables ?? ''), { fresh: 1 });
    const notAbove = await modify({ processInstanceKey: pi, activateInstructions: [activate('outer', [], inners[0]?.elementInstanceKey)] });
    assert.match(notAbove.details, /is not an ancestor of element 'outer'/);
    for (const job of [...inners, third]) await d.complete(job?.key ?? '');
    assert.equal(target.engine.inspect().instances, 0, 'the three subprocess instances completed, then the instance');
  });

  it('terminating the process instance itself ends everything in it', async () => {
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    const answer = await modify({ processInstanceKey: pi, terminateInstructions: [{ elementInstanceKey: pi }] });
    assert.equal(answer.status, 'OK', answer.details);
    const { instances, jobs } = target.engine.inspect();
    assert.deepEqual({ instances, jobs }, { instances: 0, jobs: 0 });
  });

  it('refuses to activate start events and sequence flows, and ancestors that do not exist', async () => {
    const pi = await d.start('modify-two-tasks');
    const startEvent = await modify({ processInstanceKey: pi, activateInstructions: [activate('start')] });
    assert.equal(startEvent.status, 'INVALID_ARGUMENT');
    assert.match(startEvent.details, /activate instructions for elements that are unsupported: 'start'. The activation of elements with type 'START_EVENT' is not supported/);
    const flow = await modify({ processInstanceKey: pi, activateInstructions: [activate('f2')] });
    assert.match(flow.details, /with type 'SEQUENCE_FLOW' is not supported/);
    const ancestor = await modify({ processInstanceKey: pi, activateInstructions: [activate('b', [], '2251799813685249999')] });
    assert.match(ancestor.details, /with an ancestor scope key that does not exist, or is not in an active state: '2251799813685249999'/);
    assert.equal((await d.jobs('modify-b')).length, 0, 'nothing was applied');
  });

  it('keeps a subprocess an activation needs when its last task is terminated in the same request', async () => {
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    const [inner] = await d.jobs('modify-inner');
    assert.ok(inner);
    const answer = await modify({ processInstanceKey: pi, activateInstructions: [activate('inner')], terminateInstructions: [{ elementInstanceKey: inner.elementInstanceKey }] });
    assert.equal(answer.status, 'OK', answer.details);
    const [restarted] = await d.jobs('modify-inner');
    assert.ok(restarted);
    assert.notEqual(restarted.elementInstanceKey, inner.elementInstanceKey);
    await d.complete(restarted.key);
    assert.equal(target.engine.inspect().instances, 0, 'the same subprocess instance completed, then the instance');
  });

  it('places an activation inside a multi-instance subprocess only in a running inner instance', async () => {
    const content = multiInstanceSubprocessProcess('modify-mi-sub', 'modify-mi');
    assert.equal((await target.client.call('DeployResource', { resources: [{ name: 'mi-sub.bpmn', content }] })).status, 'OK');
    const pi = await d.start('modify-mi-sub');
    const notYet = await modify({ processInstanceKey: pi, activateInstructions: [activate('inner')], terminateInstructions: [] });
    assert.equal(notYet.ruleId, 'ModifyProcessInstance/INVALID_ARGUMENT/activate-flow-scope-not-creatable', notYet.details);
    assert.match(notYet.details, /activation of multi-instance element 'sub', which is currently unsupported/);
    const [a] = await d.jobs('modify-mi');
    await d.complete(a?.key ?? '');
    assert.equal((await d.jobs('modify-mi-inner')).length, 2, 'two inner instances run');
    const ambiguous = await modify({ processInstanceKey: pi, activateInstructions: [activate('inner')], terminateInstructions: [] });
    assert.equal(ambiguous.ruleId, 'ModifyProcessInstance/INVALID_ARGUMENT/activate-ambiguous-flow-scope', ambiguous.details);
  });

  it("refuses to terminate a called child instance entirely, but moves its token", async () => {
    await target.client.call('DeployResource', { resources: [{ name: 'child.bpmn', content: oneTaskProcess('modify-child', 'modify-child-work') }, { name: 'parent.bpmn', content: callingProcess('modify-parent', 'modify-child') }] });
    await d.start('modify-parent');
    const [work] = await d.jobs('modify-child-work');
    assert.ok(work);
    const refused = await modify({ processInstanceKey: work.processInstanceKey, activateInstructions: [], terminateInstructions: [{ elementInstanceKey: work.elementInstanceKey }] });
    assert.equal(refused.ruleId, 'ModifyProcessInstance/INVALID_ARGUMENT/terminates-called-instance', refused.details);
    assert.match(refused.details, /To terminate this instance please modify the parent process instead/);
    const moved = await modify({ processInstanceKey: work.processInstanceKey, activateInstructions: [activate('task')], terminateInstructions: [{ elementInstanceKey: work.elementInstanceKey }] });
    assert.equal(moved.status, 'OK', moved.details);
    assert.equal((await d.jobs('modify-child-work')).length, 1, 'the child runs its task again');
  });
});
