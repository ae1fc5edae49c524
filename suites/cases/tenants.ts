/**
 * The tenants a run's requests name: the authorized caller's (one primary, maybe more) and one it does not hold
 * (the second caller's). The embedded engine issues callers for the defaults; a live gateway's are configured.
 */
import { AUTHORIZED_TENANT, AUTHORIZED_TENANTS } from './valid-requests.js';

export interface RunTenants {
  /** The tenant fixtures and most requests use; the authorized caller holds it. */
  readonly primary: string;
  /** Every tenant the authorized caller holds, `primary` first. */
  readonly authorized: readonly string[];
  /** A well-formed tenant the authorized caller does not hold (the second caller's tenant). */
  readonly foreign: string;
}

/** The tenants of the embedded engine's callers. */
export const DEFAULT_TENANTS: RunTenants = { primary: AUTHORIZED_TENANT, authorized: AUTHORIZED_TENANTS, foreign: 'tenant-b' };

/** The longest valid tenant id length; a held tenant that long lets the run check the upper boundary. */
const LONGEST = 31;

/** A held tenant of exactly 31 characters, if the caller has one. */
export function longestHeld(tenants: RunTenants): string | undefined {
  return tenants.authorized.find((t) => t.length === LONGEST);
}

/** Whether the caller holds the default tenant. */
export function holdsDefault(tenants: RunTenants): boolean {
  return tenants.authorized.includes('<default>');
}

/** A well-formed tenant id other than `<default>` (what multi-tenancy off refuses), preferring the run's own. */
export function nonDefaultTenant(tenants: RunTenants): string {
  return [tenants.primary, tenants.foreign].find((t) => t !== '<default>') ?? 'tenant-a';
}

/** A tenant to name as not held when the configured second caller's tenant is one the first caller holds. */
const NOT_HELD = 'conformance-not-held';

/** The run's tenants from a configuration: `primary` and `more` held, `foreign` not (replaced if it is held after all). */
export function runTenants(primary: string, more: readonly string[], foreign: string): RunTenants {
  const authorized = [primary, ...more.filter((t) => t !== primary)];
  return { primary, authorized, foreign: authorized.includes(foreign) ? NOT_HELD : foreign };
}
