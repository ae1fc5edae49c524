import assert from 'node:assert/strict';
import { migrationRequest } from '../../../suites/cases/modify-cases.js';
import { engineWithClient } from '../../support/engine-target.js';
import { driver, type Driver } from './modification-support.js';

type Target = Awaited<ReturnType<typeof engineWithClient>>;

/** MigrateProcessInstance over gRPC: the instance and its jobs move to the target definition and finish there. */
describe('engine state: MigrateProcessInstance', () => {
  let target: Target;
  let d: Driver;
  beforeEach(async () => {
    target = await engineWithClient();
    d = driver(target.client);
  });
  afterEach(() => target.close());
  const migrate = (processInstanceKey: string, targetProcessDefinitionKey: string, mappings: [string, string][]) =>
    target.client.call('MigrateProcessInstance', migrationRequest(processInstanceKey, targetProcessDefinitionKey, mappings));

  it('moves the instance to version 2: the job keeps its key, gets the new element and definition, and the instance ends there', async () => {
    const v1 = await d.deploy('order-v1.bpmn');
    const pi = await d.start('migrate-order', { order: 7 });
    const v2 = await d.deploy('order-v2.bpmn');
    assert.notEqual(v1, v2);
    const [before] = await d.jobs('migrate-charge');
    assert.ok(before);
    await target.client.call('FailJob', { jobKey: before.key, retries: 2, errorMessage: 'later' });
    const answer = await migrate(pi, v2, [['charge', 'charge-v2']]);
    assert.equal(answer.status, 'OK', answer.details);
    assert.deepEqual(answer.responses, [{}]);
    const [after] = await d.jobs('migrate-charge');
    assert.ok(after);
    assert.equal(after.key, before.key);
    assert.equal(after.elementInstanceKey, before.elementInstanceKey);
    assert.deepEqual(
      { elementId: after.elementId, processDefinitionKey: after.processDefinitionKey, version: after.processDefinitionVersion, bpmnProcessId: after.bpmnProcessId, retries: after.retries },
      { elementId: 'charge-v2', processDefinitionKey: v2, version: 2, bpmnProcessId: 'migrate-order', retries: 2 },
    );
    assert.deepEqual(JSON.parse(after.variables), { order: 7 });
    await d.complete(after.key);
    const [ship] = await d.jobs('migrate-ship');
    assert.ok(ship);
    assert.equal(ship.processDefinitionKey, v2, 'the instance took the target definition\'s flow after the task');
    await d.complete(ship.key);
    assert.equal(target.engine.inspect().instances, 0);
    assert.equal((await target.client.call('DeleteResource', { resourceKey: v1 })).status, 'OK', 'nothing runs on version 1 any more');
  });

  it('moves a subprocess and its inner task to another process; changing the inner task\'s flow scope is refused', async () => {
    await d.deploy('subprocess.bpmn');
    const other = await d.deploy('subprocess-target.bpmn');
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    const moved = await migrate(pi, other, [['sub', 'sub2'], ['inner', 'loose']]);
    assert.equal(moved.status, 'FAILED_PRECONDITION');
    assert.equal(moved.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unsupported-scenario');
    assert.match(moved.details, /The flow scope of the active element is expected to be 'sub2' but was 'migrate-subprocess-target'/);
    const answer = await migrate(pi, other, [['sub', 'sub2'], ['inner', 'inner2']]);
    assert.equal(answer.status, 'OK', answer.details);
    const [inner] = await d.jobs('modify-inner');
    assert.deepEqual({ elementId: inner?.elementId, bpmnProcessId: inner?.bpmnProcessId }, { elementId: 'inner2', bpmnProcessId: 'migrate-subprocess-target' });
    await d.complete(inner?.key ?? '');
    const [after] = await d.jobs('migrate-after');
    assert.ok(after, 'the subprocess completed on the target and its outgoing flow led to the target\'s next task');
    await d.complete(after.key);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('is all or nothing: one unmapped element leaves the instance on its definition', async () => {
    await d.deploy('subprocess.bpmn');
    const other = await d.deploy('subprocess-target.bpmn');
    const pi = await d.start('modify-subprocess');
    const [outer] = await d.jobs('modify-outer');
    await d.complete(outer?.key ?? '');
    const answer = await migrate(pi, other, [['sub', 'sub2']]);
    assert.equal(answer.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unmapped-active-element');
    assert.match(answer.details, /no mapping instruction defined for active element with id 'inner'/);
    const [inner] = await d.jobs('modify-inner');
    assert.deepEqual({ elementId: inner?.elementId, bpmnProcessId: inner?.bpmnProcessId }, { elementId: 'inner', bpmnProcessId: 'modify-subprocess' });
  });

  it('carries an incident over: resolved after the migration, the job runs on the target', async () => {
    await d.deploy('order-v1.bpmn');
    const pi = await d.start('migrate-order');
    const v2 = await d.deploy('order-v2.bpmn');
    const [job] = await d.jobs('migrate-charge');
    assert.ok(job);
    await target.client.call('FailJob', { jobKey: job.key, retries: 0, errorMessage: 'down' });
    assert.equal((await migrate(pi, v2, [['charge', 'charge-v2']])).status, 'OK');
    const [incident] = target.engine.inspect().incidents;
    assert.equal(incident?.elementInstanceKey, job.elementInstanceKey, 'the incident stays on the same element instance');
    await target.client.call('UpdateJobRetries', { jobKey: job.key, retries: 1 });
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    const [again] = await d.jobs('migrate-charge');
    assert.deepEqual({ key: again?.key, elementId: again?.elementId, version: again?.processDefinitionVersion }, { key: job.key, elementId: 'charge-v2', version: 2 });
  });

  it('refuses while a token waits at a joining gateway, as real Zeebe refuses a migration with flows in flight', async () => {
    const key = await d.deploy('parallel-join.bpmn');
    const pi = await d.start('modify-parallel-join');
    const answer = await migrate(pi, key, [['work', 'work']]);
    assert.equal(answer.status, 'FAILED_PRECONDITION');
    assert.match(answer.details, /a concurrent command was executed on the process instance/);
    const [work] = await d.jobs('modify-join-work');
    await d.complete(work?.key ?? '');
    assert.equal(target.engine.inspect().instances, 0, 'the join still completes the instance');
  });

  it('answers unknown ids, a missing target and duplicate sources in real Zeebe\'s order', async () => {
    const v1 = await d.deploy('order-v1.bpmn');
    const pi = await d.start('migrate-order');
    const duplicate = await migrate(pi, '2251799813685249999', [['charge', 'charge'], ['charge', 'end']]);
    assert.equal(duplicate.ruleId, 'MigrateProcessInstance/INVALID_ARGUMENT/duplicate-source-mapping', 'duplicates come before the target lookup');
    assert.match(duplicate.details, /duplicate source element ids '\[charge\]'/);
    const missing = await migrate(pi, '2251799813685249999', [['nowhere', 'charge']]);
    assert.equal(missing.ruleId, 'MigrateProcessInstance/NOT_FOUND/no-such-target-definition');
    const source = await migrate(pi, v1, [['nowhere', 'nowhere-either']]);
    assert.equal(source.ruleId, 'MigrateProcessInstance/INVALID_ARGUMENT/unknown-source-element');
    const same = await migrate(pi, v1, [['charge', 'charge']]);
    assert.equal(same.status, 'OK', 'migrating to the same definition with an identity mapping is allowed');
  });

  it('moves a sequential multi-instance task (documented): the item running and the items to come run as the target element', async () => {
    await d.deploy('multi-instance.bpmn');
    const pi = await d.start('mi-source');
    const targetKey = await definitionKeyOf('mi-target');
    const moved = await migrate(pi, targetKey, [['task', 'task2']]);
    assert.equal(moved.status, 'OK', moved.details);
    const [first] = await d.jobs('mi-work');
    assert.equal(first?.elementId, 'task2', 'the running item\'s job keeps its type and reports the target element');
    await d.complete(first.key);
    const [second] = await d.jobs('mi-work-v2');
    assert.deepEqual({ elementId: second?.elementId, item: (JSON.parse(second?.variables ?? '{}') as { item?: number }).item }, { elementId: 'task2', item: 2 });
    await d.complete(second?.key ?? '');
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('refuses a multi-instance task as an unsupported element in profile zeebe-8.5, as real Zeebe 8.5 does', async () => {
    await target.close();
    target = await engineWithClient({ profile: 'zeebe-8.5' });
    d = driver(target.client);
    await d.deploy('multi-instance.bpmn');
    const pi = await d.start('mi-source');
    const refused = await migrate(pi, await definitionKeyOf('mi-target'), [['task', 'task2']]);
    assert.equal(refused.status, 'FAILED_PRECONDITION');
    assert.equal(refused.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unsupported-element');
    assert.match(refused.details, /The migration of a MULTI_INSTANCE_BODY is not supported/);
  });

  for (const profile of ['documented', 'zeebe-8.5'] as const) {
    it(`carries a message boundary event over to the target's (${profile}); mapping it is ${profile === 'documented' ? 'allowed' : 'refused, as in real Zeebe 8.5'}`, async () => {
      await target.close();
      target = await engineWithClient({ profile });
      d = driver(target.client);
      await d.deploy('message-boundary.bpmn');
      const pi = await d.start('mb-source', { key: 'order-1' });
      const targetKey = await d.deploy('message-boundary-target.bpmn');
      const mapped = await migrate(pi, targetKey, [['task', 'task'], ['b', 'b2']]);
      if (profile === 'zeebe-8.5') {
        assert.equal(mapped.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unsupported-scenario', mapped.details);
        assert.match(mapped.details, /mapped catch event with id 'b'/);
        assert.equal((await migrate(pi, targetKey, [['task', 'task']])).status, 'OK');
      } else {
        assert.equal(mapped.status, 'OK', mapped.details);
      }
      const published = await target.client.call('PublishMessage', { name: 'mb-cancel', correlationKey: 'order-1', timeToLive: 0, messageId: '', variables: '{}', tenantId: '' });
      assert.equal(published.status, 'OK');
      assert.deepEqual((await d.jobs('mb-caught-v2')).map((j) => j.elementId), ['caught2'], "the target's boundary event caught the message");
      assert.deepEqual(await d.jobs('mb-work'), [], 'it interrupted the task');
    });
  }

  /** The definition key of the latest version of a process, through CreateProcessInstance's answer (then cancelled). */
  const definitionKeyOf = async (bpmnProcessId: string): Promise<string> => {
    const created = await target.client.call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: '' });
    const answer = created.responses[0] as { processDefinitionKey: string; processInstanceKey: string };
    await target.client.call('CancelProcessInstance', { processInstanceKey: answer.processInstanceKey });
    return answer.processDefinitionKey;
  };
});
