import { randomUUID } from 'node:crypto';
import type { CallOutcome } from '../harness/client.js';
import type { Fixtures } from './fixtures.js';
import { MIGRATE_CASES, MODIFY_CASES } from './modify-cases.js';
import { messageStartProcess, taskWithoutJobType } from './models.js';
import { PARTITION_ONE_KEY } from './valid-requests.js';

/** One example of a state-dependent rule: it builds what it needs through the API, then makes the call. */
export interface StateCase {
  readonly ruleId: string;
  readonly title: string;
  /** Multi-tenancy setting the case needs; `other-tenant` rules need it on. */
  readonly multiTenancy: boolean;
  /** `tenantId`: the fixtures' tenant (empty with multi-tenancy off); `foreign`: the second caller's tenant. */
  run(fx: Fixtures, tenantId: string, foreign: string): Promise<CallOutcome>;
}

/** A key on partition 1 that no fixture ever gets (fixtures count up from 1). */
const UNUSED_KEY = String(BigInt(PARTITION_ONE_KEY) + 999_999_999n);

const NO_SUCH = (ruleId: string, rpc: Parameters<Fixtures['call']>[0], request: object): StateCase => ({
  ruleId,
  title: 'a key that names nothing',
  multiTenancy: false,
  run: (fx) => fx.call(rpc, request),
});

/** Another tenant's entity, called by a caller who is not authorized for that tenant. */
const STRANGER = (ruleId: string, make: (fx: Fixtures, foreign: string) => Promise<[Parameters<Fixtures['call']>[0], object]>): StateCase => ({
  ruleId,
  title: "another tenant's entity",
  multiTenancy: true,
  run: async (fx, _tenantId, foreign) => {
    const [rpc, request] = await make(fx, foreign);
    return fx.callAsStranger(rpc, request);
  },
});

