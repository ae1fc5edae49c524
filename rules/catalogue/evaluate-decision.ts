/** EvaluateDecision: decision lookup, id-versus-key, the tenant family and (real gateway) variables. */
import { deviates, exp, pageRule } from '../build.js';
import { singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'EvaluateDecision';
const status = 'INVALID_ARGUMENT';
const ID_AND_KEY = 'Both decision ID and decision KEY were provided, or are missing.';
const LATER = 'The real gateway answers INVALID_ARGUMENT up to 8.7 and NOT_FOUND in later versions.';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status, name: 'unknown-key',
    bullets: ['No decision with the given key exists (if decisionKey was given).'],
    condition: '`decisionKey` is non-zero and no decision has that key (for the request\'s tenant); `decisionId` empty.',
    note: LATER,
  }),
  pageRule({
    rpc, status, name: 'unknown-id',
    bullets: ['No decision with the given decision ID exists (if decisionId was given).'],
    condition: '`decisionId` names no decision deployed for the request\'s tenant; `decisionKey` is 0.',
    note: LATER,
  }),
  pageRule({
    rpc, status, name: 'both-id-and-key', layer: 'gateway', bullets: [ID_AND_KEY],
    condition:
      '`decisionId` names a deployed decision and `decisionKey` is non-zero (any value, e.g. the key of another ' +
      'decision); variables and tenant valid.',
    expect: deviates(
      exp(status, 'follows the Errors bullet over the note "the ID is used"'),
      'OK',
      'the id wins: the decision named by `decisionId` is evaluated (as the page\'s note says)',
    ),
    note:
      'Page contradiction: the note says "When you specify both the decision ID and KEY, the ID is used", the Errors ' +
      'bullet says INVALID_ARGUMENT. The documented profile follows the Errors bullet; zeebe-8.5 follows the note.',
  }),
  pageRule({
    rpc, status, name: 'neither-id-nor-key', layer: 'gateway', bullets: [ID_AND_KEY],
    condition: '`decisionId` is empty and `decisionKey` is 0; variables and tenant valid.',
    expect: {
      documented: exp(status),
      'zeebe-8.5': exp(status, 'not checked as such: key 0 is looked up, "no decision found for key \'0\'"'),
    },
  }),
  ...singleTenantRules(
    rpc,
    { documented: status },
    { section: rpc, heading: 'GRPC_STATUS_INVALID_ARGUMENT', field: 'tenantId' },
  ),
  ...variablesRules({ rpc, field: 'variables' }),
];
