import type { Fixtures } from '../cases/fixtures.js';
import { fieldsOf } from './shape.js';

/** Deploys one resource a run needs (a refusal fails the run as a fixture failure); answers the deployment's entries. */
export async function deployOne(fx: Fixtures, name: string, content: Buffer, tenantId: string): Promise<Record<string, unknown>[]> {
  const deployment = await fx.ensure('DeployResource', { resources: [{ name, content }], tenantId });
  return ((deployment['deployments'] as unknown[] | undefined) ?? []).map(fieldsOf);
}

/** The definition key of the first entry's process metadata, as text. */
export function firstProcessKey(entries: readonly Record<string, unknown>[]): string {
  return String(fieldsOf(entries[0]?.['process'])['processDefinitionKey']);
}
