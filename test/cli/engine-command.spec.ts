import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { credentials } from '@grpc/grpc-js';
import { DEFAULT_OAUTH_CLIENT } from '../../cli/engine-config.js';
import { validRequest } from '../../suites/cases/valid-requests.js';
import { createGatewayClient, type CallOutcome, type GatewayClient } from '../../suites/harness/client.js';
import { REPO_ROOT, startCliEngine, type CliEngine } from '../support/cli.js';

const TLS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'tls');

/** The Topology answer's field the tests look at. */
function gatewayVersionOf(outcome: CallOutcome): unknown {
  const [response] = outcome.responses;
  return (response as { gatewayVersion?: unknown } | undefined)?.gatewayVersion;
}

/** A client that is closed whatever happens in `use`. */
async function withClient<T>(client: GatewayClient, use: (client: GatewayClient) => Promise<T>): Promise<T> {
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

/** `zeebe-conformance engine`, run from source as a user runs it, reached over real gRPC. */
describe('zeebe-conformance engine', function () {
  this.timeout(20_000);

  describe('plaintext, stopped by a signal', () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it(`prints its address and token endpoint, answers Topology, and exits 0 on ${signal}`, async () => {
        const engine = await startCliEngine(['--port', '0']);
        try {
          assert.equal(engine.transport, 'plaintext');
          assert.equal(engine.host, '127.0.0.1');
          assert.ok(engine.port > 0 && engine.port < 65536, `port ${engine.port}`);
          assert.match(engine.tokenEndpoint, /^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
          assert.match(engine.output().stdout, /^ {2}profile documented, multi-tenancy off, auth optional$/m);
          const client = createGatewayClient({ address: engine.address });
          try {
            const topology = await client.call('Topology', {});
            assert.equal(topology.status, 'OK', topology.details);
            assert.equal(gatewayVersionOf(topology), '8.5.0');
            // The client stays connected: a signal must stop the engine even with an open channel.
            const started = Date.now();
            const exit = await engine.stop(signal, 5_000);
            assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 0, signal: null }, exit.stderr);
            assert.ok(Date.now() - started < 5_000);
            assert.match(exit.stdout, new RegExp(`^${signal}: stopping$`, 'm'));
            assert.equal(exit.stderr, '');
          } finally {
            client.close();
          }
        } finally {
          engine.kill();
        }
      });
    }
  });

  describe('--tls-cert and --tls-key', () => {
    let engine: CliEngine;
    const caPem = readFileSync(join(TLS_DIR, 'ca.pem'));
    before(async () => {
      engine = await startCliEngine(['--port', '0', '--tls-cert', join(TLS_DIR, 'server.pem'), '--tls-key', join(TLS_DIR, 'server-key.pem')]);
    });
    after(() => engine.kill());

    it('says TLS when it comes up', () => {
      assert.equal(engine.transport, 'TLS');
      assert.match(engine.output().stdout, /listening on 127\.0\.0\.1:\d+ \(TLS\)$/m);
    });

    it('answers Topology to a gRPC client that trusts the test CA', async () => {
      const topology = await withClient(createGatewayClient({ address: `localhost:${engine.port}`, credentials: credentials.createSsl(caPem) }), (c) =>
        c.call('Topology', {}),
      );
      assert.equal(topology.status, 'OK', topology.details);
      assert.equal(gatewayVersionOf(topology), '8.5.0');
    });

    it('presents a certificate valid for 127.0.0.1 too (IP SAN)', async () => {
      // node:tls, not grpc-js: grpc-js sends an IP as TLS server name, which Node deprecates (DEP0123).
      const authorized = await new Promise<boolean>((resolve, reject) => {
        const socket = connectTls({ host: '127.0.0.1', port: engine.port, ca: caPem, ALPNProtocols: ['h2'], timeout: 5_000 }, () => {
          resolve(socket.authorized);
          socket.destroy();
        });
        socket.once('error', reject);
        socket.once('timeout', () => reject(new Error('TLS handshake timed out')));
      });
      assert.equal(authorized, true);
    });

    it('does not answer a plaintext client', async () => {
      const topology = await withClient(createGatewayClient({ address: engine.address }), (c) =>
        c.call('Topology', {}, { deadlineMs: 3_000 }),
      );
      assert.notEqual(topology.status, 'OK');
      assert.deepEqual(topology.responses, []);
    });

    it('does not answer a TLS client that trusts another CA (the system roots)', async () => {
      const topology = await withClient(createGatewayClient({ address: `localhost:${engine.port}`, credentials: credentials.createSsl() }), (c) =>
        c.call('Topology', {}, { deadlineMs: 3_000 }),
      );
      assert.equal(topology.status, 'UNAVAILABLE');
    });
  });

  describe('--config', () => {
    const STATIC_TOKEN = 'config-token';
    let dir: string;
    let engine: CliEngine;
    let client: GatewayClient;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-cli-'));
      const file = join(dir, 'engine.json');
      writeFileSync(
        file,
        JSON.stringify({
          multiTenancy: true,
          authRequired: true,
          staticTokens: [{ token: STATIC_TOKEN, subject: 'configured', tenants: ['tenant-a'] }],
          topology: { gatewayVersion: '8.5.9', partitions: 3 },
        }),
      );
      engine = await startCliEngine(['--port', '0', '--config', file]);
      client = createGatewayClient({ address: engine.address });
    });
    after(() => {
      client.close();
      engine.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    const publish = (tenantId: string, token?: string) =>
      client.call('PublishMessage', { ...validRequest('PublishMessage', true), tenantId }, token === undefined ? {} : { token });

    it('prints the configured settings', () => {
      assert.match(engine.output().stdout, /^ {2}profile documented, multi-tenancy on, auth required$/m);
    });

    it('requires a token (authRequired)', async () => {
      const missing = await client.call('Topology', {});
      assert.equal(missing.status, 'UNAUTHENTICATED');
      assert.equal(missing.ruleId, 'Gateway/UNAUTHENTICATED/missing-token');
      assert.equal((await client.call('Topology', {}, { token: 'not-configured' })).status, 'UNAUTHENTICATED');
    });

    it("accepts the static token and serves the configured topology", async () => {
      const topology = await client.call('Topology', {}, { token: STATIC_TOKEN });
      assert.equal(topology.status, 'OK', topology.details);
      assert.equal(gatewayVersionOf(topology), '8.5.9');
      assert.equal((topology.responses[0] as { partitionsCount?: unknown }).partitionsCount, 3);
    });

    it("checks the static token's tenants (multiTenancy)", async () => {
      const denied = await publish('tenant-b', STATIC_TOKEN);
      assert.equal(denied.status, 'PERMISSION_DENIED');
      assert.equal(denied.ruleId, 'PublishMessage/tenant/mt-on-unauthorized');
      const allowed = await publish('tenant-a', STATIC_TOKEN);
      assert.equal(allowed.ruleId, undefined, `${allowed.status}: ${allowed.details}`);
    });

    it('lets a flag override the file', async () => {
      const overridden = await startCliEngine(['--port', '0', '--config', join(dir, 'engine.json'), '--profile', 'zeebe-8.5']);
      try {
        assert.match(overridden.output().stdout, /^ {2}profile zeebe-8\.5, multi-tenancy on, auth required$/m);
      } finally {
        overridden.kill();
      }
    });
  });

  describe('--profile', () => {
    let documented: CliEngine;
    let zeebe85: CliEngine;
    before(async () => {
      [documented, zeebe85] = await Promise.all([
        startCliEngine(['--port', '0']),
        startCliEngine(['--port', '0', '--profile', 'zeebe-8.5']),
      ]);
    });
    after(() => {
      documented.kill();
      zeebe85.kill();
    });

    const broadcast = (engine: CliEngine) =>
      withClient(createGatewayClient({ address: engine.address }), (c) =>
        c.call('BroadcastSignal', { ...validRequest('BroadcastSignal', false), tenantId: 'x' }),
      );

    it('answers a tenant under multi-tenancy off on BroadcastSignal as the page says by default (NOT_FOUND)', async () => {
      assert.match(documented.output().stdout, /^ {2}profile documented,/m);
      const outcome = await broadcast(documented);
      assert.equal(outcome.status, 'NOT_FOUND');
      assert.equal(outcome.ruleId, 'BroadcastSignal/tenant/mt-off-not-default');
    });

    it('answers it as Zeebe 8.5 does with --profile zeebe-8.5 (INVALID_ARGUMENT)', async () => {
      assert.match(zeebe85.output().stdout, /^ {2}profile zeebe-8\.5,/m);
      const outcome = await broadcast(zeebe85);
      assert.equal(outcome.status, 'INVALID_ARGUMENT');
      assert.equal(outcome.ruleId, 'BroadcastSignal/tenant/mt-off-not-default');
    });
  });

  describe('the printed OAuth token endpoint', () => {
    let engine: CliEngine;
    let client: GatewayClient;
    before(async () => {
      engine = await startCliEngine(['--port', '0', '--auth-required', '--multi-tenancy']);
      client = createGatewayClient({ address: engine.address });
    });
    after(() => {
      client.close();
      engine.kill();
    });

    const requestToken = (form: Record<string, string>): Promise<Response> =>
      fetch(engine.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(5_000),
      });

    it('issues a token to the default client, which the engine accepts with its tenants', async () => {
      const response = await requestToken({
        grant_type: 'client_credentials',
        client_id: DEFAULT_OAUTH_CLIENT.clientId,
        client_secret: DEFAULT_OAUTH_CLIENT.clientSecret,
      });
      assert.equal(response.status, 200);
      const body = (await response.json()) as { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
      assert.equal(body.token_type, 'Bearer');
      assert.equal(typeof body.expires_in, 'number');
      const token = body.access_token;
      assert.ok(typeof token === 'string' && token.split('.').length === 3, `access_token ${String(token)}`);

      const topology = await client.call('Topology', {}, { token });
      assert.equal(topology.status, 'OK', topology.details);
      assert.equal(gatewayVersionOf(topology), '8.5.0');
      // The default client holds `<default>` only.
      assert.deepEqual(DEFAULT_OAUTH_CLIENT.tenants, ['<default>']);
      const own = await client.call('PublishMessage', { ...validRequest('PublishMessage', true), tenantId: '<default>' }, { token });
      assert.equal(own.ruleId, undefined, `${own.status}: ${own.details}`);
      const other = await client.call('PublishMessage', { ...validRequest('PublishMessage', true), tenantId: 'tenant-a' }, { token });
      assert.equal(other.status, 'PERMISSION_DENIED');
    });

    it('refuses a wrong secret', async () => {
      const response = await requestToken({
        grant_type: 'client_credentials',
        client_id: DEFAULT_OAUTH_CLIENT.clientId,
        client_secret: `${DEFAULT_OAUTH_CLIENT.clientSecret}-wrong`,
      });
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { error: 'invalid_client' });
    });
  });
});
