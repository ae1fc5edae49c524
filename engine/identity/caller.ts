/** Who is calling, as far as the gateway knows. `tenants` is undefined when the caller's tenants are unknown. */
export interface Caller {
  readonly subject: string;
  readonly via: 'anonymous' | 'static-token' | 'jwt';
  readonly tenants: readonly string[] | undefined;
}

/** A caller without credentials: allowed when auth is optional, but with no known tenants. */
export const ANONYMOUS: Caller = { subject: 'anonymous', via: 'anonymous', tenants: undefined };
