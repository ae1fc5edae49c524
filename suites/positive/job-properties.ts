/** Positive properties of the job RPCs: activation (polled and streamed) answers well-formed jobs; job commands answer empty messages. */
import fc from 'fast-check';
import type { Fixtures } from '../cases/fixtures.js';
import { nonBlankString, positiveInt32, validVariables } from '../properties/arbitraries.js';
import { jobTenants, positive, type AnyPositiveProperty, type Exchange, type Tenancy } from './positive-property.js';
import { empty, equals, fieldsOf, jsonObject, key, listOf, sameKey, variableNames, type Problems } from './shape.js';

/** How far a gateway's clock may be from ours when its job deadlines are judged. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The variable names a variables document sets (none for empty, blank or `null`). */
export function namesIn(variables: string): string[] {
  const parsed: unknown = variables.trim() === '' ? null : JSON.parse(variables);
  return parsed !== null && typeof parsed === 'object' ? Object.keys(parsed) : [];
}

/** An instance of a fresh one-task process, started with `variables`. */
async function instanceWith(fx: Fixtures, variables: string, tenancy: Tenancy) {
  const deployed = await fx.deploy();
  const answer = await fx.ensure('CreateProcessInstance', { bpmnProcessId: deployed.bpmnProcessId, version: -1, variables, tenantId: tenancy.tenantId });
  const processInstanceKey = String(answer['processInstanceKey']);
  fx.track(processInstanceKey);
  return { ...deployed, processInstanceKey };
}

/** What a job activated from `instanceWith` must say of itself. */
interface JobExpectation {
  readonly type: string;
  readonly worker: string;
  readonly processInstanceKey: string;
  readonly processDefinitionKey: string;
  readonly bpmnProcessId: string;
  readonly variables: readonly string[];
  readonly deadlineFrom: number;
  readonly deadlineTo: number;
  readonly tenantId: string;
}

/** An activated job's fields, against what the instance and the activation request said. */
export function jobProblems(job: unknown, want: JobExpectation): Problems {
  const j = fieldsOf(job);
  const deadline = Number(j['deadline']);
  return [
    ...key('job.key', j['key']),
    ...equals('job.type', j['type'], want.type),
    ...sameKey('job.processInstanceKey', j['processInstanceKey'], want.processInstanceKey),
    ...equals('job.bpmnProcessId', j['bpmnProcessId'], want.bpmnProcessId),
    ...equals('job.processDefinitionVersion', j['processDefinitionVersion'], 1),
    ...sameKey('job.processDefinitionKey', j['processDefinitionKey'], want.processDefinitionKey),
    ...equals('job.elementId', j['elementId'], 'task'),
    ...key('job.elementInstanceKey', j['elementInstanceKey']),
    ...jsonObject('job.customHeaders', j['customHeaders']).problems,
    ...equals('job.worker', j['worker'], want.worker),
    ...equals('job.retries', j['retries'], 3),
    ...(deadline >= want.deadlineFrom - CLOCK_SKEW_MS && deadline <= want.deadlineTo + CLOCK_SKEW_MS ? [] : [`job.deadline ${String(j['deadline'])} is not the activation time plus the timeout`]),
    ...variableNames('job.variables', j['variables'], want.variables),
    ...equals('job.tenantId', j['tenantId'], want.tenantId),
  ];
}

const activation = fc.record({
  variables: validVariables,
  worker: nonBlankString,
  timeout: fc.integer({ min: 1000, max: 3_600_000 }),
  maxJobsToActivate: fc.integer({ min: 1, max: 1000 }),
  fetchAll: fc.boolean(),
});

