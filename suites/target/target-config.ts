import { credentials as grpcCredentials, type ChannelCredentials } from '@grpc/grpc-js';
import { parseAddress } from './address.js';
import { fromEnv, fromFlag, TargetConfigError, type Sourced } from './config-sources.js';
import { resolveCredentials, type CallerCredentials } from './credentials-config.js';
import type { OAuthSettings } from './oauth-token-provider.js';
import { resolveTls } from './tls-config.js';

export { TargetConfigError } from './config-sources.js';
export { createTargetTokens, type TargetTokens } from './target-tokens.js';

/** Target flags of the CLI; each overrides the environment variable Camunda clients read for the same setting. */
export interface TargetFlags {
  readonly target?: string;
  readonly tls?: boolean;
  readonly insecure?: boolean;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly tenant?: string;
  /** More tenants the authorized caller holds, comma-separated (the checks then use a 31-character one and `<default>`). */
  readonly moreTenants?: string;
  readonly strangerTenant?: string;
  readonly strangerClientId?: string;
  readonly strangerClientSecret?: string;
  readonly token?: string;
  readonly strangerToken?: string;
}

/** An external target, resolved once from flags and environment: complete, defaulted and checked. */
export interface TargetConfig {
  /** `host:port`, without a scheme. */
  readonly address: string;
  /** `undefined`: plaintext. */
  readonly tls: { readonly ca?: Buffer; readonly cert?: Buffer; readonly key?: Buffer } | undefined;
  /** The authorized caller's OAuth client, if it uses one. */
  readonly oauth: OAuthSettings | undefined;
  readonly authorizedTenant: string;
  /** Further tenants the authorized caller holds. */
  readonly moreTenants: readonly string[];
  /** The stranger's tenant (the stranger is authorized for it, and not for `authorizedTenant`). */
  readonly strangerTenant: string;
  /** The second caller, authorized only for another tenant, if configured. */
  readonly stranger: { readonly oauth?: OAuthSettings; readonly token?: string } | undefined;
  /** The authorized caller's static bearer token, if it uses one. */
  readonly staticToken?: string;
  /** What reports print: address, TLS, client ids and tenants; never a secret or a token. */
  readonly description: string;
}

/** The tenant Zeebe uses when multi-tenancy is off, and the default tenant of a caller. */
export const DEFAULT_TENANT = '<default>';
/** The stranger's tenant unless configured (the tenant the embedded engine gives its stranger). */
export const DEFAULT_STRANGER_TENANT = 'tenant-b';

const ADDRESS_NAMES = ['ZEEBE_ADDRESS', 'ZEEBE_GRPC_ADDRESS'] as const;
const TENANT_ID = /^[A-Za-z0-9_.-]{1,31}$/;

/** Whether the flags or the environment name an external target at all (else the embedded engine is the target). */
export function externalTargetGiven(flags: Pick<TargetFlags, 'target'>, env: NodeJS.ProcessEnv): boolean {
  return (fromFlag(flags.target, '--target') ?? fromEnv(env, ...ADDRESS_NAMES)) !== undefined;
}

/** Resolves the target from flags, then the environment; throws `TargetConfigError` (one line) on any mistake. */
export function resolveTargetConfig(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const raw = fromFlag(flags.target, '--target') ?? fromEnv(env, ...ADDRESS_NAMES);
  if (!raw) throw new TargetConfigError('no target: pass --target host:port or set ZEEBE_ADDRESS');
  const { address, schemeTls } = parseAddress(raw);
  const tls = resolveTls(flags, env, { fromFlag: raw.source === '--target', choice: schemeTls });
  const { authorized, stranger } = resolveCredentials(flags, env);
  const authorizedTenant = tenantOf(fromFlag(flags.tenant, '--tenant') ?? fromEnv(env, 'ZEEBE_TENANT_ID', 'CAMUNDA_TENANT_ID'), DEFAULT_TENANT);
  const strangerTenantSource = fromFlag(flags.strangerTenant, '--stranger-tenant') ?? fromEnv(env, 'ZEEBE_STRANGER_TENANT_ID');
  const strangerTenant = tenantOf(strangerTenantSource, DEFAULT_STRANGER_TENANT);
  if ((stranger || strangerTenantSource) && strangerTenant === authorizedTenant) {
    throw new TargetConfigError(`the stranger's tenant '${strangerTenant}' is the authorized caller's tenant; the stranger needs another one (--stranger-tenant)`);
  }
  const moreTenants = tenantListOf(fromFlag(flags.moreTenants, '--more-tenants'));
  if (moreTenants.includes(strangerTenant)) {
    throw new TargetConfigError(`--more-tenants names '${strangerTenant}', the tenant the checks use as one the authorized caller does not hold (--stranger-tenant)`);
  }
  const config = {
    address,
    tls,
    oauth: authorized?.oauth,
    authorizedTenant,
    moreTenants,
    strangerTenant,
    stranger,
    ...(authorized?.token !== undefined && { staticToken: authorized.token }),
  };
  return { ...config, description: describe(config) };
}

/** The grpc-js credentials of the target's channel: plaintext, or TLS with its CA and client certificate. */
export function channelCredentialsOf(config: Pick<TargetConfig, 'tls'>): ChannelCredentials {
  const { tls } = config;
  return tls ? grpcCredentials.createSsl(tls.ca ?? null, tls.key ?? null, tls.cert ?? null) : grpcCredentials.createInsecure();
}

/** A comma-separated list of tenant ids, each checked. */
function tenantListOf(source: Sourced | undefined): string[] {
  if (!source) return [];
  return source.value.split(',').map((id) => tenantOf({ ...source, value: id.trim() }, ''));
}

function tenantOf(source: Sourced | undefined, fallback: string): string {
  if (!source) return fallback;
  if (source.value !== DEFAULT_TENANT && !TENANT_ID.test(source.value)) {
    throw new TargetConfigError(`${source.source} '${source.value}' is not a tenant id: <default>, or 1 to 31 of A-Z a-z 0-9 _ . -`);
  }
  return source.value;
}

/** E.g. `grpcs://host:443 (custom CA; OAuth client 'x', tenant 'a'; stranger: static token, tenant 'b')`. */
function describe(config: Omit<TargetConfig, 'description'>): string {
  const tls = config.tls;
  const tlsPart = [tls?.ca && 'custom CA', tls?.cert && 'client certificate'].filter(Boolean).join(', ');
  const caller = `${callerText({ ...(config.oauth && { oauth: config.oauth }), ...(config.staticToken !== undefined && { token: config.staticToken }) })}, tenant '${config.authorizedTenant}'`;
  const stranger = config.stranger && `stranger: ${callerText(config.stranger)}, tenant '${config.strangerTenant}'`;
  const parts = [tlsPart, caller, stranger].filter((p): p is string => typeof p === 'string' && p !== '');
  return `${tls ? 'grpcs' : 'grpc'}://${config.address} (${parts.join('; ')})`;
}

function callerText(caller: CallerCredentials): string {
  if (caller.oauth) return `OAuth client '${caller.oauth.clientId}'`;
  return caller.token === undefined ? 'no credentials' : 'static token';
}
