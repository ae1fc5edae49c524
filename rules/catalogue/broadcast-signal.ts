/** BroadcastSignal: the tenant family (filed under NOT_FOUND on the page) and the variables family. */
import { NOT_FOUND_ON_THE_PAGE, singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'BroadcastSignal';

export const rules: readonly Rule[] = [
  ...singleTenantRules(rpc, NOT_FOUND_ON_THE_PAGE, { section: rpc, heading: 'GRPC_STATUS_NOT_FOUND', field: 'tenantId' }),
  ...variablesRules({ rpc, field: 'variables' }),
];
