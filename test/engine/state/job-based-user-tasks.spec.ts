import assert from 'node:assert/strict';
import { engineWithClient, type EngineWithClient } from '../../support/engine-target.js';
import { deploy, fixture, jobsOf, type ActivatedJob } from '../../support/processes.js';

const USER_TASK_JOB = 'io.camunda.zeebe:userTask';
const VARIABLES = { owner: 'anna', groups: ['sales', 'ops'], dueDate: '2026-12-01T10:00:00Z' };

/**
 * Job-based user tasks (no `zeebe:userTask`): FEEL assignment and schedule, and a linked form, are evaluated when the
 * job is created and land in its custom headers, as real Zeebe 8.5's BpmnJobBehavior writes them.
 */
describe('engine state: job-based user tasks with expressions and a linked form', () => {
  let target: EngineWithClient;
  beforeEach(async () => {
    target = await engineWithClient();
  });
  afterEach(() => target.close());

  const start = async (variables: object): Promise<string> => {
    const outcome = await target.client.call('CreateProcessInstance', { bpmnProcessId: 'job-based-user-task', version: -1, variables: JSON.stringify(variables) });
    assert.equal(outcome.status, 'OK', outcome.details);
    return (outcome.responses[0] as { processInstanceKey: string }).processInstanceKey;
  };
  const jobs = async (type: string): Promise<ActivatedJob[]> => {
    const outcome = await target.client.call('ActivateJobs', { type, worker: 'w', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 });
    return jobsOf(outcome.responses);
  };
  const onlyUserTaskJob = async (): Promise<ActivatedJob> => {
    const [job, ...more] = await jobs(USER_TASK_JOB);
    assert.ok(job && more.length === 0, 'one user task job');
    return job;
  };
  const headers = (job: ActivatedJob): Record<string, string> => JSON.parse(job.customHeaders) as Record<string, string>;
  const deployForm = async (content: Buffer): Promise<string> => {
    const outcome = await target.client.call('DeployResource', { resources: [{ name: 'review-form.form', content }] });
    assert.equal(outcome.status, 'OK', outcome.details);
    return (outcome.responses[0] as { deployments: { form: { formKey: string } }[] }).deployments[0]?.form.formKey ?? '';
  };
  const onlyIncident = () => {
    const [incident, ...more] = target.engine.inspect().incidents;
    assert.ok(incident && more.length === 0, 'one incident');
    return incident;
  };

  it('writes the evaluated assignee, candidates, dates (as Java prints them) and the latest linked form key into the job headers', async () => {
    const first = await deployForm(fixture('review-form.form'));
    const latest = await deployForm(Buffer.from(fixture('review-form.form').toString().replace('Approved', 'Approved?')));
    assert.notEqual(latest, first, 'a changed form is a new version');
    await deploy(target.client, ['job-based-user-task.bpmn']);
    await start(VARIABLES);
    const job = await onlyUserTaskJob();
    assert.equal(job.retries, 1);
    assert.deepEqual(headers(job), {
      kind: 'review',
      'io.camunda.zeebe:assignee': 'anna',
      'io.camunda.zeebe:candidateGroups': '["sales","ops"]',
      'io.camunda.zeebe:candidateUsers': '["anna","bert"]',
      'io.camunda.zeebe:dueDate': '2026-12-01T10:00Z',
      'io.camunda.zeebe:followUpDate': '2027-01-01T09:00+01:00',
      'io.camunda.zeebe:formKey': latest,
    });
    assert.equal((await target.client.call('CompleteJob', { jobKey: job.key, variables: '{}' })).status, 'OK');
    assert.equal((await jobs('archive')).length, 1, 'the token moved on');
  });

  it('sets no header for a date that evaluates to null; an empty candidate list is "[]"', async () => {
    await deployForm(fixture('review-form.form'));
    await deploy(target.client, ['job-based-user-task.bpmn']);
    await start({ owner: 'anna', groups: [] });
    const job = await onlyUserTaskJob();
    assert.equal(headers(job)['io.camunda.zeebe:dueDate'], undefined);
    assert.equal(headers(job)['io.camunda.zeebe:candidateGroups'], '[]');
  });

  it('a missing linked form is a FORM_NOT_FOUND incident and no job; resolved after deploying the form, the job is created', async () => {
    await deploy(target.client, ['job-based-user-task.bpmn']);
    await start(VARIABLES);
    assert.deepEqual(await jobs(USER_TASK_JOB), []);
    const incident = onlyIncident();
    assert.deepEqual(
      { type: incident.type, message: incident.message },
      { type: 'FORM_NOT_FOUND', message: "Expected to find a form with id 'review-form', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id" },
    );
    const formKey = await deployForm(fixture('review-form.form'));
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal(headers(await onlyUserTaskJob())['io.camunda.zeebe:formKey'], formKey);
    assert.deepEqual(target.engine.inspect().incidents, []);
  });

  it('an expression of the wrong type is an EXTRACT_VALUE_ERROR incident; fixed and resolved, the job is created', async () => {
    await deployForm(fixture('review-form.form'));
    await deploy(target.client, ['job-based-user-task.bpmn']);
    const pi = await start({ ...VARIABLES, owner: 42 });
    assert.deepEqual(await jobs(USER_TASK_JOB), []);
    const incident = onlyIncident();
    assert.deepEqual({ type: incident.type, message: incident.message }, { type: 'EXTRACT_VALUE_ERROR', message: "Expected result of the expression 'owner' to be 'STRING', but was 'NUMBER'." });
    assert.equal((await target.client.call('SetVariables', { elementInstanceKey: pi, variables: '{"owner":"bert"}', local: false })).status, 'OK');
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal(headers(await onlyUserTaskJob())['io.camunda.zeebe:assignee'], 'bert');
  });

  it('a candidate list expression that is not a list of strings is an EXTRACT_VALUE_ERROR incident', async () => {
    await deployForm(fixture('review-form.form'));
    await deploy(target.client, ['job-based-user-task.bpmn']);
    await start({ ...VARIABLES, groups: 'sales' });
    assert.deepEqual(await jobs(USER_TASK_JOB), []);
    const incident = onlyIncident();
    assert.deepEqual({ type: incident.type, message: incident.message }, { type: 'EXTRACT_VALUE_ERROR', message: "Expected result of the expression 'groups' to be 'ARRAY', but was 'STRING'." });
  });
});
