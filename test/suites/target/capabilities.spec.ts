import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startEngine, type EngineOptionsInput, type RunningEngine } from '../../../engine/index.js';
import { createGatewayClient, type GatewayClient } from '../../../suites/harness/client.js';
import { detectCapabilities, TargetUnreachableError, type Capabilities } from '../../../suites/target/capabilities.js';
import { channelCredentialsOf, createTargetTokens, resolveTargetConfig } from '../../../suites/target/target-config.js';

const tlsFixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url));
/** What the reference engine does not implement yet: it answers UNIMPLEMENTED after every gateway check passed. */
const ENGINE_UNIMPLEMENTED: string[] = [];
/** What an engine holds before anything was deployed or started. */
const UNTOUCHED = { instances: 0, jobs: 0, messages: 0, incidents: [], userTasks: [], compensations: 0 };

/** Runs `body` with an engine and a plaintext client for it, then stops both. */
async function withEngine(options: EngineOptionsInput, body: (engine: RunningEngine, client: GatewayClient) => Promise<void>): Promise<void> {
  const engine = await startEngine(options);
  const client = createGatewayClient({ address: engine.address });
  try {
    await body(engine, client);
  } finally {
    client.close();
    await engine.stop();
  }
}

/** Asserts that `promise` fails with a one-line TargetUnreachableError matching `pattern`. */
async function unreachable(promise: Promise<Capabilities>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof TargetUnreachableError, `a TargetUnreachableError, not ${String(e)}`);
    assert.match(e.message, pattern);
    assert.doesNotMatch(e.message, /\n/);
    return true;
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Capability detection over gRPC against real engines in each setting. */
describe('detectCapabilities', () => {
  it('reads a plain engine: version, partitions, brokers, no multi-tenancy, no auth, the RPCs it lacks', async () => {
    await withEngine({ topology: { partitions: 3, brokers: 2, replicationFactor: 1, gatewayVersion: '8.5.7' } }, async (engine, client) => {
      const caps = await detectCapabilities(client, { authorized: undefined }, { address: engine.address });
      assert.deepEqual(caps, { gatewayVersion: '8.5.7', partitions: 3, brokers: 2, multiTenancy: false, authRequired: false, unimplemented: ENGINE_UNIMPLEMENTED });
      assert.deepEqual(engine.inspect(), UNTOUCHED, 'the probes changed nothing');
    });
  });

  it('sees multi-tenancy on, and probes with the caller tenant so the unimplemented RPCs still show', async () => {
    await withEngine({ multiTenancy: true }, async (engine, client) => {
      const authorized = await engine.issueToken('kit', ['tenant-a']);
      const caps = await detectCapabilities(client, { authorized }, { tenantId: 'tenant-a' });
      assert.equal(caps.multiTenancy, true);
      assert.equal(caps.authRequired, false);
      assert.deepEqual(caps.unimplemented, ENGINE_UNIMPLEMENTED);
      assert.deepEqual(engine.inspect(), UNTOUCHED);
    });
  });

  it('sees that auth is required, and explains a missing or refused token', async () => {
    await withEngine({ authRequired: true, staticTokens: [{ token: 'secret-a', subject: 'kit', tenants: ['<default>'] }] }, async (engine, client) => {
      const caps = await detectCapabilities(client, { authorized: 'secret-a' });
      assert.equal(caps.authRequired, true);
      assert.equal(caps.multiTenancy, false);
      assert.deepEqual(caps.unimplemented, ENGINE_UNIMPLEMENTED);
      const where = engine.address.replace(/\./g, '\\.');
      await unreachable(
        detectCapabilities(client, { authorized: undefined }, { address: engine.address }),
        new RegExp(`^the gateway at ${where} requires credentials: Topology answered UNAUTHENTICATED .*; set ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET and ZEEBE_AUTHORIZATION_SERVER_URL, or pass --token$`),
      );
      await unreachable(detectCapabilities(client, { authorized: 'wrong' }), /^the target refused the configured credentials: Topology answered UNAUTHENTICATED/);
    });
  });

  it('works with OAuth end to end: configuration, the engine token endpoint, detection', async () => {
    const oauth = { port: 0, clients: [{ clientId: 'kit', clientSecret: 'kit-secret', tenants: ['<default>'] }] };
    await withEngine({ authRequired: true, oauth }, async (engine, client) => {
      const env = { ZEEBE_ADDRESS: engine.address, ZEEBE_CLIENT_ID: 'kit', ZEEBE_CLIENT_SECRET: 'kit-secret', CAMUNDA_OAUTH_URL: engine.tokenEndpoint! };
      const tokens = await createTargetTokens(resolveTargetConfig({}, env)).tokens();
      const caps = await detectCapabilities(client, tokens);
      assert.equal(caps.authRequired, true);
      assert.deepEqual(caps.unimplemented, ENGINE_UNIMPLEMENTED);
    });
  });

  it('reaches a TLS engine through the resolved configuration (localhost, the fixture CA)', async () => {
    const tls = { cert: readFileSync(tlsFixture('server.pem')), key: readFileSync(tlsFixture('server-key.pem')) };
    const engine = await startEngine({ tls });
    const config = resolveTargetConfig({ target: `localhost:${engine.port}`, ca: tlsFixture('ca.pem') }, {});
    const client = createGatewayClient({ address: config.address, credentials: channelCredentialsOf(config) });
    const plain = createGatewayClient({ address: config.address });
    try {
      const caps = await detectCapabilities(client, await createTargetTokens(config).tokens(), { address: config.address });
      assert.equal(caps.gatewayVersion, '8.5.0');
      assert.deepEqual(caps.unimplemented, ENGINE_UNIMPLEMENTED);
      await unreachable(detectCapabilities(plain, { authorized: undefined }, { address: config.address, deadlineMs: 2000 }), /^cannot reach the gateway at localhost:\d+: Topology answered (UNAVAILABLE|DEADLINE_EXCEEDED)/);
    } finally {
      client.close();
      plain.close();
      await engine.stop();
    }
  });

  it('fails fast and in one line when nothing listens at the address', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const client = createGatewayClient({ address });
    const started = Date.now();
    try {
      await unreachable(detectCapabilities(client, { authorized: undefined }, { address }), new RegExp(`^cannot reach the gateway at ${address.replace(/\./g, '\\.')}: Topology answered UNAVAILABLE`));
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    } finally {
      client.close();
    }
  });
});
