/** SetVariables: unknown element, another tenant's element, and the variables family. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'SetVariables';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-element',
    bullets: ['No element with the given `elementInstanceKey` exists.'],
    condition:
      '`elementInstanceKey` is on an existing partition but names no active element instance or process instance ' +
      '(never created, or already completed).',
  }),
  otherTenantRule(
    rpc, 'elementInstanceKey', 'element instance',
    'No element with the given `elementInstanceKey` was found for the tenants the user is authorized to work with.',
  ),
  ...variablesRules({
    rpc,
    field: 'variables',
    quote: {
      section: rpc,
      heading: 'GRPC_STATUS_INVALID_ARGUMENT',
      bullets: [
        'The given payload is not a valid JSON document; all payloads are expected to be valid JSON documents where the root node is an object.',
      ],
    },
  }),
];
