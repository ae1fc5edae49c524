import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { migrationRequest } from '../../../suites/cases/modify-cases.js';
import type { UserTaskView } from '../../../engine/state/engine-machine.js';
import { engineWithClient, AUTHORIZED_TOKEN, STRANGER_TOKEN, type EngineWithClient } from '../../support/engine-target.js';
import { deploy, jobsOf } from '../../support/processes.js';
import { realModelsDir } from '../../support/real-models.js';

/** Camunda user tasks (`zeebe:userTask`): opened by the engine, completed, assigned and updated over the REST API. */
describe('engine state: Camunda user tasks', () => {
  let target: EngineWithClient;
  beforeEach(async () => {
    target = await engineWithClient({ restPort: 0 });
  });
  afterEach(() => target.close());

  const rest = async (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> | undefined }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) };
    const response = await fetch(`${target.engine.restAddress ?? ''}${path}`, { method, headers, ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };
  const start = async (bpmnProcessId: string, variables: object = {}, tenantId = ''): Promise<string> => {
    const outcome = await target.client.call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables), tenantId }, { token: AUTHORIZED_TOKEN });
    assert.equal(outcome.status, 'OK', outcome.details);
    return (outcome.responses[0] as { processInstanceKey: string }).processInstanceKey;
  };
  const tasks = (): readonly UserTaskView[] => target.engine.inspect().userTasks;
  const onlyTask = (): UserTaskView => {
    const [task, ...more] = tasks();
    assert.ok(task && more.length === 0, `one open user task, found ${String(tasks().length)}`);
    return task;
  };
  const jobs = async (type: string) => {
    const outcome = await target.client.call('ActivateJobs', { type, worker: 'w', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 });
    return jobsOf(outcome.responses);
  };

  it('opens the task with its evaluated assignment, schedule, linked form and headers, and no job', async () => {
    const deployed = await deploy(target.client, ['review-form.form', 'camunda-user-task.bpmn']);
    const formKey = (deployed.deployments[0] as { form?: { formKey: string } }).form?.formKey;
    const pi = await start('camunda-user-task', { owner: 'anna', dueDate: '2026-12-01T10:00:00Z' });
    const task = onlyTask();
    assert.deepEqual(
      { ...task, key: typeof task.key, creationDate: typeof task.creationDate },
      {
        key: 'string', tenantId: '<default>', elementInstanceKey: task.elementInstanceKey, processInstanceKey: pi, elementId: 'review',
        bpmnProcessId: 'camunda-user-task', processDefinitionKey: task.processDefinitionKey, processDefinitionVersion: 1,
        assignee: 'anna', candidateGroups: ['sales', 'ops'], candidateUsers: ['anna', 'bert'], dueDate: '2026-12-01T10:00Z',
        followUpDate: '2027-01-01T09:00+01:00', formKey, externalFormReference: '', customHeaders: { kind: 'review' }, creationDate: 'string',
      },
    );
    assert.deepEqual(await jobs('io.camunda.zeebe:userTask'), [], 'a Camunda user task is not a job');
  });

  it('completes over REST with variables: the token moves on with them, and the task is gone', async () => {
    await deploy(target.client, ['review-form.form', 'camunda-user-task.bpmn']);
    await start('camunda-user-task', { owner: 'anna', dueDate: '2026-12-01T10:00:00Z' });
    const { key } = onlyTask();
    const done = await rest('POST', `/v1/user-tasks/${key}/completion`, { variables: { approved: true } });
    assert.equal(done.status, 204, JSON.stringify(done.body));
    assert.deepEqual(tasks(), []);
    const [archive] = await jobs('archive');
    assert.deepEqual(JSON.parse(archive?.variables ?? '{}'), { owner: 'anna', dueDate: '2026-12-01T10:00:00Z', approved: true });
    const again = await rest('POST', `/v1/user-tasks/${key}/completion`, {});
    assert.deepEqual(again, {
      status: 404,
      body: {
        type: 'about:blank', status: 404, title: 'NOT_FOUND', instance: `/v1/user-tasks/${key}/completion`,
        detail: `Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete user task with key '${key}', but no such user task was found`,
      },
    });
  });

  it('assigns, claims, unassigns and updates; bad requests are 400 problems naming the mistake', async () => {
    await deploy(target.client, ['review-form.form', 'camunda-user-task.bpmn']);
    await start('camunda-user-task', { owner: 'anna', dueDate: '2026-12-01T10:00:00Z' });
    const { key } = onlyTask();
    const claimed = await rest('POST', `/v1/user-tasks/${key}/assignment`, { assignee: 'carl', allowOverride: false });
    assert.equal(claimed.status, 409);
    assert.equal(claimed.body?.['detail'], `Command 'CLAIM' rejected with code 'INVALID_STATE': Expected to claim user task with key '${key}', but it has already been assigned`);
    assert.equal((await rest('POST', `/v1/user-tasks/${key}/assignment`, { assignee: 'carl', allowOverride: null })).status, 204, 'null is the default: override');
    assert.equal(onlyTask().assignee, 'carl');
    assert.equal((await rest('DELETE', `/v1/user-tasks/${key}/assignee`)).status, 204);
    assert.equal(onlyTask().assignee, '');
    assert.equal((await rest('POST', `/v1/user-tasks/${key}/assignment`, { assignee: 'dora', allowOverride: false })).status, 204, 'an unassigned task can be claimed');
    const changeset = { dueDate: '2027-02-01T00:00:00Z', candidateGroups: ['legal'] };
    assert.equal((await rest('PATCH', `/v1/user-tasks/${key}`, { changeset })).status, 204);
    assert.deepEqual(
      { assignee: onlyTask().assignee, dueDate: onlyTask().dueDate, candidateGroups: onlyTask().candidateGroups, candidateUsers: onlyTask().candidateUsers },
      { assignee: 'dora', dueDate: '2027-02-01T00:00:00Z', candidateGroups: ['legal'], candidateUsers: ['anna', 'bert'] },
    );
    const bad = async (method: string, path: string, body: unknown): Promise<string> => {
      const answer = await rest(method, path, body);
      assert.equal(answer.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
      return String(answer.body?.['detail']);
    };
    assert.match(await bad('PATCH', `/v1/user-tasks/${key}`, { changeset: { dueDate: 'tomorrow' } }), /due date 'tomorrow' cannot be parsed as a date/);
    assert.match(await bad('PATCH', `/v1/user-tasks/${key}`, {}), /No update data provided/);
    assert.match(await bad('POST', `/v1/user-tasks/${key}/assignment`, {}), /No assignee provided/);
    assert.match(await bad('POST', `/v1/user-tasks/${key}/completion`, { variables: [1] }), /'variables' must be a JSON object/);
    assert.match(await bad('POST', `/v1/user-tasks/${key}/completion`, '{"variables":'), /not valid JSON/);
    assert.match(await bad('POST', '/v1/user-tasks/abc/completion', {}), /user task key 'abc' is not a positive number/);
    assert.match(await bad('POST', '/v1/user-tasks/%E0/completion', {}), /user task key '%E0' is not a positive number/);
    assert.equal((await rest('GET', '/v1/user-tasks')).status, 404);
    const huge = await rest('POST', `/v1/user-tasks/${key}/completion`, JSON.stringify({ variables: { blob: 'x'.repeat(5 * 1024 * 1024) } }));
    assert.equal(huge.status, 413, 'a body over 4 MiB is refused with an answer, not a reset connection');
    assert.equal(onlyTask().key, key, 'nothing a refused request sent changed the task');
  });

  it('a missing linked form is a FORM_NOT_FOUND incident; resolved after deploying the form, the task opens', async () => {
    await deploy(target.client, ['camunda-user-task.bpmn']);
    await start('camunda-user-task', { owner: 'anna', dueDate: '2026-12-01T10:00:00Z' });
    assert.deepEqual(tasks(), []);
    const [incident] = target.engine.inspect().incidents;
    assert.equal(incident?.type, 'FORM_NOT_FOUND');
    assert.match(incident.message, /Expected to find a form with id 'review-form'/);
    await deploy(target.client, ['review-form.form']);
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal(onlyTask().elementId, 'review');
  });

  it('an assignment expression of the wrong type is an EXTRACT_VALUE_ERROR incident', async () => {
    await deploy(target.client, ['review-form.form', 'camunda-user-task.bpmn']);
    await start('camunda-user-task', { owner: 42, dueDate: '2026-12-01T10:00:00Z' });
    assert.deepEqual(tasks(), []);
    const [incident] = target.engine.inspect().incidents;
    assert.deepEqual({ type: incident?.type, message: incident?.message }, { type: 'EXTRACT_VALUE_ERROR', message: "Expected result of the expression 'owner' to be 'STRING', but was 'NUMBER'." });
  });

  it('a due date expression that evaluates to null is no due date, not an incident', async () => {
    await deploy(target.client, ['review-form.form', 'camunda-user-task.bpmn']);
    await start('camunda-user-task', { owner: 'anna' });
    assert.deepEqual(target.engine.inspect().incidents, []);
    assert.equal(onlyTask().dueDate, '');
  });

  it('cancelling the instance, or terminating the element by a modification, ends its user task', async () => {
    await deploy(target.client, ['zeebe-user-task.bpmn']);
    const pi = await start('zeebe-user-task');
    assert.equal(tasks().length, 1);
    assert.equal((await target.client.call('CancelProcessInstance', { processInstanceKey: pi })).status, 'OK');
    assert.deepEqual(tasks(), []);
    const modified = await start('zeebe-user-task');
    const terminate = { processInstanceKey: modified, activateInstructions: [], terminateInstructions: [{ elementInstanceKey: onlyTask().elementInstanceKey }] };
    assert.equal((await target.client.call('ModifyProcessInstance', terminate)).status, 'OK');
    assert.deepEqual(tasks(), []);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it("another tenant's task is not found; without a token where one is required: 401", async () => {
    await target.close();
    target = await engineWithClient({ restPort: 0, multiTenancy: true, authRequired: true });
    await deploy(target.client, ['zeebe-user-task.bpmn'], { tenantId: 'tenant-a', token: AUTHORIZED_TOKEN });
    await start('zeebe-user-task', {}, 'tenant-a');
    const { key } = onlyTask();
    assert.equal((await rest('POST', `/v1/user-tasks/${key}/completion`, {})).status, 401);
    assert.equal((await rest('GET', '/v1/no-such-route')).status, 401, 'the caller is checked before the route');
    assert.equal((await rest('POST', `/v1/user-tasks/${key}/completion`, {}, STRANGER_TOKEN)).status, 404);
    assert.equal((await rest('POST', `/v1/user-tasks/${key}/completion`, {}, AUTHORIZED_TOKEN)).status, 204);
    assert.equal(target.engine.inspect().instances, 0);
  });

  it('with multi-tenancy on, a caller without known tenants is refused (as mt-on-no-identity over gRPC)', async () => {
    await target.close();
    target = await engineWithClient({ restPort: 0, multiTenancy: true });
    await deploy(target.client, ['zeebe-user-task.bpmn'], { tenantId: 'tenant-a', token: AUTHORIZED_TOKEN });
    await start('zeebe-user-task', {}, 'tenant-a');
    const anonymous = await rest('POST', `/v1/user-tasks/${onlyTask().key}/completion`, {});
    assert.equal(anonymous.status, 401);
    assert.match(String(anonymous.body?.['detail']), /tenant could not be retrieved from the request context/);
    assert.equal(tasks().length, 1);
  });

  it('@camunda8/sdk completes a Camunda user task through the REST API', async () => {
    await deploy(target.client, ['zeebe-user-task.bpmn']);
    await start('zeebe-user-task');
    const sdk = new Camunda8({ ZEEBE_REST_ADDRESS: target.engine.restAddress ?? '', CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'error' });
    // Deprecated in the SDK for 8.6's /v2 API; it is the client of real Zeebe 8.5's /v1 routes, which the engine serves.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const rest = sdk.getZeebeRestClient();
    await rest.assignTask({ userTaskKey: onlyTask().key, assignee: 'sdk-user', action: 'assign' });
    assert.equal(onlyTask().assignee, 'sdk-user');
    await rest.completeUserTask({ userTaskKey: onlyTask().key, variables: { done: true } });
    assert.equal(target.engine.inspect().instances, 0);
  });

  it("runs the real payment example's Camunda user task: a card error goes to the clerk, who gives up", async () => {
    const model = (name: string) => ({ name, content: readFileSync(join(realModelsDir(), `c8ex--payment-example-process-application--${name}`)) });
    const deployed = await target.client.call('DeployResource', { resources: [model('check-payment.form'), model('payment_process.bpmn')] });
    assert.equal(deployed.status, 'OK', deployed.details);
    await start('paymentProcess');
    const [credit] = await jobs('customerCreditHandling');
    await target.client.call('CompleteJob', { jobKey: credit?.key ?? '', variables: JSON.stringify({ remainingAmount: 10 }) });
    const [card] = await jobs('creditCardCharging');
    await target.client.call('ThrowError', { jobKey: card?.key ?? '', errorCode: 'creditCardError', errorMessage: 'card expired' });
    const task = onlyTask();
    assert.equal(task.elementId, 'CheckPaymentDataTask');
    assert.notEqual(task.formKey, '', 'the linked form checkPayment was resolved');
    assert.equal((await rest('POST', `/v1/user-tasks/${task.key}/completion`, { variables: { errorResolved: false } })).status, 204);
    assert.equal(target.engine.inspect().instances, 0, 'the instance ended at PaymentFailedEndEvent');
  });

  describe('migration', () => {
    const migrate = (processInstanceKey: string, targetProcessDefinitionKey: string) =>
      target.client.call('MigrateProcessInstance', migrationRequest(processInstanceKey, targetProcessDefinitionKey, [['task', 'task']]));
    const definitionKey = async (name: string) => (await deploy(target.client, [name])).deployments[0]?.process?.processDefinitionKey ?? '';

    for (const [from, to] of [['job-worker', 'zeebe'], ['zeebe', 'job-worker']] as const) {
      it(`refuses to map a ${from} user task to a ${to} one: task-implementation-changed`, async () => {
        await definitionKey(`${from}-user-task.bpmn`);
        const moved = await definitionKey(`${to}-user-task.bpmn`);
        const pi = await start(`${from}-user-task`);
        const answer = await migrate(pi, moved);
        assert.equal(answer.status, 'FAILED_PRECONDITION');
        assert.equal(answer.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/task-implementation-changed');
        const [source, targetKind] = [from, to].map((k) => (k === 'zeebe' ? 'zeebe user task' : 'job worker'));
        assert.equal(answer.details, `Command 'MIGRATE' rejected with code 'INVALID_STATE': Expected to migrate process instance '${pi}' but active user task with id 'task' and implementation '${source ?? ''}' is mapped to an user task with id 'task' and different implementation '${targetKind ?? ''}'. Elements must be mapped to elements of the same implementation.`);
      });
    }

    it('moves a Camunda user task to the target, keeping its key; completing it ends the instance there', async () => {
      await definitionKey('zeebe-user-task.bpmn');
      const moved = await definitionKey('camunda-user-task.bpmn');
      const pi = await start('zeebe-user-task');
      const before = onlyTask();
      const answer = await target.client.call('MigrateProcessInstance', migrationRequest(pi, moved, [['task', 'review']]));
      assert.equal(answer.status, 'OK', answer.details);
      const after = onlyTask();
      assert.deepEqual({ key: after.key, elementId: after.elementId, bpmnProcessId: after.bpmnProcessId, processDefinitionKey: after.processDefinitionKey }, { key: before.key, elementId: 'review', bpmnProcessId: 'camunda-user-task', processDefinitionKey: moved });
      assert.equal((await rest('POST', `/v1/user-tasks/${after.key}/completion`, {})).status, 204);
      assert.equal((await jobs('archive')).length, 1, "the instance went on along the target's flow");
    });
  });
});
