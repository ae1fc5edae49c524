import { randomBytes } from 'node:crypto';
import { oneLine, TargetConfigError } from './config-sources.js';
import { createTokenProvider, type OAuthSettings } from './oauth-token-provider.js';

/** The bearer token of each kind of caller the suites use; `undefined` sends no `authorization` header. */
export type TargetTokens = Readonly<Record<'authorized' | 'anonymous' | 'invalid-token' | 'stranger', string | undefined>>;

/** What `createTargetTokens` needs of a target configuration. */
export interface TokenSources {
  readonly oauth: OAuthSettings | undefined;
  readonly staticToken?: string;
  readonly stranger: { readonly oauth?: OAuthSettings; readonly token?: string } | undefined;
}

type TokenSource = () => Promise<string | undefined>;

/**
 * The callers' tokens: OAuth tokens are fetched on demand and cached until shortly before they expire, so call
 * `tokens()` again for a long run. An OAuth failure is a `TargetConfigError` naming the caller.
 */
export function createTargetTokens(config: TokenSources): { tokens(): Promise<TargetTokens> } {
  const authorized = sourceOf('the authorized caller', config.oauth, config.staticToken);
  const stranger = sourceOf('the stranger', config.stranger?.oauth, config.stranger?.token);
  const invalid = bogusJwt();
  return {
    tokens: async () => {
      const [authorizedToken, strangerToken] = await Promise.all([authorized(), stranger()]);
      return { authorized: authorizedToken, anonymous: undefined, 'invalid-token': invalid, stranger: strangerToken };
    },
  };
}

function sourceOf(who: string, oauth: OAuthSettings | undefined, token: string | undefined): TokenSource {
  if (!oauth) return () => Promise.resolve(token);
  const provider = createTokenProvider(oauth);
  return async () => {
    try {
      return await provider.token();
    } catch (e) {
      throw new TargetConfigError(`no token for ${who} (OAuth client '${oauth.clientId}'): ${oneLine(e)}`);
    }
  };
}

/**
 * A token that looks like an OAuth access token (a JWT with header, claims and an RS256-sized signature) but that no
 * issuer signed: every gateway that checks tokens must refuse it.
 */
function bogusJwt(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', kid: 'zeebe-conformance-bogus-key' };
  const claims = { iss: 'https://zeebe-conformance.invalid/', sub: 'zeebe-conformance-invalid-token', aud: 'zeebe-api', iat: now, exp: now + 3600 };
  return `${part(header)}.${part(claims)}.${randomBytes(256).toString('base64url')}`;
}
