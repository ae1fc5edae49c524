/**
 * A property for every gateway-layer rule of the catalogue: requests that violate that rule and no other, sent by
 * the caller the rule needs, in the setting it applies under. Derived from the catalogue: a gateway rule this
 * module cannot build requests for is reported by `rulesWithoutProperty`, never silently skipped.
 */
import fc from 'fast-check';
import { catalogue, RPC_NAMES, type Rule, type RpcName } from '../../rules/index.js';
import type { CallerKind, Setting } from '../cases/gateway-cases.js';
import { ROUTING_KEY_FIELD, SINGLE_TENANT_RPCS, TENANT_LIST_RPCS } from '../cases/tenant-fields.js';
import { DEFAULT_TENANTS, type RunTenants } from '../cases/tenants.js';
import * as A from './arbitraries.js';
import { validRequestArbitrary, type Ground } from './valid-arbitraries.js';
import { field, tenant, violatorOf } from './violators.js';

type Request = Record<string, unknown>;

/** One property: its rule, the setting and caller it needs, and the violating requests it sends to `rpc`. */
export interface RuleProperty {
  /** `<rule id> on <rpc>, multi-tenancy on|off`: unique across the list. */
  readonly name: string;
  readonly ruleId: string;
  readonly setting: Setting;
  readonly caller: CallerKind;
  readonly rpc: RpcName;
  /** Requests that violate the rule (and only it), built on valid requests. */
  readonly arbitrary: fc.Arbitrary<Request>;
  /** Bearer tokens to send instead of the caller's (the invalid-token rule generates them). */
  readonly token?: fc.Arbitrary<string>;
  /** False where the rejection comes from the gRPC layer itself, which sends no rule trailer. */
  readonly trailer: boolean;
  /** A cap on runs for properties whose requests are heavy (4 MiB and more). */
  readonly maxRuns?: number;
}

/** What the properties need to know of the target. */
export interface PropertyOptions {
  /** Partitions of the target (its Topology), so that valid keys route and bad ones do not; default 1. */
  readonly partitions?: number;
  /** The tenants the authorized caller holds; default: the embedded engine's callers'. */
  readonly tenants?: RunTenants;
}

/** The real gateway's maximum message size (4 MiB). */
export const MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

type Draft = Pick<RuleProperty, 'rpc' | 'arbitrary'> & Partial<Pick<RuleProperty, 'caller' | 'token' | 'trailer' | 'maxRuns'>> & { readonly authRequired?: boolean };

/** The properties of every gateway-layer rule, in catalogue order. */
export function ruleProperties(options: PropertyOptions = {}): RuleProperty[] {
  return catalogue.filter((r) => r.layer === 'gateway').flatMap((r) => propertiesOf(r, options));
}

/** The ids of gateway-layer rules no property covers (the tests assert there are none). */
export function rulesWithoutProperty(options: PropertyOptions = {}): string[] {
  return catalogue.filter((r) => r.layer === 'gateway' && propertiesOf(r, options).length === 0).map((r) => r.id);
}

/** The properties of one rule: one per RPC it concerns and per multi-tenancy mode it applies under. */
export function propertiesOf(rule: Rule, options: PropertyOptions = {}): RuleProperty[] {
  if (rule.layer !== 'gateway') return [];
  const modes = rule.multiTenancy === 'any' ? [false, true] : [rule.multiTenancy === 'on'];
  return modes.flatMap((multiTenancy) => {
    const ground: Ground = { multiTenancy, partitions: options.partitions ?? 1, tenants: options.tenants ?? DEFAULT_TENANTS };
    return draftsOf(rule, ground).map((d) => complete(rule, ground, d));
  });
}

