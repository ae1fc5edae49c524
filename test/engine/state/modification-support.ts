import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GatewayClient } from '../../../suites/harness/client.js';
import { jobsOf, type ActivatedJob } from '../../support/processes.js';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures', 'modify');

/** What the modification and migration specs do over gRPC: deploy a fixture of test/fixtures/modify, start, work. */
export interface Driver {
  deploy(name: string): Promise<string>;
  start(bpmnProcessId: string, variables?: object): Promise<string>;
  /** Activates at most 5 jobs of a type, without waiting. */
  jobs(type: string): Promise<(ActivatedJob & { bpmnProcessId: string; processDefinitionKey: string; processDefinitionVersion: number })[]>;
  complete(jobKey: string, variables?: object): Promise<void>;
}

/** A driver over a client; every call that must succeed throws with the status otherwise. */
export function driver(client: GatewayClient): Driver {
  const must = async (rpc: Parameters<GatewayClient['call']>[0], request: object) => {
    const outcome = await client.call(rpc, request);
    if (outcome.status !== 'OK') throw new Error(`${rpc}: ${outcome.status} ${outcome.details}`);
    return outcome;
  };
  return {
    deploy: async (name) => {
      const outcome = await must('DeployResource', { resources: [{ name, content: readFileSync(join(DIR, name)) }] });
      const [first] = (outcome.responses[0] as { deployments: { process: { processDefinitionKey: string } }[] }).deployments;
      return first?.process.processDefinitionKey ?? '';
    },
    start: async (bpmnProcessId, variables = {}) => {
      const outcome = await must('CreateProcessInstance', { bpmnProcessId, version: -1, variables: JSON.stringify(variables) });
      return (outcome.responses[0] as { processInstanceKey: string }).processInstanceKey;
    },
    jobs: async (type) => {
      const outcome = await must('ActivateJobs', { type, worker: 'w', timeout: 60_000, maxJobsToActivate: 5, requestTimeout: -1 });
      return jobsOf(outcome.responses) as Awaited<ReturnType<Driver['jobs']>>;
    },
    complete: async (jobKey, variables = {}) => {
      await must('CompleteJob', { jobKey, variables: JSON.stringify(variables) });
    },
  };
}
