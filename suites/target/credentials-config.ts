import { fromEnv, fromFlag, TargetConfigError, type Sourced } from './config-sources.js';
import type { OAuthSettings } from './oauth-token-provider.js';

/** The credential flags (`--token`, `--stranger-token`, `--stranger-client-id`, `--stranger-client-secret`). */
export interface CredentialFlags {
  readonly token?: string;
  readonly strangerToken?: string;
  readonly strangerClientId?: string;
  readonly strangerClientSecret?: string;
}

/** How one caller authenticates: OAuth client credentials or a static bearer token (never both). */
export interface CallerCredentials {
  readonly oauth?: OAuthSettings;
  readonly token?: string;
}

/** The authorized caller's credentials and the stranger's (a caller authorized for another tenant), if any. */
export interface ResolvedCredentials {
  readonly authorized: CallerCredentials | undefined;
  readonly stranger: CallerCredentials | undefined;
}

interface CallerSources {
  readonly token: Sourced | undefined;
  readonly id: Sourced | undefined;
  readonly secret: Sourced | undefined;
}

/** The names a caller's settings go by, for reading them and for naming what is missing. */
interface CallerNames {
  readonly who: string;
  readonly flags: { readonly token: string; readonly id?: string; readonly secret?: string };
  readonly env: { readonly token: string; readonly id: string; readonly secret: string };
}

const AUTHORIZED: CallerNames = {
  who: 'the OAuth client',
  flags: { token: '--token' },
  env: { token: 'ZEEBE_TOKEN', id: 'ZEEBE_CLIENT_ID', secret: 'ZEEBE_CLIENT_SECRET' },
};
const STRANGER: CallerNames = {
  who: "the stranger's OAuth client",
  flags: { token: '--stranger-token', id: '--stranger-client-id', secret: '--stranger-client-secret' },
  env: { token: 'ZEEBE_STRANGER_TOKEN', id: 'ZEEBE_STRANGER_CLIENT_ID', secret: 'ZEEBE_STRANGER_CLIENT_SECRET' },
};
const URL_NAMES = ['ZEEBE_AUTHORIZATION_SERVER_URL', 'CAMUNDA_OAUTH_URL'] as const;

type Credential = { kind: 'token'; token: string } | { kind: 'client'; id: Sourced | undefined; secret: Sourced | undefined };

/**
 * Both callers' credentials. A token flag overrides client credentials from the environment; a token and client
 * credentials given the same way (both flags, or both variables) are a mistake, and so is half an OAuth client.
 */
export function resolveCredentials(flags: CredentialFlags, env: NodeJS.ProcessEnv): ResolvedCredentials {
  const flagValues = { token: flags.token, id: undefined, secret: undefined };
  const authorized = credentialOf(AUTHORIZED, flagValues, env);
  const stranger = credentialOf(STRANGER, { token: flags.strangerToken, id: flags.strangerClientId, secret: flags.strangerClientSecret }, env);
  const url = fromEnv(env, ...URL_NAMES);
  if (url && authorized === undefined && stranger?.kind !== 'client') {
    throw new TargetConfigError(`${url.source} is set, but no OAuth client: set ZEEBE_CLIENT_ID and ZEEBE_CLIENT_SECRET (or pass --token)`);
  }
  return { authorized: callerOf(AUTHORIZED, authorized, env), stranger: callerOf(STRANGER, stranger, env) };
}

function credentialOf(names: CallerNames, flagValues: Record<'token' | 'id' | 'secret', string | undefined>, env: NodeJS.ProcessEnv): Credential | undefined {
  const flagged: CallerSources = {
    token: fromFlag(flagValues.token, names.flags.token),
    id: names.flags.id === undefined ? undefined : fromFlag(flagValues.id, names.flags.id),
    secret: names.flags.secret === undefined ? undefined : fromFlag(flagValues.secret, names.flags.secret),
  };
  const fromEnvironment: CallerSources = { token: fromEnv(env, names.env.token), id: fromEnv(env, names.env.id), secret: fromEnv(env, names.env.secret) };
  return (
    oneKind(flagged, (id, secret) => ({ id: id ?? fromEnvironment.id, secret: secret ?? fromEnvironment.secret })) ??
    oneKind(fromEnvironment, (id, secret) => ({ id, secret }))
  );
}

/** A token or client credentials from one layer; a client's missing half may come from the environment. */
function oneKind(
  layer: CallerSources,
  client: (id: Sourced | undefined, secret: Sourced | undefined) => { id: Sourced | undefined; secret: Sourced | undefined },
): Credential | undefined {
  const clientPart = layer.id ?? layer.secret;
  if (layer.token && clientPart) {
    throw new TargetConfigError(`${layer.token.source} and ${clientPart.source} are both given; configure a token or OAuth client credentials, not both`);
  }
  if (layer.token) return { kind: 'token', token: layer.token.value };
  return clientPart ? { kind: 'client', ...client(layer.id, layer.secret) } : undefined;
}

function callerOf(names: CallerNames, credential: Credential | undefined, env: NodeJS.ProcessEnv): CallerCredentials | undefined {
  if (credential === undefined) return undefined;
  if (credential.kind === 'token') return { token: credential.token };
  const url = fromEnv(env, ...URL_NAMES);
  const missing = [
    credential.id ? undefined : either(names.flags.id, names.env.id),
    credential.secret ? undefined : either(names.flags.secret, names.env.secret),
    url ? undefined : either(...URL_NAMES),
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0 || !credential.id || !credential.secret || !url) {
    const listed = missing.length === 1 ? missing.join('') : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1) ?? ''}`;
    throw new TargetConfigError(`${names.who} is incomplete: ${listed} ${missing.length === 1 ? 'is' : 'are'} not set`);
  }
  const audience = fromEnv(env, 'ZEEBE_TOKEN_AUDIENCE', 'CAMUNDA_ZEEBE_OAUTH_AUDIENCE');
  const scope = fromEnv(env, 'ZEEBE_TOKEN_SCOPE');
  return {
    oauth: {
      url: httpUrl(url),
      clientId: credential.id.value,
      clientSecret: credential.secret.value,
      ...(audience && { audience: audience.value }),
      ...(scope && { scope: scope.value }),
    },
  };
}

function either(first: string | undefined, second: string): string {
  return first === undefined ? second : `${first} (or ${second})`;
}

function httpUrl(url: Sourced): string {
  let parsed: URL;
  try {
    parsed = new URL(url.value);
  } catch {
    throw new TargetConfigError(`${url.source} '${url.value}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TargetConfigError(`${url.source} '${url.value}' is not an http:// or https:// URL`);
  }
  return url.value;
}
