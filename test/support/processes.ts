import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GatewayClient } from '../../suites/harness/client.js';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'processes');

/** A fixture process model as bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(DIR, name));
}

/** Deploys fixtures and returns the response, failing the test on a rejection. */
export async function deploy(client: GatewayClient, names: readonly string[], options: { tenantId?: string; token?: string } = {}): Promise<DeployResponse> {
  const outcome = await client.call(
    'DeployResource',
    { resources: names.map((name) => ({ name, content: fixture(name) })), tenantId: options.tenantId ?? '' },
    options.token === undefined ? {} : { token: options.token },
  );
  if (outcome.status !== 'OK') throw new Error(`deploy ${names.join(', ')}: ${outcome.status} ${outcome.details}`);
  return outcome.responses[0] as DeployResponse;
}

export interface DeployResponse {
  readonly key: string;
  readonly tenantId: string;
  readonly deployments: readonly { process?: { bpmnProcessId: string; version: number; processDefinitionKey: string } }[];
}

/** The fields of an ActivatedJob the tests read. */
export interface ActivatedJob {
  readonly key: string;
  readonly type: string;
  readonly processInstanceKey: string;
  readonly elementId: string;
  readonly elementInstanceKey: string;
  readonly customHeaders: string;
  readonly variables: string;
  readonly retries: number;
  readonly deadline: string;
  readonly worker: string;
  readonly tenantId: string;
  readonly processDefinitionVersion: number;
}

/** Every job of every response message of an ActivateJobs call. */
export function jobsOf(responses: readonly unknown[]): ActivatedJob[] {
  return responses.flatMap((r) => (r as { jobs: ActivatedJob[] }).jobs);
}