function complete(rule: Rule, ground: Ground, d: Draft): RuleProperty {
  return {
    name: `${rule.id} on ${d.rpc}, multi-tenancy ${ground.multiTenancy ? 'on' : 'off'}`,
    ruleId: rule.id,
    setting: { multiTenancy: ground.multiTenancy, authRequired: d.authRequired ?? false },
    caller: d.caller ?? 'authorized',
    rpc: d.rpc,
    arbitrary: d.arbitrary,
    trailer: d.trailer ?? true,
    ...(d.token && { token: d.token }),
    ...(d.maxRuns !== undefined && { maxRuns: d.maxRuns }),
  };
}

function draftsOf(rule: Rule, ground: Ground): Draft[] {
  if (rule.rpc === 'Gateway') return gatewayDrafts(rule, ground);
  const rpc = rule.rpc;
  const violator = violatorOf(rpc, rule.id, ground.tenants);
  return violator ? [{ rpc, arbitrary: violator(rpc, validRequestArbitrary(rpc, ground)) }] : [];
}

const TENANT_RPCS: readonly RpcName[] = [...SINGLE_TENANT_RPCS, ...TENANT_LIST_RPCS];
const wellFormedTenant = fc.oneof({ withCrossShrink: true }, A.validTenantId, fc.constant('<default>'));

/** Rules every RPC shares: identity, message size, key routing. */
function gatewayDrafts(rule: Rule, g: Ground): Draft[] {
  const valid = (rpc: RpcName): fc.Arbitrary<Request> => validRequestArbitrary(rpc, g);
  const slug = rule.id.slice(rule.id.lastIndexOf('/') + 1);
  const drafts: Readonly<Record<string, () => Draft[]>> = {
    'missing-token': () => RPC_NAMES.map((rpc) => ({ rpc, arbitrary: valid(rpc), caller: 'anonymous', authRequired: true })),
    'invalid-token': () => RPC_NAMES.map((rpc) => ({ rpc, arbitrary: valid(rpc), caller: 'invalid-token', token: A.invalidToken })),
    'mt-on-no-identity': () =>
      TENANT_RPCS.map((rpc) => {
        const list = (TENANT_LIST_RPCS as readonly RpcName[]).includes(rpc);
        const violator = list ? field('tenantIds', fc.array(wellFormedTenant, { minLength: 1, maxLength: 3 })) : tenant(wellFormedTenant);
        return { rpc, arbitrary: violator(rpc, valid(rpc)), caller: 'anonymous' };
      }),
    'message-too-large': () => oversizedDrafts(g),
    'key-partition-unknown': () =>
      routedRpcs(rule).map((rpc) => ({ rpc, arbitrary: field(ROUTING_KEY_FIELD[rpc] ?? '', A.keyOnMissingPartition(g.partitions))(rpc, valid(rpc)) })),
  };
  return drafts[slug]?.() ?? [];
}

/** The key-routed RPCs the rule's condition names (DeleteResource is left out there: definitions are not routed). */
function routedRpcs(rule: Rule): RpcName[] {
  return (Object.keys(ROUTING_KEY_FIELD) as RpcName[]).filter((rpc) => new RegExp(`\\b${rpc}\\b`).test(rule.condition));
}

/** Requests just over 4 MiB: a resource of DeployResource, the variables of PublishMessage. */
function oversizedDrafts(g: Ground): Draft[] {
  const size = fc.integer({ min: MAX_MESSAGE_SIZE + 1, max: MAX_MESSAGE_SIZE + 64 * 1024 });
  const deploy = field('resources', size.map((n) => [{ name: 'big.bpmn', content: Buffer.alloc(n, 32) }]));
  const publish = field('variables', size.map((n) => `{"a":"${'x'.repeat(n)}"}`));
  const heavy = { trailer: false, maxRuns: 3 } as const;
  return [
    { rpc: 'DeployResource', arbitrary: deploy('DeployResource', validRequestArbitrary('DeployResource', g)), ...heavy },
    { rpc: 'PublishMessage', arbitrary: publish('PublishMessage', validRequestArbitrary('PublishMessage', g)), ...heavy },
  ];
}
