import type { RpcName } from '../../rules/index.js';
import type { Check } from './check.js';
import { violation, type Violation } from '../violation.js';

/** The tenant every entity belongs to when multi-tenancy is off. */
export const DEFAULT_TENANT = '<default>';

const MAX_TENANT_LENGTH = 31;
/** ASCII word characters, dot and dash; `<default>` is exempt. */
const TENANT_MASK = /^[A-Za-z0-9_.-]+$/;

const isBlank = (s: string): boolean => s.trim() === '';

/** The tenant a request acts for once validated: `<default>` when multi-tenancy is off. */
export function effectiveTenant(tenantId: string, multiTenancy: boolean): string {
  return multiTenancy ? tenantId : DEFAULT_TENANT;
}

/** The tenants a list request acts for once validated: `[<default>]` when multi-tenancy is off. */
export function effectiveTenants(tenantIds: readonly string[], multiTenancy: boolean): readonly string[] {
  return multiTenancy ? tenantIds : [DEFAULT_TENANT];
}

/** The tenant rules of an RPC with a single `tenantId` field, in the real gateway's order. */
export function singleTenantCheck<R extends { readonly tenantId: string }>(rpc: RpcName): Check<R> {
  return (request, context) => {
    const id = request.tenantId;
    const but = (reason: string): string =>
      `Expected to handle gRPC request ${rpc} with tenant identifier '${id}', but ${reason}`;
    if (!context.multiTenancy) {
      return isBlank(id) || id === DEFAULT_TENANT
        ? undefined
        : violation(`${rpc}/tenant/mt-off-not-default`, but('multi-tenancy is disabled'));
    }
    if (isBlank(id)) return violation(`${rpc}/tenant/mt-on-blank`, but('no tenant identifier was provided.'));
    return formatViolation(rpc, id, but) ?? authorizationViolation(rpc, [id], context.caller.tenants, but);
  };
}

/** The tenant rules of an RPC with a `tenantIds` list, in the real gateway's order. */
export function tenantListCheck<R extends { readonly tenantIds: readonly string[] }>(rpc: RpcName): Check<R> {
  return (request, context) => {
    const ids = request.tenantIds;
    const but = (reason: string): string =>
      `Expected to handle gRPC request ${rpc} with tenant identifiers '[${ids.join(', ')}]', but ${reason}`;
    if (!context.multiTenancy) {
      return ids.every((id) => id === DEFAULT_TENANT)
        ? undefined
        : violation(`${rpc}/tenant/mt-off-not-default`, but('multi-tenancy is disabled'));
    }
    if (ids.length === 0) return violation(`${rpc}/tenant/mt-on-empty-list`, but('no tenant identifiers were provided.'));
    for (const id of ids) {
      const one = (reason: string): string =>
        `Expected to handle gRPC request ${rpc} with tenant identifier '${id}', but ${reason}`;
      if (isBlank(id)) return violation(`${rpc}/tenant/mt-on-blank-id`, one('no tenant identifier was provided.'));
      const bad = formatViolation(rpc, id, one);
      if (bad) return bad;
    }
    return authorizationViolation(rpc, ids, context.caller.tenants, but);
  };
}

/** Length is checked before characters, as in the real gateway. */
function formatViolation(rpc: RpcName, id: string, but: (reason: string) => string): Violation | undefined {
  if (id.length > MAX_TENANT_LENGTH) {
    return violation(`${rpc}/tenant/mt-on-too-long`, but(`tenant identifier is longer than ${MAX_TENANT_LENGTH} characters`));
  }
  if (id !== DEFAULT_TENANT && !TENANT_MASK.test(id)) {
    return violation(`${rpc}/tenant/mt-on-illegal-chars`, but('tenant identifier contains illegal characters'));
  }
  return undefined;
}

function authorizationViolation(
  rpc: RpcName,
  ids: readonly string[],
  authorized: readonly string[] | undefined,
  but: (reason: string) => string,
): Violation | undefined {
  if (authorized === undefined) {
    return violation('Gateway/tenant/mt-on-no-identity', but('tenant could not be retrieved from the request context'));
  }
  return ids.every((id) => authorized.includes(id))
    ? undefined
    : violation(`${rpc}/tenant/mt-on-unauthorized`, but('tenant is not authorized to perform this request'));
}
