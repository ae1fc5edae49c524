import { SignJWT, generateKeyPair, jwtVerify, errors } from 'jose';
import type { CryptoKey } from 'jose';
import { err, ok, type Result } from '../result.js';

/** Signs and verifies the engine's own JWTs, which carry the caller's tenants in the `tenants` claim. */
export interface JwtIssuer {
  issue(subject: string, tenants: readonly string[], ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<Result<{ subject: string; tenants: readonly string[] }, string>>;
}

const ALGORITHM = 'ES256';

/** Creates an issuer with a fresh key pair; tokens from another engine instance do not verify. */
export async function createJwtIssuer(settings: {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}): Promise<JwtIssuer> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM);
  return {
    issue: (subject, tenants, ttl = settings.ttlSeconds) => sign(privateKey, settings, subject, tenants, ttl),
    verify: (token) => verify(publicKey, settings, token),
  };
}

async function sign(
  key: CryptoKey,
  settings: { issuer: string; audience: string },
  subject: string,
  tenants: readonly string[],
  ttlSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenants: [...tenants] })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}

async function verify(
  key: CryptoKey,
  settings: { issuer: string; audience: string },
  token: string,
): Promise<Result<{ subject: string; tenants: readonly string[] }, string>> {
  try {
    // Pinning the algorithm list is what rejects `alg: none` and algorithm-confusion tokens.
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
    });
    const tenants = payload['tenants'];
    if (!Array.isArray(tenants) || !tenants.every((t) => typeof t === 'string')) {
      return err('the token carries no list of tenants');
    }
    return ok({ subject: payload.sub ?? 'unknown', tenants });
  } catch (e) {
    return err(describeJoseError(e));
  }
}

function describeJoseError(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'the token has expired';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'the token algorithm is not allowed';
  if (e instanceof errors.JWTClaimValidationFailed) return `the token claim '${e.claim}' is invalid`;
  return 'the token could not be verified';
}
