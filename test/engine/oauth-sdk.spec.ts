import assert from 'node:assert/strict';
import { Camunda8 } from '@camunda8/sdk';
import { startEngine, type RunningEngine } from '../../engine/index.js';

/** A real client library configured for OAuth, unchanged, against the engine's own token endpoint. */
describe('OAuth client credentials with @camunda8/sdk', () => {
  let engine: RunningEngine;
  before(async () => {
    engine = await startEngine({
      authRequired: true,
      oauth: { port: 0, clients: [{ clientId: 'sdk-client', clientSecret: 'sdk-secret', tenants: ['<default>'] }] },
    });
  });
  after(() => engine.stop());

  function sdk(secret: string) {
    return new Camunda8({
      ZEEBE_GRPC_ADDRESS: engine.address,
      ZEEBE_CLIENT_ID: 'sdk-client',
      ZEEBE_CLIENT_SECRET: secret,
      CAMUNDA_OAUTH_URL: engine.tokenEndpoint!,
      ZEEBE_TOKEN_AUDIENCE: 'zeebe-api',
      CAMUNDA_AUTH_STRATEGY: 'OAUTH',
      CAMUNDA_SECURE_CONNECTION: false,
      CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
      CAMUNDA_LOG_LEVEL: 'none',
    }).getZeebeGrpcApiClient();
  }

  it('gets a token from the engine and calls Topology with it', async () => {
    const zeebe = sdk('sdk-secret');
    try {
      const topology = await zeebe.topology();
      assert.equal(topology.gatewayVersion, '8.5.0');
      assert.equal(topology.brokers.length, 1);
    } finally {
      await zeebe.close();
    }
  });

  it('gets no token with a wrong client secret, so the call fails', async () => {
    const zeebe = sdk('wrong-secret');
    try {
      await assert.rejects(zeebe.topology());
    } finally {
      await zeebe.close();
    }
  });
});
