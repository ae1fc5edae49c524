/** BroadcastSignal: the tenant family (filed under NOT_FOUND on the page) and the variables family. */
import { singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'BroadcastSignal';

export const rules: readonly Rule[] = [
  ...singleTenantRules(
    rpc,
    {
      documented: 'NOT_FOUND',
      real: {
        status: 'INVALID_ARGUMENT',
        reason: 'the real gateway runs the same tenant check as every other RPC: INVALID_ARGUMENT, not NOT_FOUND',
      },
      note:
        'The page files these tenant bullets under NOT_FOUND for this RPC only (every other RPC: INVALID_ARGUMENT); ' +
        'documented follows the page.',
    },
    { section: rpc, heading: 'GRPC_STATUS_NOT_FOUND', field: 'tenantId' },
  ),
  ...variablesRules({ rpc, field: 'variables' }),
];
