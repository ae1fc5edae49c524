/** ResolveIncident: unknown incident, another tenant's incident. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'ResolveIncident';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-incident',
    bullets: ['No incident with the given key exists.'],
    condition: '`incidentKey` is on an existing partition but names no open incident: never raised, or already resolved.',
  }),
  otherTenantRule(
    rpc, 'incidentKey', 'incident',
    'No incident with the given key was found for the tenants the user is authorized to work with.',
  ),
];