const activateJobs = positive({
  rpc: 'ActivateJobs',
  varies: 'variables, worker, timeout, maxJobsToActivate, fetchVariable',
  maxRuns: 10,
  input: activation,
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const instance = await instanceWith(fx, input.variables, tenancy);
    const names = namesIn(input.variables);
    const fetchVariable = input.fetchAll ? [] : names.slice(0, 1);
    const request = {
      type: instance.jobType, worker: input.worker, timeout: input.timeout, maxJobsToActivate: input.maxJobsToActivate,
      fetchVariable, requestTimeout: 5000, tenantIds: jobTenants(tenancy),
    };
    const sentAt = Date.now();
    const outcome = await fx.call('ActivateJobs', request);
    const jobs = outcome.responses.flatMap((r) => (fieldsOf(r)['jobs'] as unknown[] | undefined) ?? []);
    const want = { ...instance, type: instance.jobType, worker: input.worker, variables: input.fetchAll ? names : fetchVariable, deadlineFrom: sentAt + input.timeout, deadlineTo: Date.now() + input.timeout, tenantId: tenancy.expected };
    return { request, outcome, problems: [...listOf('jobs', jobs, 1), ...jobs.flatMap((job) => jobProblems(job, want))] };
  },
});

/** How long a stream is given to register with the gateway before the job it waits for is created. */
const STREAM_REGISTERED_MS = 500;

const streamActivatedJobs = positive({
  rpc: 'StreamActivatedJobs',
  varies: 'variables, worker, timeout',
  maxRuns: 3,
  input: activation,
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const deployed = await fx.deploy();
    const request = { type: deployed.jobType, worker: input.worker, timeout: input.timeout, fetchVariable: [], tenantIds: jobTenants(tenancy) };
    const sentAt = Date.now();
    const streamed = fx.stream('StreamActivatedJobs', request, 1);
    await new Promise((resolve) => setTimeout(resolve, STREAM_REGISTERED_MS));
    const created = await fx.ensure('CreateProcessInstance', { bpmnProcessId: deployed.bpmnProcessId, version: -1, variables: input.variables, tenantId: tenancy.tenantId });
    const processInstanceKey = String(created['processInstanceKey']);
    fx.track(processInstanceKey);
    const outcome = await streamed;
    const want = { ...deployed, processInstanceKey, type: deployed.jobType, worker: input.worker, variables: namesIn(input.variables), deadlineFrom: sentAt + input.timeout, deadlineTo: Date.now() + input.timeout, tenantId: tenancy.expected };
    // The stream stays open by design: one job received is the answer; none before the deadline is the failure.
    const answered = { ...outcome, status: outcome.responses.length > 0 ? 'OK' : outcome.status };
    return { request, outcome: answered, problems: outcome.responses.flatMap((job) => jobProblems(job, want)) };
  },
});

/** A job-command property: an activated job, one command on it, an empty answer. */
function jobCommand<T>(rpc: 'CompleteJob' | 'FailJob' | 'ThrowError' | 'UpdateJobRetries' | 'UpdateJobTimeout', varies: string, input: fc.Arbitrary<T>, requestOf: (jobKey: string, input: T) => object): AnyPositiveProperty {
  return positive({
    rpc,
    varies,
    maxRuns: 10,
    input,
    exercise: async (fx, value): Promise<Exchange> => {
      const { jobKey } = await fx.activatedJob();
      const request = requestOf(jobKey, value);
      const outcome = await fx.call(rpc, request);
      return { request, outcome, problems: empty(outcome.responses[0]) };
    },
  });
}

/** The positive properties of the job RPCs. */
export const JOB_PROPERTIES: readonly AnyPositiveProperty[] = [
  activateJobs,
  streamActivatedJobs,
  jobCommand('CompleteJob', 'variables', validVariables, (jobKey, variables) => ({ jobKey, variables })),
  jobCommand(
    'FailJob',
    'retries, back-off, error message, variables',
    fc.record({ retries: fc.integer({ min: 0, max: 5 }), retryBackOff: fc.integer({ min: 0, max: 60_000 }), errorMessage: fc.string({ maxLength: 40 }), variables: validVariables }),
    (jobKey, input) => ({ jobKey, ...input }),
  ),
  jobCommand('ThrowError', 'error code, message, variables', fc.record({ errorCode: nonBlankString, errorMessage: fc.string({ maxLength: 40 }), variables: validVariables }), (jobKey, input) => ({ jobKey, ...input })),
  jobCommand('UpdateJobRetries', 'retries', positiveInt32, (jobKey, retries) => ({ jobKey, retries })),
  jobCommand('UpdateJobTimeout', 'timeout', fc.integer({ min: 1, max: 86_400_000 }), (jobKey, timeout) => ({ jobKey, timeout })),
];
