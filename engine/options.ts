import type { Profile } from '../rules/index.js';
import { systemClock, type Clock } from './state/clock.js';

/** A static bearer token and the tenants its caller may use. */
export interface StaticToken {
  readonly token: string;
  readonly subject: string;
  readonly tenants: readonly string[];
}

/** An OAuth client the engine's token endpoint issues JWTs for. */
export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenants: readonly string[];
}

/** The cluster the engine pretends to be (Topology, key partitions). */
export interface TopologyOptions {
  readonly brokers: number;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly gatewayVersion: string;
}

/** Fully resolved engine options: every field set, so nothing downstream guesses a default. */
export interface EngineOptions {
  readonly host: string;
  /** 0 picks an ephemeral port. */
  readonly port: number;
  readonly profile: Profile;
  readonly multiTenancy: boolean;
  /** When true, a call without a bearer token is UNAUTHENTICATED. */
  readonly authRequired: boolean;
  readonly staticTokens: readonly StaticToken[];
  readonly jwt: { readonly issuer: string; readonly audience: string; readonly ttlSeconds: number };
  /** The OAuth client-credentials endpoint; `undefined` leaves it off. Port 0 is ephemeral. */
  readonly oauth: { readonly port: number; readonly clients: readonly OAuthClient[] } | undefined;
  /** Port of the REST endpoint (Camunda user tasks); `undefined` leaves it off, 0 is ephemeral. */
  readonly restPort: number | undefined;
  /** PEM certificate chain and key; `undefined` serves plaintext. */
  readonly tls: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  readonly topology: TopologyOptions;
  /** Largest request accepted, in bytes (the real gateway's 4 MiB). */
  readonly maxMessageSize: number;
  /** Time for deadlines, back-offs and long polls; tests pass a manual clock. */
  readonly clock: Clock;
  /** Fault injection: rule-id globs the engine does not enforce, to prove the suites catch a broken gateway. */
  readonly violate: readonly string[];
}

/** What a caller may leave out; `resolveEngineOptions` fills it in. */
export type EngineOptionsInput = { readonly [K in Exclude<keyof EngineOptions, 'topology' | 'jwt'>]?: EngineOptions[K] } & {
  readonly topology?: Partial<TopologyOptions>;
  readonly jwt?: Partial<EngineOptions['jwt']>;
};

export const DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

const DEFAULT_TOPOLOGY: TopologyOptions = { brokers: 1, partitions: 1, replicationFactor: 1, gatewayVersion: '8.5.0' };

/** Resolves user options once into a complete object. */
export function resolveEngineOptions(input: EngineOptionsInput = {}): EngineOptions {
  return {
    host: input.host ?? '127.0.0.1',
    port: input.port ?? 0,
    profile: input.profile ?? 'documented',
    multiTenancy: input.multiTenancy ?? false,
    authRequired: input.authRequired ?? false,
    staticTokens: input.staticTokens ?? [],
    jwt: { issuer: 'zeebe-conformance-engine', audience: 'zeebe-api', ttlSeconds: 3600, ...input.jwt },
    oauth: input.oauth,
    restPort: input.restPort,
    tls: input.tls,
    topology: { ...DEFAULT_TOPOLOGY, ...input.topology },
    maxMessageSize: input.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE,
    clock: input.clock ?? systemClock(),
    violate: input.violate ?? [],
  };
}
