import { catalogue, type Rule, type RpcName } from '../../rules/index.js';
import { validRequest as validRequestFor } from './valid-requests.js';
import { ROUTING_KEY_FIELD, SINGLE_TENANT_RPCS, TENANT_LIST_RPCS, withTenant, withVariables } from './tenant-fields.js';
import { DEFAULT_TENANTS, holdsDefault, longestHeld, nonDefaultTenant, type RunTenants } from './tenants.js';

/** Who sends a case's request: a caller authorized for the run's tenants, nobody, or a bogus token. */
export type CallerKind = 'authorized' | 'anonymous' | 'invalid-token';

/** The gateway settings a case needs. */
export interface Setting {
  readonly multiTenancy: boolean;
  readonly authRequired: boolean;
}

/** One example request for a gateway-layer rule; `ruleId` undefined means no gateway rule may reject it. */
export interface GatewayCase {
  readonly name: string;
  readonly ruleId: string | undefined;
  readonly rpc: RpcName;
  readonly setting: Setting;
  readonly caller: CallerKind;
  readonly request: Record<string, unknown>;
  /** False where the rejection comes from the gRPC layer itself, which sends no rule trailer. */
  readonly trailer: boolean;
}

type Example = { readonly title: string; readonly rpc: RpcName; readonly request: Record<string, unknown> };
type Variant = readonly [title: string, value: string];

/** Identity rules need a caller without credentials or with bad ones; every other rule an authorized one. */
const CALLER_OF: Readonly<Record<string, CallerKind>> = {
  'Gateway/UNAUTHENTICATED/missing-token': 'anonymous',
  'Gateway/UNAUTHENTICATED/invalid-token': 'invalid-token',
  'Gateway/tenant/mt-on-no-identity': 'anonymous',
};

const LONG_TENANT = 'a'.repeat(32);
const singleTenantValues = (t: RunTenants): Readonly<Record<string, readonly Variant[]>> => ({
  'mt-on-blank': [['empty', ''], ['whitespace', '   ']],
  'mt-on-too-long': [['32 characters', LONG_TENANT], ['40 characters with illegal ones (length wins)', 'ä'.repeat(40)]],
  'mt-on-illegal-chars': [['a space', 'tenant a'], ['non-ASCII', 'tenänt'], ['a slash', 'tenant/a'], ['angle brackets', '<tenant>']],
  'mt-on-unauthorized': [['another tenant', t.foreign]],
  'mt-off-not-default': [['a tenant', nonDefaultTenant(t)], ['a padded <default>', ' <default>']],
});
const VARIABLES: Readonly<Record<string, readonly Variant[]>> = {
  'not-json': [['truncated', '{"a":'], ['single quotes', "{'a':1}"], ['plain text', 'not json']],
  'not-object': [['an array', '[1,2]'], ['a string', '"text"'], ['a number', '42'], ['a boolean', 'true']],
  'integer-overflow': [['2^64', '{"a":18446744073709551616}'], ['-2^63-1', '{"a":[-9223372036854775809]}']],
};
const BAD_KEYS: readonly Variant[] = [['key 0', '0'], ['key 123 (partition 0)', '123'], ['partition 2 of 1', '4503599627370497']];

/** Every example of every gateway-layer rule, plus the boundary requests that must pass, for callers holding `tenants`. */
export function gatewayCases(tenants: RunTenants = DEFAULT_TENANTS): GatewayCase[] {
  const rules = catalogue.filter((r) => r.layer === 'gateway');
  return [...rules.flatMap((r) => casesOf(r, tenants)), ...acceptedCases(tenants)];
}

/** The examples of one rule; a rule without any is a gap the tests report. */
export function casesOf(rule: Rule, tenants: RunTenants = DEFAULT_TENANTS): GatewayCase[] {
  const multiTenancy = rule.multiTenancy === 'on';
  const setting = { multiTenancy, authRequired: rule.id === 'Gateway/UNAUTHENTICATED/missing-token' };
  const caller = CALLER_OF[rule.id] ?? 'authorized';
  return examplesOf(rule, multiTenancy, tenants).map((e) => ({
    name: `${rule.id}: ${e.rpc} with ${e.title}`,
    ruleId: rule.id,
    rpc: e.rpc,
    setting,
    caller,
    request: e.request,
    trailer: rule.id !== 'Gateway/RESOURCE_EXHAUSTED/message-too-large',
  }));
}

