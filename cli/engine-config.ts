import { readFileSync } from 'node:fs';
import { PROFILES, type Profile } from '../rules/index.js';
import type { EngineOptionsInput, OAuthClient, StaticToken } from '../engine/index.js';
import { readJsonFile } from './json-file.js';
import { UsageError } from './usage-error.js';

/** The flags of `zeebe-conformance engine`, as commander parses them. */
export interface EngineFlags {
  readonly host?: string;
  readonly port?: string;
  readonly profile?: string;
  readonly multiTenancy?: boolean;
  readonly authRequired?: boolean;
  readonly oauthPort?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly partitions?: string;
  readonly config?: string;
}

/** The OAuth client the CLI engine serves when the config names none (documented in the README). */
export const DEFAULT_OAUTH_CLIENT: OAuthClient = { clientId: 'zeebe', clientSecret: 'zecret', tenants: ['<default>'] };

/** Reads the config file (if any), then lets flags override it; every mistake is one UsageError line. */
export function engineOptionsFrom(flags: EngineFlags): EngineOptionsInput {
  const file = flags.config === undefined ? {} : fromConfigFile(flags.config);
  const tls = tlsFrom(flags.tlsCert ?? file.tlsCert, flags.tlsKey ?? file.tlsKey);
  const partitions = flags.partitions === undefined ? undefined : integer('--partitions', flags.partitions, 1, 8191);
  return {
    host: flags.host ?? file.host ?? '127.0.0.1',
    port: flags.port === undefined ? (file.port ?? 26500) : integer('--port', flags.port, 0, 65535),
    profile: profile(flags.profile ?? file.profile ?? 'documented'),
    multiTenancy: flags.multiTenancy ?? file.multiTenancy ?? false,
    authRequired: flags.authRequired ?? file.authRequired ?? false,
    staticTokens: file.staticTokens ?? [],
    oauth: {
      port: flags.oauthPort === undefined ? (file.oauth?.port ?? 0) : integer('--oauth-port', flags.oauthPort, 0, 65535),
      clients: file.oauth?.clients ?? [DEFAULT_OAUTH_CLIENT],
    },
    ...(tls && { tls }),
    topology: { ...file.topology, ...(partitions !== undefined && { partitions }) },
  };
}

interface ConfigFile {
  host?: string;
  port?: number;
  profile?: string;
  multiTenancy?: boolean;
  authRequired?: boolean;
  staticTokens?: StaticToken[];
  oauth?: { port?: number; clients?: OAuthClient[] };
  tlsCert?: string;
  tlsKey?: string;
  topology?: { brokers?: number; partitions?: number; replicationFactor?: number; gatewayVersion?: string };
}

const FIELDS: Readonly<Record<string, (v: unknown) => boolean>> = {
  host: (v) => typeof v === 'string',
  port: (v) => Number.isInteger(v),
  profile: (v) => typeof v === 'string',
  multiTenancy: (v) => typeof v === 'boolean',
  authRequired: (v) => typeof v === 'boolean',
  staticTokens: (v) => Array.isArray(v) && v.every((t) => isRecord(t) && typeof t['token'] === 'string' && typeof t['subject'] === 'string' && isStrings(t['tenants'])),
  oauth: (v) => isRecord(v) && (v['clients'] === undefined || (Array.isArray(v['clients']) && v['clients'].every(isOAuthClient))),
  tlsCert: (v) => typeof v === 'string',
  tlsKey: (v) => typeof v === 'string',
  topology: (v) => isRecord(v),
};

function fromConfigFile(path: string): ConfigFile {
  const json = readJsonFile(path);
  if (!isRecord(json)) throw new UsageError(`${path}: expected a JSON object at the top level`);
  for (const [key, value] of Object.entries(json)) {
    const valid = FIELDS[key];
    if (!valid) throw new UsageError(`${path}: unknown setting '${key}' (known: ${Object.keys(FIELDS).join(', ')})`);
    if (!valid(value)) throw new UsageError(`${path}: setting '${key}' has the wrong shape (see README, "Engine configuration")`);
  }
  return json;
}

function tlsFrom(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) throw new UsageError('TLS needs both --tls-cert and --tls-key');
  return { cert: readPem(cert), key: readPem(key) };
}

function readPem(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

function profile(value: string): Profile {
  const found = PROFILES.find((p) => p === value);
  if (!found) throw new UsageError(`unknown profile '${value}' (expected one of: ${PROFILES.join(', ')})`);
  return found;
}

function integer(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} expects an integer from ${min} to ${max}, got '${value}'`);
  return n;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isOAuthClient = (v: unknown): boolean =>
  isRecord(v) && typeof v['clientId'] === 'string' && typeof v['clientSecret'] === 'string' && isStrings(v['tenants']);
