/** ActivateJobs: request validation and the tenant-list family. */
import { deviates, exp, pageRule } from '../build.js';
import { tenantListRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';

const rpc = 'ActivateJobs';
const status = 'INVALID_ARGUMENT';
const layer = 'gateway';
const TYPE_BLANK = 'Type is blank (empty string, null)';
const VALID_REST = 'every other field valid (`timeout` >= 1, `maxJobsToActivate` >= 1, non-blank `worker`, valid tenants).';
const SPLIT_NOTE =
  'The page\'s "blank" is split in two: the real gateway rejects only the empty type and accepts a whitespace one.';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status, layer, name: 'type-empty', bullets: [TYPE_BLANK],
    condition: `\`type\` is the empty string (proto3 cannot send null: an omitted type is empty); ${VALID_REST}`,
    note: SPLIT_NOTE,
  }),
  pageRule({
    rpc, status, layer, name: 'type-whitespace', bullets: [TYPE_BLANK],
    condition: `\`type\` is one or more whitespace characters only (e.g. \`" "\`, \`"\\t"\`); ${VALID_REST}`,
    expect: deviates(
      exp(status, 'reading: "blank" includes whitespace-only'),
      'OK',
      'only an empty type is rejected; a whitespace type is accepted and finds no jobs',
    ),
    note: SPLIT_NOTE,
  }),
  pageRule({
    rpc, status, layer, name: 'worker-blank', bullets: ['Worker is blank (empty string, null)'],
    condition:
      '`worker` is empty or whitespace-only; every other field valid (non-blank `type`, `timeout` >= 1, ' +
      '`maxJobsToActivate` >= 1, valid tenants).',
    expect: deviates(exp(status), 'OK', 'accepted: worker is optional since 0.26'),
  }),
  pageRule({
    rpc, status, layer, name: 'timeout-below-1', bullets: ['Timeout less than 1 (ms)'],
    condition: '`timeout` is 0 or negative; every other field valid.',
  }),
  pageRule({
    rpc, status, layer, name: 'max-jobs-below-1', bullets: ['maxJobsToActivate is less than 1'],
    condition: '`maxJobsToActivate` is 0 or negative; every other field valid.',
    note: 'The real gateway checks maxJobsToActivate, then timeout, then type.',
  }),
  ...tenantListRules(
    rpc,
    { section: rpc, heading: 'GRPC_STATUS_INVALID_ARGUMENT', field: 'tenantIds' },
    { pageListsPermissionDenied: true },
  ),
];