function examplesOf(rule: Rule, mt: boolean, tenants: RunTenants): Example[] {
  const slug = rule.id.slice(rule.id.lastIndexOf('/') + 1);
  if (rule.rpc === 'Gateway') return gatewayExamples(slug, mt, tenants.primary);
  const rpc = rule.rpc;
  const base = validRequestFor(rpc, mt, tenants.primary);
  const variants = (values: readonly Variant[] | undefined, patch: (v: string) => Record<string, unknown>): Example[] =>
    (values ?? []).map(([title, value]) => ({ title, rpc, request: patch(value) }));
  if (rule.id.includes('/tenant/')) {
    return isTenantList(rpc) ? listTenantExamples(rpc, slug, base, tenants) : variants(singleTenantValues(tenants)[slug], (v) => withTenant(rpc, base, v));
  }
  const variablesKind = /(?:variables|variable-instruction)-(not-json|not-object|integer-overflow)$/.exec(slug)?.[1];
  if (variablesKind) return variants(VARIABLES[variablesKind], (v) => withVariables(rpc, base, v));
  return fieldExamples(rpc, slug, base);
}

function fieldExamples(rpc: RpcName, slug: string, base: Record<string, unknown>): Example[] {
  const set = (title: string, patch: Record<string, unknown>): Example => ({ title, rpc, request: { ...base, ...patch } });
  const examples: Readonly<Record<string, () => Example[]>> = {
    'type-empty': () => [set('an empty type', { type: '' })],
    'type-whitespace': () => [set('a whitespace type', { type: ' \t ' })],
    'worker-blank': () => [set('an empty worker', { worker: '' }), set('a whitespace worker', { worker: '  ' })],
    'timeout-below-1': () => [set('timeout 0', { timeout: 0 }), set('timeout -1', { timeout: -1 })],
    'max-jobs-below-1': () => [set('maxJobsToActivate 0', { maxJobsToActivate: 0 }), set('maxJobsToActivate -5', { maxJobsToActivate: -5 })],
    'no-resources': () => [set('no resources', rpc === 'DeployProcess' ? { processes: [] } : { resources: [] })],
    'both-id-and-key': () => [set('both id and key', { decisionKey: '2251799813685250', decisionId: 'conformance-decision' })],
    'neither-id-nor-key': () => [set('neither id nor key', { decisionKey: 0, decisionId: '' })],
    'retries-below-1': () => [set('retries 0', { retries: 0 }), set('retries -1', { retries: -1 })],
  };
  return examples[slug]?.() ?? [];
}

function listTenantExamples(rpc: RpcName, slug: string, base: Record<string, unknown>, t: RunTenants): Example[] {
  const lists: Readonly<Record<string, readonly (readonly [string, string[]])[]>> = {
    'mt-on-empty-list': [['an empty list', []]],
    'mt-on-blank-id': [['an empty id', [t.primary, '']], ['a whitespace id', [' ']]],
    'mt-on-too-long': [['a 32-character id', [LONG_TENANT]]],
    'mt-on-illegal-chars': [['a non-ASCII id', ['tenänt']], ['an id with a space', [t.primary, 'a b']]],
    'mt-on-unauthorized': [['one unauthorized id', [t.primary, t.foreign]]],
    'mt-off-not-default': [['a tenant', [nonDefaultTenant(t)]], ['<default> and another', ['<default>', 'x']]],
  };
  return (lists[slug] ?? []).map(([title, tenantIds]) => ({ title, rpc, request: { ...base, tenantIds } }));
}

