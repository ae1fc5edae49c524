import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { dirname, resolve } from 'node:path';
import { PROFILES } from '../rules/index.js';
import type { EngineOptionsInput, OAuthClient, StaticToken, TopologyOptions } from '../engine/index.js';
import { bool, int, list, object, oneOf, str } from './config-schema.js';
import { parseInteger, parseProfile } from './flags.js';
import { problemError, readJsonFile } from './json-file.js';
import { UsageError } from './usage-error.js';

/** The flags of `zeebe-conformance engine`, as commander parses them. */
export interface EngineFlags {
  readonly host?: string;
  readonly port?: string;
  readonly profile?: string;
  readonly multiTenancy?: boolean;
  readonly authRequired?: boolean;
  readonly oauthPort?: string;
  readonly restPort?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly partitions?: string;
  readonly config?: string;
  readonly violate?: readonly string[];
}

/** The OAuth client the CLI engine serves when the config names none (documented in the README). */
export const DEFAULT_OAUTH_CLIENT: OAuthClient = { clientId: 'zeebe', clientSecret: 'zecret', tenants: ['<default>'] };

const MAX_PARTITIONS = 8191;
const port = int(0, 65535);
const tenants = list(str);

/** The configuration file's schema: unknown keys and wrong shapes are errors, never ignored. */
const CONFIG_SCHEMA = object({
  host: str,
  port,
  profile: oneOf(PROFILES),
  multiTenancy: bool,
  authRequired: bool,
  staticTokens: list(object({ token: str, subject: str, tenants }, ['token', 'subject', 'tenants'])),
  restPort: port,
  oauth: object({ port, clients: list(object({ clientId: str, clientSecret: str, tenants }, ['clientId', 'clientSecret', 'tenants'])) }),
  tlsCert: str,
  tlsKey: str,
  violate: list(str),
  topology: object({ brokers: int(1, 1024), partitions: int(1, MAX_PARTITIONS), replicationFactor: int(1, 1024), gatewayVersion: str }),
});

interface ConfigFile {
  host?: string;
  port?: number;
  profile?: string;
  multiTenancy?: boolean;
  authRequired?: boolean;
  staticTokens?: StaticToken[];
  oauth?: { port?: number; clients?: OAuthClient[] };
  restPort?: number;
  tlsCert?: string;
  tlsKey?: string;
  violate?: string[];
  topology?: Partial<TopologyOptions>;
}

/** Reads the config file (if any), then lets flags override it; every mistake is one UsageError line. */
export function engineOptionsFrom(flags: EngineFlags): EngineOptionsInput {
  const file = flags.config === undefined ? {} : fromConfigFile(flags.config);
  const tls = tlsFrom(flags.tlsCert ?? file.tlsCert, flags.tlsKey ?? file.tlsKey);
  const partitions = flags.partitions === undefined ? undefined : parseInteger('--partitions', flags.partitions, 1, MAX_PARTITIONS);
  const topology = { ...file.topology, ...(partitions !== undefined && { partitions }) };
  if ((topology.replicationFactor ?? 1) > (topology.brokers ?? 1)) {
    throw new UsageError(`topology.replicationFactor (${topology.replicationFactor}) cannot exceed topology.brokers (${topology.brokers ?? 1})`);
  }
  return {
    host: flags.host ?? file.host ?? '127.0.0.1',
    port: flags.port === undefined ? (file.port ?? 26500) : parseInteger('--port', flags.port, 0, 65535),
    profile: parseProfile(flags.profile ?? file.profile ?? 'documented'),
    multiTenancy: flags.multiTenancy ?? file.multiTenancy ?? false,
    authRequired: flags.authRequired ?? file.authRequired ?? false,
    staticTokens: file.staticTokens ?? [],
    oauth: {
      port: flags.oauthPort === undefined ? (file.oauth?.port ?? 0) : parseInteger('--oauth-port', flags.oauthPort, 0, 65535),
      clients: file.oauth?.clients ?? [DEFAULT_OAUTH_CLIENT],
    },
    restPort: flags.restPort === undefined ? file.restPort : parseInteger('--rest-port', flags.restPort, 0, 65535),
    ...(tls && { tls }),
    topology,
    violate: [...(file.violate ?? []), ...(flags.violate ?? [])],
  };
}

/** Validates the file and resolves its TLS paths against the file's own folder. */
function fromConfigFile(path: string): ConfigFile {
  const file = readJsonFile(path);
  const found = CONFIG_SCHEMA(file.value, '');
  if (found) throw problemError(file, found);
  const config = file.value as ConfigFile;
  const here = (p: string | undefined) => (p === undefined ? undefined : resolve(dirname(path), p));
  const tlsCert = here(config.tlsCert);
  const tlsKey = here(config.tlsKey);
  return { ...config, ...(tlsCert !== undefined && { tlsCert }), ...(tlsKey !== undefined && { tlsKey }) };
}

/** Reads and checks the PEM pair now, so a bad file is a usage error rather than a crash at bind time. */
function tlsFrom(cert: string | undefined, key: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) throw new UsageError('TLS needs both --tls-cert and --tls-key');
  const pair = { cert: readPem(cert), key: readPem(key) };
  try {
    createSecureContext(pair);
  } catch (e) {
    throw new UsageError(`cannot use ${cert} with ${key} for TLS: ${e instanceof Error ? e.message : String(e)}`);
  }
  return pair;
}

function readPem(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