/** The state rules this engine can reach, each with an example; the tests run every one per profile. */
export const STATE_CASES: readonly StateCase[] = [
  NO_SUCH('CancelProcessInstance/NOT_FOUND/no-such-instance', 'CancelProcessInstance', { processInstanceKey: UNUSED_KEY }),
  STRANGER('CancelProcessInstance/NOT_FOUND/other-tenant', async (fx) => ['CancelProcessInstance', { processInstanceKey: (await fx.instance()).processInstanceKey }]),
  {
    ruleId: 'CancelProcessInstance/FAILED_PRECONDITION/child-instance',
    title: 'a child instance a call activity started',
    multiTenancy: false,
    run: async (fx) => fx.call('CancelProcessInstance', { processInstanceKey: (await fx.childInstance()).processInstanceKey }),
  },
  NO_SUCH('CompleteJob/NOT_FOUND/no-such-job', 'CompleteJob', { jobKey: UNUSED_KEY }),
  STRANGER('CompleteJob/NOT_FOUND/other-tenant', async (fx) => ['CompleteJob', { jobKey: (await fx.activatedJob()).jobKey }]),
  { ruleId: 'CompleteJob/FAILED_PRECONDITION/job-failed', title: 'a job failed with no retries left', multiTenancy: false, run: async (fx) => fx.call('CompleteJob', { jobKey: (await fx.failedJob()).jobKey }) },
  { ruleId: 'CompleteJob/FAILED_PRECONDITION/error-thrown', title: 'a job whose error was not caught', multiTenancy: false, run: async (fx) => fx.call('CompleteJob', { jobKey: (await fx.errorThrownJob()).jobKey }) },
  ...(['CreateProcessInstance', 'CreateProcessInstanceWithResult'] as const).flatMap((rpc): StateCase[] => {
    const wrap = (request: object): object => (rpc === 'CreateProcessInstance' ? request : { request, requestTimeout: 1000 });
    return [
      { ruleId: `${rpc}/NOT_FOUND/no-process-for-key`, title: 'an unknown definition key', multiTenancy: false, run: (fx, tenantId) => fx.call(rpc, wrap({ processDefinitionKey: UNUSED_KEY, tenantId })) },
      { ruleId: `${rpc}/NOT_FOUND/no-process-for-id`, title: 'an unknown process id, latest version', multiTenancy: false, run: (fx, tenantId) => fx.call(rpc, wrap({ bpmnProcessId: 'conformance-never-deployed', version: -1, tenantId })) },
      {
        ruleId: `${rpc}/NOT_FOUND/no-process-for-id-and-version`,
        title: 'a deployed process id with a version it does not have (0, the proto default)',
        multiTenancy: false,
        run: async (fx, tenantId) => fx.call(rpc, wrap({ bpmnProcessId: (await fx.deploy()).bpmnProcessId, version: 0, tenantId })),
      },
      STRANGER(`${rpc}/NOT_FOUND/other-tenant`, async (fx, foreign) => [rpc, wrap({ processDefinitionKey: (await fx.deploy()).processDefinitionKey, tenantId: foreign })]),
      {
        ruleId: `${rpc}/FAILED_PRECONDITION/no-none-start-event`,
        title: 'a process that starts by message only',
        multiTenancy: false,
        run: async (fx, tenantId) => {
          const bpmnProcessId = `conformance-message-start-${randomUUID()}`;
          const deployed = await fx.call('DeployResource', { resources: [{ name: `${bpmnProcessId}.bpmn`, content: messageStartProcess(bpmnProcessId) }], tenantId });
          return deployed.status === 'OK' ? fx.call(rpc, wrap({ bpmnProcessId, version: -1, tenantId })) : deployed;
        },
      },
    ];
  }),
  NO_SUCH('DeleteResource/NOT_FOUND/no-such-resource', 'DeleteResource', { resourceKey: UNUSED_KEY }),
  STRANGER('DeleteResource/NOT_FOUND/other-tenant', async (fx) => ['DeleteResource', { resourceKey: (await fx.deploy()).processDefinitionKey }]),
  {
    ruleId: 'DeleteResource/FAILED_PRECONDITION/running-instances',
    title: 'a process definition with a running instance',
    multiTenancy: false,
    run: async (fx) => fx.call('DeleteResource', { resourceKey: (await fx.instance()).processDefinitionKey }),
  },
  { ruleId: 'DeployResource/INVALID_ARGUMENT/unsupported-type', title: 'a .txt resource', multiTenancy: false, run: (fx, tenantId) => fx.call('DeployResource', { resources: [{ name: 'notes.txt', content: Buffer.from('hello') }], tenantId }) },
  { ruleId: 'DeployResource/INVALID_ARGUMENT/not-deserializable', title: 'truncated BPMN XML', multiTenancy: false, run: (fx, tenantId) => fx.call('DeployResource', { resources: [{ name: 'broken.bpmn', content: Buffer.from('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"') }], tenantId }) },
  { ruleId: 'DeployResource/INVALID_ARGUMENT/invalid-content', title: 'a service task without a job type', multiTenancy: false, run: (fx, tenantId) => fx.call('DeployResource', { resources: [{ name: 'invalid.bpmn', content: taskWithoutJobType('conformance-invalid') }], tenantId }) },
  { ruleId: 'EvaluateDecision/INVALID_ARGUMENT/unknown-key', title: 'a decision key that names nothing', multiTenancy: false, run: (fx, tenantId) => fx.call('EvaluateDecision', { decisionKey: UNUSED_KEY, variables: '', tenantId }) },
  { ruleId: 'EvaluateDecision/INVALID_ARGUMENT/unknown-id', title: 'a decision id never deployed', multiTenancy: false, run: (fx, tenantId) => fx.call('EvaluateDecision', { decisionId: 'conformance-never-deployed', variables: '', tenantId }) },
  NO_SUCH('FailJob/NOT_FOUND/no-such-job', 'FailJob', { jobKey: UNUSED_KEY, retries: 1 }),
  STRANGER('FailJob/NOT_FOUND/other-tenant', async (fx) => ['FailJob', { jobKey: (await fx.activatedJob()).jobKey, retries: 1 }]),
  { ruleId: 'FailJob/FAILED_PRECONDITION/not-activated', title: 'a job whose activation timed out', multiTenancy: false, run: async (fx) => fx.call('FailJob', { jobKey: (await fx.timedOutJob()).jobKey, retries: 1 }) },
  { ruleId: 'FailJob/FAILED_PRECONDITION/already-failed', title: 'a job failed with no retries left', multiTenancy: false, run: async (fx) => fx.call('FailJob', { jobKey: (await fx.failedJob()).jobKey, retries: 1 }) },
  {
    ruleId: 'PublishMessage/ALREADY_EXISTS/duplicate-message-id',
    title: 'the same message id again while the first message is alive',
    multiTenancy: false,
    run: async (fx, tenantId) => {
      const message = { name: `conformance-${randomUUID()}`, correlationKey: 'conformance', messageId: randomUUID(), timeToLive: 60_000, variables: '', tenantId };
      const first = await fx.call('PublishMessage', message);
      return first.status === 'OK' ? fx.call('PublishMessage', message) : first;
    },
  },
  NO_SUCH('ResolveIncident/NOT_FOUND/no-such-incident', 'ResolveIncident', { incidentKey: UNUSED_KEY }),
  NO_SUCH('SetVariables/NOT_FOUND/no-such-element', 'SetVariables', { elementInstanceKey: UNUSED_KEY, variables: '{"a":1}' }),
  STRANGER('SetVariables/NOT_FOUND/other-tenant', async (fx) => ['SetVariables', { elementInstanceKey: (await fx.instance()).processInstanceKey, variables: '{"a":1}' }]),
  NO_SUCH('ThrowError/NOT_FOUND/no-such-job', 'ThrowError', { jobKey: UNUSED_KEY, errorCode: 'x' }),
  STRANGER('ThrowError/NOT_FOUND/other-tenant', async (fx) => ['ThrowError', { jobKey: (await fx.activatedJob()).jobKey, errorCode: 'x' }]),
  { ruleId: 'ThrowError/FAILED_PRECONDITION/already-failed', title: 'a job failed with no retries left', multiTenancy: false, run: async (fx) => fx.call('ThrowError', { jobKey: (await fx.failedJob()).jobKey, errorCode: 'x' }) },
  NO_SUCH('UpdateJobRetries/NOT_FOUND/no-such-job', 'UpdateJobRetries', { jobKey: UNUSED_KEY, retries: 1 }),
  STRANGER('UpdateJobRetries/NOT_FOUND/other-tenant', async (fx) => ['UpdateJobRetries', { jobKey: (await fx.activatedJob()).jobKey, retries: 1 }]),
  NO_SUCH('UpdateJobTimeout/NOT_FOUND/no-such-job', 'UpdateJobTimeout', { jobKey: UNUSED_KEY, timeout: 1000 }),
  STRANGER('UpdateJobTimeout/NOT_FOUND/other-tenant', async (fx) => ['UpdateJobTimeout', { jobKey: (await fx.activatedJob()).jobKey, timeout: 1000 }]),
  { ruleId: 'UpdateJobTimeout/FAILED_PRECONDITION/job-not-active', title: 'a job failed with no retries left', multiTenancy: false, run: async (fx) => fx.call('UpdateJobTimeout', { jobKey: (await fx.failedJob()).jobKey, timeout: 1000 }) },
  ...MODIFY_CASES,
  ...MIGRATE_CASES,
];