function gatewayExamples(slug: string, mt: boolean, tenant: string): Example[] {
  const validRequest = (rpc: RpcName, multiTenancy: boolean): Record<string, unknown> => validRequestFor(rpc, multiTenancy, tenant);
  const tenantRpcs = [...SINGLE_TENANT_RPCS, ...TENANT_LIST_RPCS];
  const examples: Readonly<Record<string, () => Example[]>> = {
    'missing-token': () => [{ title: 'no token', rpc: 'Topology', request: {} }, { title: 'no token', rpc: 'PublishMessage', request: validRequest('PublishMessage', mt) }],
    'invalid-token': () => [{ title: 'a token that is not a JWT', rpc: 'Topology', request: {} }],
    'mt-on-no-identity': () => tenantRpcs.map((rpc) => ({ title: 'no caller identity', rpc, request: validRequest(rpc, mt) })),
    'message-too-large': () => [{ title: 'a 4 MiB + 1 byte resource', rpc: 'DeployResource', request: { ...validRequest('DeployResource', mt), resources: [{ name: 'big.bpmn', content: Buffer.alloc(4 * 1024 * 1024 + 1, 32) }] } }],
    'key-partition-unknown': () =>
      Object.entries(ROUTING_KEY_FIELD).flatMap(([rpc, field]) =>
        BAD_KEYS.map(([title, key]) => ({ title, rpc: rpc as RpcName, request: { ...validRequest(rpc as RpcName, mt), [field]: key } })),
      ),
  };
  return examples[slug]?.() ?? [];
}

/** Requests at the edges of the rules that every gateway must let through (the tenant edges the caller's tenants allow). */
function acceptedCases(t: RunTenants): GatewayCase[] {
  const validRequest = (rpc: RpcName, multiTenancy: boolean): Record<string, unknown> => validRequestFor(rpc, multiTenancy, t.primary);
  const longest = longestHeld(t);
  const heldDefault = holdsDefault(t);
  const accepted = (title: string, rpc: RpcName, mt: boolean, request: Record<string, unknown>): GatewayCase => ({
    name: `accepted: ${rpc} with ${title} (multi-tenancy ${mt ? 'on' : 'off'})`,
    ruleId: undefined,
    rpc,
    setting: { multiTenancy: mt, authRequired: false },
    caller: 'authorized',
    request,
    trailer: true,
  });
  const plain = [true, false].flatMap((mt) => ALL_RPCS.map((rpc) => accepted('a valid request', rpc, mt, validRequest(rpc, mt))));
  const tenants = SINGLE_TENANT_RPCS.flatMap((rpc) => [
    ...(longest === undefined ? [] : [accepted('a 31-character tenant', rpc, true, withTenant(rpc, validRequest(rpc, true), longest))]),
    ...(heldDefault ? [accepted('tenant <default>', rpc, true, withTenant(rpc, validRequest(rpc, true), '<default>'))] : []),
    accepted('tenant <default>', rpc, false, withTenant(rpc, validRequest(rpc, false), '<default>')),
    accepted('a whitespace tenant', rpc, false, withTenant(rpc, validRequest(rpc, false), '  ')),
  ]);
  const held = t.authorized.filter((id) => id === '<default>' || id === longest);
  const lists = TENANT_LIST_RPCS.flatMap((rpc) => [
    ...(held.length === 0 ? [] : [accepted(`tenants [${held.map((id) => (id === '<default>' ? id : `${id.length} characters`)).join(', ')}]`, rpc, true, { ...validRequest(rpc, true), tenantIds: held })]),
    accepted('tenants [<default>]', rpc, false, { ...validRequest(rpc, false), tenantIds: ['<default>'] }),
  ]);
  const documents = ['', '  ', 'null', '{"a":18446744073709551615}', '{"a":"18446744073709551616"}', '{"a":{"b":[1.5e300]}}'].map((v) =>
    accepted(`variables ${JSON.stringify(v)}`, 'SetVariables', false, withVariables('SetVariables', validRequest('SetVariables', false), v)),
  );
  return [...plain, ...tenants, ...lists, ...documents];
}

const ALL_RPCS: readonly RpcName[] = [
  ...SINGLE_TENANT_RPCS,
  ...TENANT_LIST_RPCS,
  ...(Object.keys(ROUTING_KEY_FIELD) as RpcName[]),
  'DeleteResource',
  'DeployProcess',
  'Topology',
];

function isTenantList(rpc: RpcName): boolean {
  return (TENANT_LIST_RPCS as readonly RpcName[]).includes(rpc);
}
