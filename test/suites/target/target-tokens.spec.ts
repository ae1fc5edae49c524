import assert from 'node:assert/strict';
import nock from 'nock';
import { useNockWithLoopback } from '../../support/nock-loopback.js';
import { startEngine } from '../../../engine/index.js';
import { createGatewayClient } from '../../../suites/harness/client.js';
import { createTargetTokens, resolveTargetConfig, TargetConfigError } from '../../../suites/target/target-config.js';

const AUTH = 'http://auth.example.test';
const OAUTH_ENV = { ZEEBE_ADDRESS: 'gw:26500', ZEEBE_CLIENT_ID: 'app', ZEEBE_CLIENT_SECRET: 'app-secret', ZEEBE_AUTHORIZATION_SERVER_URL: `${AUTH}/oauth/token`, ZEEBE_TOKEN_AUDIENCE: 'zeebe-api' };

/** The callers' tokens from a resolved configuration: OAuth against an HTTP double (nock), static, none, bogus. */
describe('target tokens', () => {
  useNockWithLoopback();

  it('fetches the authorized and the stranger token from the OAuth server, each with its own client, once', async () => {
    const form = (id: string) => (body: Record<string, string>) => body['grant_type'] === 'client_credentials' && body['client_id'] === id && body['audience'] === 'zeebe-api';
    const scope = nock(AUTH)
      .post('/oauth/token', form('app'))
      .once()
      .reply(200, { access_token: 'authorized-jwt', expires_in: 300 })
      .post('/oauth/token', form('outsider'))
      .once()
      .reply(200, { access_token: 'stranger-jwt', expires_in: 300 });
    const config = resolveTargetConfig({ strangerClientId: 'outsider', strangerClientSecret: 'outsider-secret' }, OAUTH_ENV);
    const tokens = createTargetTokens(config);
    const first = await tokens.tokens();
    assert.equal(first.authorized, 'authorized-jwt');
    assert.equal(first.stranger, 'stranger-jwt');
    assert.equal(first.anonymous, undefined);
    assert.deepEqual(await tokens.tokens(), first, 'cached: no second request');
    assert.ok(scope.isDone());
  });

  it('hands out static tokens as they are, and nothing without credentials', async () => {
    const withTokens = await createTargetTokens(resolveTargetConfig({ target: 'gw', token: 'static-a', strangerToken: 'static-b' }, {})).tokens();
    assert.equal(withTokens.authorized, 'static-a');
    assert.equal(withTokens.stranger, 'static-b');
    const none = await createTargetTokens(resolveTargetConfig({ target: 'gw' }, {})).tokens();
    assert.equal(none.authorized, undefined);
    assert.equal(none.stranger, undefined);
    assert.equal(none.anonymous, undefined);
  });

  it('reports a refused OAuth client as a one-line TargetConfigError naming the caller, not the secret', async () => {
    nock(AUTH).post('/oauth/token').reply(401, { error: 'invalid_client', error_description: 'bad\nsecret' });
    const tokens = createTargetTokens(resolveTargetConfig({}, OAUTH_ENV));
    await assert.rejects(tokens.tokens(), (e: unknown) => {
      assert.ok(e instanceof TargetConfigError);
      assert.match(e.message, /^no token for the authorized caller \(OAuth client 'app'\): OAuth token request to http:\/\/auth\.example\.test\/oauth\/token answered 401: /);
      assert.doesNotMatch(e.message, /\n|app-secret/);
      return true;
    });
  });

  it('makes the invalid-token caller a well-formed JWT that a gateway checking tokens refuses', async () => {
    const { 'invalid-token': bogus } = await createTargetTokens(resolveTargetConfig({ target: 'gw' }, {})).tokens();
    assert.ok(bogus !== undefined);
    const [header, claims, signature] = bogus.split('.');
    assert.deepEqual(JSON.parse(Buffer.from(header!, 'base64url').toString()), { alg: 'RS256', typ: 'JWT', kid: 'zeebe-conformance-bogus-key' });
    assert.ok((JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { exp: number }).exp > Date.now() / 1000, 'not merely expired');
    assert.equal(Buffer.from(signature!, 'base64url').length, 256);
    const engine = await startEngine({ staticTokens: [{ token: 'good', subject: 's', tenants: [] }] });
    const client = createGatewayClient({ address: engine.address });
    try {
      assert.equal((await client.call('Topology', {}, { token: bogus })).status, 'UNAUTHENTICATED');
      assert.equal((await client.call('Topology', {}, { token: 'good' })).status, 'OK');
    } finally {
      client.close();
      await engine.stop();
    }
  });
});
