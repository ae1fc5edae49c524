/** Rules every RPC shares (rpc `Gateway`): authentication, message size, tenant identity, key routing. */
import { both, exp, realRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'Gateway';
const layer = 'gateway';
const SILENT = 'page is silent';
const KEY_RPCS =
  'CancelProcessInstance, CompleteJob, FailJob, ThrowError, UpdateJobRetries, UpdateJobTimeout, SetVariables, ' +
  'ResolveIncident, ModifyProcessInstance, MigrateProcessInstance';

export const rules: readonly Rule[] = [
  realRule({
    rpc, segment: 'UNAUTHENTICATED', name: 'missing-token', layer,
    condition: 'The target requires authentication; a call to any RPC (Topology included) carries no `authorization` metadata.',
    expect: both('UNAUTHENTICATED', SILENT),
  }),
  realRule({
    rpc, segment: 'UNAUTHENTICATED', name: 'invalid-token', layer,
    condition:
      'The target requires authentication; a call carries `authorization: Bearer <token>` where the token does not ' +
      'verify: a JWT with a bad signature, an expired JWT, a JWT with `alg: none`, or an unknown static token.',
    expect: both('UNAUTHENTICATED', SILENT),
  }),
  realRule({
    rpc, segment: 'RESOURCE_EXHAUSTED', name: 'message-too-large', layer,
    condition:
      'A request message larger than the 4 MiB (4194304 bytes) max message size, e.g. DeployResource with a 5 MiB ' +
      'resource, or PublishMessage with 5 MiB of variables.',
    expect: both('RESOURCE_EXHAUSTED', SILENT),
  }),
  realRule({
    rpc, segment: 'tenant', name: 'mt-on-no-identity', layer, multiTenancy: 'on',
    condition:
      'MT on; the caller\'s authorized tenants cannot be learned (no identity behind the call, or a token that ' +
      'carries no tenants); a call to an RPC that validates tenants (DeployResource, PublishMessage, ' +
      'CreateProcessInstance(+WithResult), EvaluateDecision, BroadcastSignal, ActivateJobs, StreamActivatedJobs) ' +
      'with an otherwise valid tenant.',
    expect: both('INVALID_ARGUMENT', SILENT),
    note: 'Real message: "... tenant could not be retrieved from the request context". Topology needs no tenant.',
  }),
  realRule({
    rpc, segment: 'NOT_FOUND', name: 'key-partition-unknown', layer,
    condition:
      `A call to a key-routed RPC (${KEY_RPCS}) with a key whose partition (key >> 51) is 0 (any key in ` +
      '[0, 2^51)) or above the partition count.',
    expect: {
      documented: exp('NOT_FOUND', 'page: no entity with that key exists'),
      'zeebe-8.5': exp('UNAVAILABLE', 'the gateway cannot route the key: "Expected to execute command on partition N, but either it does not exist, or the gateway is not yet aware of it"'),
    },
    note:
      'Negative keys are left out. DeleteResource, CreateProcessInstance (processDefinitionKey) and EvaluateDecision ' +
      '(decisionKey) are left out: definitions are not routed by their key\'s partition.',
  }),
];
