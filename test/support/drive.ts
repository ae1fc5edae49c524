import assert from 'node:assert/strict';
import type { GatewayClient } from '../../suites/harness/client.js';
import { jobsOf, type ActivatedJob } from './processes.js';

/** Drives process instances through the API: create, activate jobs of a type, complete them. */
export interface Driver {
  create(bpmnProcessId: string, variables?: object, options?: { tenantId?: string }): Promise<string>;
  /** Activates every activatable job of a type (none: an empty list), without waiting. */
  activate(type: string, options?: { tenantIds?: string[] }): Promise<ActivatedJob[]>;
  complete(job: ActivatedJob, variables?: object): Promise<void>;
}

/** A driver for a client; `token` is sent with every call when given. */
export function driver(client: GatewayClient, token?: string): Driver {
  const options = token === undefined ? {} : { token };
  return {
    create: async (bpmnProcessId, variables = {}, { tenantId = '' } = {}) => {
      const outcome = await client.call('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables), tenantId }, options);
      assert.equal(outcome.status, 'OK', outcome.details);
      return (outcome.responses[0] as { processInstanceKey: string }).processInstanceKey;
    },
    activate: async (type, { tenantIds = [] } = {}) =>
      jobsOf((await client.call('ActivateJobs', { type, worker: 'w', timeout: 60_000, maxJobsToActivate: 100, requestTimeout: -1, tenantIds }, options)).responses),
    complete: async (job, variables = {}) => {
      const outcome = await client.call('CompleteJob', { jobKey: job.key, variables: JSON.stringify(variables) }, options);
      assert.equal(outcome.status, 'OK', outcome.details);
    },
  };
}

/** The variables of an activated job. */
export const variablesOf = (job: ActivatedJob | undefined): Record<string, unknown> => JSON.parse(job?.variables ?? '{}') as Record<string, unknown>;
