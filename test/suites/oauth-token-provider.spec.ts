import assert from 'node:assert/strict';
import nock from 'nock';
import { useNockWithLoopback } from '../support/nock-loopback.js';
import { createTokenProvider } from '../../suites/target/oauth-token-provider.js';
import { startEngine } from '../../engine/index.js';
import { createGatewayClient } from '../../suites/harness/client.js';

const URL_BASE = 'http://auth.example.test';
const settings = { url: `${URL_BASE}/oauth/token`, clientId: 'id', clientSecret: 'secret', audience: 'zeebe-api' };

/** Token handling against an OAuth server's HTTP answers (nock), then against the engine's real endpoint. */
describe('OAuth token provider', () => {
  useNockWithLoopback();

  it('sends the client-credentials form and caches the token until shortly before expiry', async () => {
    let now = 0;
    const scope = nock(URL_BASE)
      .post('/oauth/token', (body: Record<string, string>) => body['grant_type'] === 'client_credentials' && body['client_id'] === 'id' && body['audience'] === 'zeebe-api')
      .reply(200, { access_token: 'first', token_type: 'Bearer', expires_in: 120 })
      .post('/oauth/token')
      .reply(200, { access_token: 'second', expires_in: 120 });
    const provider = createTokenProvider({ ...settings, refreshMarginMs: 30_000 }, () => now);
    assert.equal(await provider.token(), 'first');
    now = 89_000;
    assert.equal(await provider.token(), 'first', 'still cached 31 s before expiry');
    now = 91_000;
    assert.equal(await provider.token(), 'second', 'refreshed within the 30 s margin');
    assert.ok(scope.isDone());
  });

  it('shares one request between concurrent callers', async () => {
    const scope = nock(URL_BASE).post('/oauth/token').once().reply(200, { access_token: 'shared', expires_in: 600 });
    const provider = createTokenProvider(settings);
    const tokens = await Promise.all([provider.token(), provider.token(), provider.token()]);
    assert.deepEqual(tokens, ['shared', 'shared', 'shared']);
    assert.ok(scope.isDone());
  });

  it('reports an error answer with its status and body, then retries on the next call', async () => {
    nock(URL_BASE).post('/oauth/token').reply(401, { error: 'invalid_client' }).post('/oauth/token').reply(200, { access_token: 'ok', expires_in: 60 });
    const provider = createTokenProvider(settings);
    await assert.rejects(provider.token(), /answered 401: \{"error":"invalid_client"\}/);
    assert.equal(await provider.token(), 'ok');
  });

  it('refuses an answer without an access token, and one that is not JSON', async () => {
    nock(URL_BASE).post('/oauth/token').reply(200, { token_type: 'Bearer' }).post('/oauth/token').reply(200, '<html>');
    const provider = createTokenProvider(settings);
    await assert.rejects(provider.token(), /without an access_token/);
    await assert.rejects(provider.token(), /not JSON/);
  });

  it('gets a token from the engine endpoint that the engine accepts, and is refused with a wrong secret', async () => {
    const engine = await startEngine({ authRequired: true, oauth: { port: 0, clients: [{ clientId: 'kit', clientSecret: 'kit-secret', tenants: [] }] } });
    const client = createGatewayClient({ address: engine.address });
    try {
      const token = await createTokenProvider({ url: engine.tokenEndpoint!, clientId: 'kit', clientSecret: 'kit-secret' }).token();
      assert.equal((await client.call('Topology', {}, { token })).status, 'OK');
      await assert.rejects(createTokenProvider({ url: engine.tokenEndpoint!, clientId: 'kit', clientSecret: 'nope' }).token(), /answered 401/);
    } finally {
      client.close();
      await engine.stop();
    }
  });
});
