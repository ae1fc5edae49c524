/** StreamActivatedJobs: request validation (answered as the stream's status) and the tenant-list family. */
import { exp, pageRule } from '../build.js';
import { tenantListRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';

const rpc = 'StreamActivatedJobs';
const status = 'INVALID_ARGUMENT';
const layer = 'gateway';
const TYPE_BLANK = 'Type is blank (empty string, null)';
const VALID_REST = 'every other field valid (`timeout` >= 1, valid tenants).';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status, layer, name: 'type-empty', bullets: [TYPE_BLANK],
    condition: `\`type\` is the empty string (an omitted type is empty); ${VALID_REST}`,
  }),
  pageRule({
    rpc, status, layer, name: 'type-whitespace', bullets: [TYPE_BLANK],
    condition: `\`type\` is one or more whitespace characters only; ${VALID_REST}`,
    expect: {
      documented: exp(status, 'reading: "blank" includes whitespace-only'),
      'zeebe-8.5': exp(status, 'rejected here, unlike ActivateJobs'),
    },
    note: 'Split from type-empty to mirror ActivateJobs, where the real gateway accepts a whitespace type.',
  }),
  pageRule({
    rpc, status, layer, name: 'timeout-below-1', bullets: ['Timeout less than 1 (ms)'],
    condition: '`timeout` is 0 or negative; every other field valid (non-blank `type`, valid tenants).',
    note: 'The real gateway checks tenants first, then type, then timeout. The page lists no worker rule here.',
  }),
  ...tenantListRules(
    rpc,
    { section: rpc, heading: 'GRPC_STATUS_INVALID_ARGUMENT', field: 'tenantIds' },
    { pageListsPermissionDenied: false },
  ),
];
