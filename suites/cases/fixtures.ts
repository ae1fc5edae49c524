import { setTimeout as sleep } from 'node:timers/promises';
import type { CallOutcome, GatewayClient } from '../harness/client.js';
import type { RpcName } from '../../rules/index.js';
import { callingProcess, oneTaskProcess } from './models.js';

/** What a state case may build on a target, through the public API only. */
export interface Fixtures {
  /** Calls as the authorized caller (the one that owns the fixtures). */
  call(rpc: RpcName, request: object): Promise<CallOutcome>;
  /** Calls as a caller authorized only for another tenant (multi-tenancy on). */
  callAsStranger(rpc: RpcName, request: object): Promise<CallOutcome>;
  /** Calls as the authorized caller and answers the first response; anything but OK throws (a fixture that cannot be built). */
  ensure(rpc: RpcName, request: object): Promise<Record<string, unknown>>;
  /** Opens a stream as the authorized caller; answers once `messages` messages came (status `OPEN`), or when it ends. */
  stream(rpc: RpcName, request: object, messages: number): Promise<CallOutcome>;
  /** An id no other run uses, for process ids, job types, message names. */
  uniqueId(what: string): string;
  /** Remembers an instance created outside the fixtures, so that clean-up cancels it too. */
  track(processInstanceKey: string): void;
  deploy(): Promise<{ processDefinitionKey: string; bpmnProcessId: string; jobType: string }>;
  instance(): Promise<{ processInstanceKey: string; processDefinitionKey: string; jobType: string }>;
  activatedJob(): Promise<{ jobKey: string; processInstanceKey: string }>;
  /** A job activated once whose deadline passed: activatable again, never failed. */
  timedOutJob(): Promise<{ jobKey: string }>;
  failedJob(): Promise<{ jobKey: string }>;
  errorThrownJob(): Promise<{ jobKey: string }>;
  /** A running child instance that a call activity of a running parent instance started. */
  childInstance(): Promise<{ processInstanceKey: string; parentKey: string; elementInstanceKey: string }>;
  /** Cancels every instance the fixtures created. */
  cleanUp(): Promise<void>;
}

/** Builds fixtures for one run; ids carry `runId` so runs never collide. */
export function createFixtures(settings: {
  client: GatewayClient;
  token: string | undefined;
  strangerToken: string | undefined;
  tenantId: string;
  runId: string;
}): Fixtures {
  const { client, tenantId, runId } = settings;
  const as = (token: string | undefined) => (rpc: RpcName, request: object) => client.call(rpc, request, token === undefined ? {} : { token });
  const call = as(settings.token);
  const instances: string[] = [];
  let counter = 0;
  const must = async (rpc: RpcName, request: object): Promise<Record<string, unknown>> => {
    const outcome = await call(rpc, request);
    if (outcome.status !== 'OK') throw new Error(`fixture ${rpc} failed: ${outcome.status} ${outcome.details}`);
    return (outcome.responses[0] ?? {}) as Record<string, unknown>;
  };
  const deploy = async () => {
    const n = ++counter;
    const bpmnProcessId = `conformance-${runId}-${n}`;
    const jobType = `conformance-${runId}-${n}`;
    const answer = await must('DeployResource', { resources: [{ name: `${bpmnProcessId}.bpmn`, content: oneTaskProcess(bpmnProcessId, jobType) }], tenantId });
    const [first] = answer['deployments'] as { process: { processDefinitionKey: string } }[];
    return { processDefinitionKey: first?.process.processDefinitionKey ?? '', bpmnProcessId, jobType };
  };
  const instance = async () => {
    const { bpmnProcessId, jobType, processDefinitionKey } = await deploy();
    const answer = await must('CreateProcessInstance', { bpmnProcessId, version: -1, variables: '', tenantId });
    const processInstanceKey = String(answer['processInstanceKey']);
    instances.push(processInstanceKey);
    return { processInstanceKey, processDefinitionKey, jobType };
  };
  const activate = async (timeout: number) => {
    const { processInstanceKey, jobType } = await instance();
    const outcome = await call('ActivateJobs', { type: jobType, worker: 'conformance', timeout, maxJobsToActivate: 1, requestTimeout: 5000, tenantIds: tenantId === '' ? [] : [tenantId] });
    const job = (outcome.responses[0] as { jobs: { key: string }[] } | undefined)?.jobs[0];
    if (!job) throw new Error(`fixture ActivateJobs found no job of type ${jobType}: ${outcome.status} ${outcome.details}`);
    return { jobKey: job.key, processInstanceKey };
  };
  return {
    call,
    callAsStranger: as(settings.strangerToken),
    ensure: must,
    stream: (rpc, request, messages) => client.call(rpc, request, { ...(settings.token !== undefined && { token: settings.token }), untilMessages: messages }),
    uniqueId: (what) => `conformance-${runId}-${what}-${++counter}`,
    track: (processInstanceKey) => instances.push(processInstanceKey),
    deploy,
    instance,
    activatedJob: () => activate(60_000),
    timedOutJob: async () => {
      const job = await activate(1);
      await sleep(100);
      return job;
    },
    failedJob: async () => {
      const job = await activate(60_000);
      await must('FailJob', { jobKey: job.jobKey, retries: 0, errorMessage: 'conformance: out of retries' });
      return job;
    },
    errorThrownJob: async () => {
      const job = await activate(60_000);
      await must('ThrowError', { jobKey: job.jobKey, errorCode: `uncaught-${runId}`, errorMessage: 'conformance: nobody catches this' });
      return job;
    },
    childInstance: async () => {
      const { bpmnProcessId: childId, jobType } = await deploy();
      const parentId = `${childId}-parent`;
      await must('DeployResource', { resources: [{ name: `${parentId}.bpmn`, content: callingProcess(parentId, childId) }], tenantId });
      const parent = await must('CreateProcessInstance', { bpmnProcessId: parentId, version: -1, variables: '', tenantId });
      const parentKey = String(parent['processInstanceKey']);
      instances.push(parentKey);
      const outcome = await call('ActivateJobs', { type: jobType, worker: 'conformance', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 5000, tenantIds: tenantId === '' ? [] : [tenantId] });
      const job = (outcome.responses[0] as { jobs: { processInstanceKey: string; elementInstanceKey: string }[] } | undefined)?.jobs[0];
      if (!job) throw new Error(`fixture ActivateJobs found no job of the child process ${childId}: ${outcome.status} ${outcome.details}`);
      return { processInstanceKey: job.processInstanceKey, parentKey, elementInstanceKey: job.elementInstanceKey };
    },
    cleanUp: async () => {
      for (const processInstanceKey of instances.splice(0)) await call('CancelProcessInstance', { processInstanceKey });
    },
  };
}
