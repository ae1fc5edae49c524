import { createAuthenticator } from './identity/authenticate.js';
import { createJwtIssuer } from './identity/jwt-issuer.js';
import { startTokenEndpoint, type TokenEndpoint } from './identity/oauth-server.js';
import { createGateway } from './gateway/gateway.js';
import { createEnforcement } from './enforcement.js';
import { resolveEngineOptions, type EngineOptions, type EngineOptionsInput } from './options.js';
import { startRestEndpoint, type RestEndpoint } from './rest/rest-server.js';
import { createStateMachine, type EngineSnapshot } from './state/engine-machine.js';
import { bindServer } from './transport/server.js';

/** A running reference engine. */
export interface RunningEngine {
  /** `host:port` for clients (ZEEBE_ADDRESS). */
  readonly address: string;
  readonly port: number;
  /** The REST endpoint's URL (Camunda user tasks), when enabled. */
  readonly restAddress: string | undefined;
  /** The OAuth token endpoint URL, when enabled. */
  readonly tokenEndpoint: string | undefined;
  readonly options: EngineOptions;
  /** Signs a JWT the engine accepts, carrying the given tenants (for tests and the suites' callers). */
  issueToken(subject: string, tenants: readonly string[], ttlSeconds?: number): Promise<string>;
  /** Drops every deployment, instance, job and incident; keys start again at 1 on every partition. */
  reset(): void;
  /** Counts of live instances and jobs, and the open incidents (the gateway API cannot list them). */
  inspect(): EngineSnapshot;
  /** Stops the gRPC server and the token endpoint; open streams are cut after a short grace period. */
  stop(): Promise<void>;
}

/** Starts the reference engine in-process (on an ephemeral loopback port unless told otherwise). */
export async function startEngine(input: EngineOptionsInput = {}): Promise<RunningEngine> {
  const options = resolveEngineOptions(input);
  const issuer = await createJwtIssuer(options.jwt);
  const enforcement = createEnforcement(options.profile, options.violate);
  const machine = createStateMachine({
    enforcement,
    multiTenancy: options.multiTenancy,
    partitions: options.topology.partitions,
    clock: options.clock,
  });
  let boundPort = 0;
  const authenticate = createAuthenticator({ authRequired: options.authRequired, staticTokens: options.staticTokens, jwt: issuer });
  const gateway = createGateway({ options, enforcement, port: () => boundPort, authenticate, machine });
  // grpc-js enforces the request size limit itself; violating that rule lifts the limit.
  const tooLarge = enforcement.statusOf('Gateway/RESOURCE_EXHAUSTED/message-too-large') !== 'OK';
  const server = await bindServer({ ...options, maxMessageSize: tooLarge ? options.maxMessageSize : -1 }, gateway);
  boundPort = server.port;
  let tokens: TokenEndpoint | undefined;
  let rest: RestEndpoint | undefined;
  try {
    tokens = options.oauth && (await startTokenEndpoint({ host: options.host, ...options.oauth, issuer, ttlSeconds: options.jwt.ttlSeconds }));
    rest = options.restPort === undefined ? undefined : await startRestEndpoint({ host: options.host, port: options.restPort, tls: options.tls, multiTenancy: options.multiTenancy, authenticate, machine });
  } catch (e) {
    await Promise.all([server.stop(), tokens?.stop()]);
    throw e;
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    address: `${host}:${server.port}`,
    port: server.port,
    restAddress: rest?.url,
    tokenEndpoint: tokens?.url,
    options,
    issueToken: (subject, tenants, ttl) => issuer.issue(subject, tenants, ttl),
    reset: () => machine.reset(),
    inspect: () => machine.inspect(),
    stop: async () => {
      machine.stop();
      await Promise.all([server.stop(), tokens?.stop(), rest?.stop()]);
    },
  };
}
