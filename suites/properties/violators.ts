/**
 * How to break one RPC rule on a valid request: the violating value's arbitrary and where it goes. Keyed by the
 * rule id's last segment (its slug), as the catalogue names conditions; each breaks only its own rule.
 */
import fc from 'fast-check';
import type { RpcName } from '../../rules/index.js';
import type { RunTenants } from '../cases/tenants.js';
import { TENANT_LIST_RPCS, withTenant, withVariables } from '../cases/tenant-fields.js';
import * as A from './arbitraries.js';
import { modifyInstructions } from './valid-arbitraries.js';

type Request = Record<string, unknown>;
const CROSS = { withCrossShrink: true } as const;

/** Turns valid requests for `rpc` into requests that violate one rule. */
export type Violator = (rpc: RpcName, valid: fc.Arbitrary<Request>) => fc.Arbitrary<Request>;

const put =
  <T>(value: fc.Arbitrary<T>, apply: (rpc: RpcName, request: Request, value: T) => Request): Violator =>
  (rpc, valid) =>
    fc.tuple(valid, value).map(([request, v]) => apply(rpc, request, v));

/** Replaces one top-level field. */
export const field = (name: string, value: fc.Arbitrary<unknown>): Violator => put(value, (_rpc, r, v) => ({ ...r, [name]: v }));

/** Replaces the single tenant id (inside `request` for CreateProcessInstanceWithResult). */
export const tenant = (value: fc.Arbitrary<string>): Violator => put(value, (rpc, r, v) => withTenant(rpc, r, v));

/** Inserts `value` among the given ids at a generated position (shrinks to the front). */
function insertedAmong(ids: fc.Arbitrary<string[]>, value: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  return fc.tuple(ids, value, fc.nat()).map(([others, v, at]) => {
    const i = at % (others.length + 1);
    return [...others.slice(0, i), v, ...others.slice(i)];
  });
}

/** Authorized tenant lists with one bad id inserted. */
const authorizedListWith = (held: readonly string[], bad: fc.Arbitrary<string>): fc.Arbitrary<string[]> => insertedAmong(fc.shuffledSubarray([...held]), bad);

/** Well-formed tenant ids the authorized caller does not hold, case variants of held ones included. */
export function unauthorizedTenantId(held: readonly string[]): fc.Arbitrary<string> {
  const nearMisses = held.filter((t) => A.TENANT_ID_MASK.test(t)).flatMap((t) => [t.toUpperCase(), `${t.slice(0, 30)}_`]);
  return fc.oneof(CROSS, A.validTenantId, ...(nearMisses.length > 0 ? [fc.constantFrom(...nearMisses)] : [])).filter((t) => !held.includes(t));
}

/** Single tenant ids that multi-tenancy off refuses: anything but blank and `<default>`. */
const notDefaultTenant: fc.Arbitrary<string> = fc
  .oneof(CROSS, A.validTenantId, A.tenantIdIllegal, A.tenantIdTooLong, fc.constantFrom('default', 'DEFAULT', '<DEFAULT>', ' <default>', '<default> '))
  .filter((t) => !A.isBlank(t) && t !== '<default>');

const singleTenant = (held: readonly string[]): Readonly<Record<string, Violator>> => ({
  'mt-on-blank': tenant(A.blankString),
  'mt-on-too-long': tenant(A.tenantIdTooLong),
  'mt-on-illegal-chars': tenant(A.tenantIdIllegal),
  'mt-on-unauthorized': tenant(unauthorizedTenantId(held)),
  'mt-off-not-default': tenant(notDefaultTenant),
});

const tenantList = (held: readonly string[]): Readonly<Record<string, Violator>> => ({
  'mt-on-empty-list': field('tenantIds', fc.constant([])),
  'mt-on-blank-id': field('tenantIds', authorizedListWith(held, A.blankString)),
  'mt-on-too-long': field('tenantIds', authorizedListWith(held, A.tenantIdTooLong)),
  'mt-on-illegal-chars': field('tenantIds', authorizedListWith(held, A.tenantIdIllegal)),
  'mt-on-unauthorized': field('tenantIds', authorizedListWith(held, unauthorizedTenantId(held))),
  // With multi-tenancy off an empty or blank id is not `<default>` either.
  'mt-off-not-default': field('tenantIds', insertedAmong(fc.array(fc.constant('<default>'), { maxLength: 2 }), fc.oneof(CROSS, notDefaultTenant, A.blankString))),
});

const FIELDS: Readonly<Record<string, Violator>> = {
  'type-empty': field('type', fc.constant('')),
  'type-whitespace': field('type', A.whitespaceOnly),
  'worker-blank': field('worker', A.blankString),
  'timeout-below-1': field('timeout', A.nonPositiveInt64),
  'max-jobs-below-1': field('maxJobsToActivate', A.nonPositiveInt32),
  'retries-below-1': field('retries', A.nonPositiveInt32),
  'no-resources': put(fc.constant([]), (rpc, r, none) => ({ ...r, [rpc === 'DeployProcess' ? 'processes' : 'resources']: none })),
  'both-id-and-key': put(fc.tuple(A.nonBlankString, A.nonZeroInt64), (_rpc, r, [decisionId, decisionKey]) => ({ ...r, decisionId, decisionKey })),
  'neither-id-nor-key': field('decisionId', fc.constant('')),
};

const DOCUMENTS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  'not-json': A.notJson,
  'not-object': A.jsonNotObject,
  'integer-overflow': A.jsonWithHugeInteger,
};

/** A bad variables document; for modification, among valid ones in the same instruction. */
function variables(document: fc.Arbitrary<string>): Violator {
  return (rpc, valid) =>
    rpc === 'ModifyProcessInstance'
      ? fc.tuple(valid, insertedAmong(fc.array(A.validVariables, { maxLength: 2 }), document)).map(([r, docs]) => ({ ...r, activateInstructions: modifyInstructions(docs) }))
      : put(document, (p, r, v) => withVariables(p, r, v))(rpc, valid);
}

/** The violator of an RPC rule, by the rule id's slug, for a caller holding `tenants`; `undefined` when no generator exists for it. */
export function violatorOf(rpc: RpcName, ruleId: string, tenants: RunTenants): Violator | undefined {
  const slug = ruleId.slice(ruleId.lastIndexOf('/') + 1);
  if (ruleId.includes('/tenant/')) {
    return ((TENANT_LIST_RPCS as readonly RpcName[]).includes(rpc) ? tenantList : singleTenant)(tenants.authorized)[slug];
  }
  const kind = /^(?:variables|variable-instruction)-(not-json|not-object|integer-overflow)$/.exec(slug)?.[1];
  if (kind !== undefined) {
    const document = DOCUMENTS[kind];
    return document && variables(document);
  }
  return FIELDS[slug];
}
