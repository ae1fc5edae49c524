import assert from 'node:assert/strict';
import { manualClock, type ManualClock } from '../../engine/index.js';
import type { EngineOptionsInput } from '../../engine/index.js';
import type { CallOutcome } from '../../suites/harness/client.js';
import { AUTHORIZED_TOKEN, engineWithClient, type EngineWithClient } from './engine-target.js';
import { deploy, jobsOf, type ActivatedJob } from './processes.js';

/** An engine on a manual clock with the fixtures deployed, and the calls the event tests make over gRPC (as the authorized caller). */
export interface EventTarget {
  readonly clock: ManualClock;
  readonly target: EngineWithClient;
  call(rpc: Parameters<EventTarget['target']['client']['call']>[0], request: object, token?: string): Promise<CallOutcome>;
  /** Creates an instance of the latest version; returns its key. */
  create(bpmnProcessId: string, variables?: object, tenantId?: string): Promise<string>;
  /** Publishes a message and fails the test unless it is accepted. */
  publish(name: string, correlationKey: string, options?: { timeToLive?: number; variables?: object; messageId?: string; tenantId?: string }): Promise<void>;
  /** Activates the jobs of a type. */
  jobs(type: string, tenantIds?: readonly string[]): Promise<ActivatedJob[]>;
  /** Activates and completes the one job of a type; returns it. */
  completeOne(type: string, variables?: object): Promise<ActivatedJob>;
  /** Live process instances. */
  instances(): number;
  close(): Promise<void>;
}

/** Starts an engine with a manual clock and deploys fixture models. */
export async function eventTarget(fixtures: readonly string[], input: EngineOptionsInput = {}, tenantId?: string): Promise<EventTarget> {
  const clock = manualClock();
  const target = await engineWithClient({ clock, ...input });
  if (fixtures.length > 0) await deploy(target.client, fixtures, { token: AUTHORIZED_TOKEN, ...(tenantId !== undefined && { tenantId }) });
  const call: EventTarget['call'] = (rpc, request, token = AUTHORIZED_TOKEN) => target.client.call(rpc, request, { token });
  const jobs: EventTarget['jobs'] = async (type, tenantIds = []) =>
    jobsOf((await call('ActivateJobs', { type, worker: 'events', timeout: 60_000, maxJobsToActivate: 10, requestTimeout: -1, tenantIds })).responses);
  return {
    clock,
    target,
    call,
    create: async (bpmnProcessId, variables = {}, tenant = '') => {
      const created = await call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables), tenantId: tenant });
      assert.equal(created.status, 'OK', created.details);
      return (created.responses[0] as { processInstanceKey: string }).processInstanceKey;
    },
    publish: async (name, correlationKey, options = {}) => {
      const published = await call('PublishMessage', {
        name, correlationKey, timeToLive: options.timeToLive ?? 0, messageId: options.messageId ?? '', variables: JSON.stringify(options.variables ?? {}), tenantId: options.tenantId ?? '',
      });
      assert.equal(published.status, 'OK', published.details);
    },
    jobs,
    completeOne: async (type, variables = {}) => {
      const [job, ...more] = await jobs(type);
      assert.ok(job, `a job of type ${type}`);
      assert.equal(more.length, 0, `one job of type ${type}`);
      const completed = await call('CompleteJob', { jobKey: job.key, variables: JSON.stringify(variables) });
      assert.equal(completed.status, 'OK', completed.details);
      return job;
    },
    instances: () => target.engine.inspect().instances,
    close: () => target.close(),
  };
}
