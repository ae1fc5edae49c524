import { err, ok, type Result } from '../result.js';
import { ANONYMOUS, type Caller } from './caller.js';
import type { JwtIssuer } from './jwt-issuer.js';
import type { StaticToken } from '../options.js';
import { violation, type Violation } from '../violation.js';

/** Turns an `authorization` header value into a caller, or the identity rule it breaks. */
export type Authenticator = (authorization: string | undefined) => Promise<Result<Caller, Violation>>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Builds the authenticator from the engine's static tokens and JWT issuer. */
export function createAuthenticator(settings: {
  authRequired: boolean;
  staticTokens: readonly StaticToken[];
  jwt: JwtIssuer;
}): Authenticator {
  const byToken = new Map(settings.staticTokens.map((t) => [t.token, t]));
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') {
      return settings.authRequired ? err(missingToken()) : ok(ANONYMOUS);
    }
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) return err(invalidToken('expected "Bearer <token>"'));
    const known = byToken.get(token);
    if (known) return ok({ subject: known.subject, via: 'static-token', tenants: known.tenants });
    const verified = await settings.jwt.verify(token);
    if (!verified.ok) return err(invalidToken(verified.error));
    return ok({ subject: verified.value.subject, via: 'jwt', tenants: verified.value.tenants });
  };
}

function missingToken(): Violation {
  return violation(
    'Gateway/UNAUTHENTICATED/missing-token',
    'Expected bearer token at header with key [authorization], but found nothing',
  );
}

function invalidToken(reason: string): Violation {
  return violation('Gateway/UNAUTHENTICATED/invalid-token', `Expected a valid token, but ${reason}`);
}
