/** OAuth 2.0 client credentials, configured the way Camunda clients are. */
export interface OAuthSettings {
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly audience?: string;
  readonly scope?: string;
  /** Fetch a new token this long before the current one expires. */
  readonly refreshMarginMs?: number;
}

/** Hands out a bearer token, fetching a new one only when the cached one is about to expire. */
export interface TokenProvider {
  token(): Promise<string>;
}

const DEFAULT_MARGIN_MS = 30_000;

/** A token provider with an in-memory cache; concurrent callers share one request. */
export function createTokenProvider(settings: OAuthSettings, now: () => number = Date.now): TokenProvider {
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const refresh = async (): Promise<string> => {
    const answer = await requestToken(settings);
    const margin = Math.min(settings.refreshMarginMs ?? DEFAULT_MARGIN_MS, (answer.expiresIn * 1000) / 2);
    cached = { token: answer.token, refreshAt: now() + answer.expiresIn * 1000 - margin };
    return answer.token;
  };
  return {
    token: () => {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}

async function requestToken(settings: OAuthSettings): Promise<{ token: string; expiresIn: number }> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: settings.clientId, client_secret: settings.clientSecret });
  if (settings.audience !== undefined) body.set('audience', settings.audience);
  if (settings.scope !== undefined) body.set('scope', settings.scope);
  let response: Response;
  try {
    response = await fetch(settings.url, { method: 'POST', body, headers: { accept: 'application/json' } });
  } catch (e) {
    throw new Error(`OAuth token request to ${settings.url} failed: ${causeOf(e)}`);
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`OAuth token request to ${settings.url} answered ${response.status}: ${text.slice(0, 200)}`);
  return parseTokenAnswer(settings.url, text);
}

function parseTokenAnswer(url: string, text: string): { token: string; expiresIn: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`OAuth token endpoint ${url} answered something that is not JSON: ${text.slice(0, 200)}`);
  }
  const answer = json as { access_token?: unknown; expires_in?: unknown };
  if (typeof answer.access_token !== 'string' || answer.access_token === '') {
    throw new Error(`OAuth token endpoint ${url} answered without an access_token`);
  }
  const expiresIn = Number(answer.expires_in ?? 300);
  return { token: answer.access_token, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 300 };
}

function causeOf(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
  return cause ?? (e instanceof Error ? e.message : String(e));
}
