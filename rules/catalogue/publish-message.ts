/** PublishMessage: duplicate message id, the tenant family (filed under NOT_FOUND on the page), variables. */
import { pageRule } from '../build.js';
import { NOT_FOUND_ON_THE_PAGE, singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'PublishMessage';

export const rules: readonly Rule[] = [
  pageRule({
    rpc,
    status: 'ALREADY_EXISTS',
    name: 'duplicate-message-id',
    condition:
      'A message with a non-empty `messageId` and a positive `timeToLive` was published; before that time to live ' +
      'expires, a second message with the same `name`, `correlationKey`, `messageId` and tenant is published.',
    bullets: ['A message with the same ID was previously published (and is still alive).'],
    note:
      'The real gateway scopes the id to name, correlation key and tenant (a message lives on the partition of its ' +
      'correlation key); a message with `timeToLive` 0 is never buffered, so it is never "alive".',
  }),
  ...singleTenantRules(rpc, NOT_FOUND_ON_THE_PAGE, { section: rpc, heading: 'GRPC_STATUS_NOT_FOUND', field: 'tenantId' }),
  ...variablesRules({ rpc, field: 'variables' }),
];
