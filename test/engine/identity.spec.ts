import assert from 'node:assert/strict';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { validRequest } from '../../suites/cases/valid-requests.js';
import { createGatewayClient, type GatewayClient } from '../../suites/harness/client.js';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Callers identified by bearer tokens: static tokens, the engine's JWTs, and every way a token can be bad. */
describe('engine identity', () => {
  let engine: RunningEngine;
  let other: RunningEngine;
  let client: GatewayClient;
  before(async () => {
    engine = await startEngine({
      multiTenancy: true,
      authRequired: true,
      staticTokens: [{ token: 'static-a', subject: 'a', tenants: ['tenant-a'] }],
    });
    other = await startEngine();
    client = createGatewayClient({ address: engine.address });
  });
  after(async () => {
    client.close();
    await Promise.all([engine.stop(), other.stop()]);
  });

  const publish = (tenantId: string, token: string | undefined) =>
    client.call('PublishMessage', { ...validRequest('PublishMessage', true), tenantId }, token === undefined ? {} : { token });

  it('lets a static-token caller use its tenant, and denies another tenant', async () => {
    assert.equal((await publish('tenant-a', 'static-a')).ruleId, undefined);
    const denied = await publish('tenant-b', 'static-a');
    assert.equal(denied.status, 'PERMISSION_DENIED');
    assert.equal(denied.ruleId, 'PublishMessage/tenant/mt-on-unauthorized');
  });

  it('lets a JWT caller use the tenants in its token, and denies the others', async () => {
    const token = await engine.issueToken('jwt-caller', ['tenant-b']);
    assert.equal((await publish('tenant-b', token)).ruleId, undefined);
    assert.equal((await publish('tenant-a', token)).status, 'PERMISSION_DENIED');
  });

  it('calls Topology with any valid token, and refuses a call without one', async () => {
    assert.equal((await client.call('Topology', {}, { token: 'static-a' })).status, 'OK');
    const missing = await client.call('Topology', {});
    assert.equal(missing.status, 'UNAUTHENTICATED');
    assert.equal(missing.ruleId, 'Gateway/UNAUTHENTICATED/missing-token');
  });

  const badTokens: [string, () => Promise<string>][] = [
    ['an expired JWT', () => engine.issueToken('late', ['tenant-a'], -60)],
    ['a JWT signed by another engine', () => other.issueToken('stranger', ['tenant-a'])],
    ['an unsigned JWT (alg: none)', () => Promise.resolve(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', tenants: ['tenant-a'], iss: 'zeebe-conformance-engine', aud: 'zeebe-api', exp: 9999999999 })}.`)],
    ['a JWT whose payload was edited', async () => {
      const [header, , signature] = (await engine.issueToken('x', ['tenant-b'])).split('.');
      return `${header}.${base64url({ sub: 'x', tenants: ['tenant-a'], iss: 'zeebe-conformance-engine', aud: 'zeebe-api', exp: 9999999999 })}.${signature}`;
    }],
    ['an unknown static token', () => Promise.resolve('static-b')],
  ];
  for (const [title, make] of badTokens) {
    it(`refuses ${title} as UNAUTHENTICATED`, async () => {
      const outcome = await publish('tenant-a', await make());
      assert.equal(outcome.status, 'UNAUTHENTICATED');
      assert.equal(outcome.ruleId, 'Gateway/UNAUTHENTICATED/invalid-token');
    });
  }

  it('refuses an authorization header that is not a bearer token', async () => {
    const outcome = await client.call('Topology', {}, { token: '' });
    assert.equal(outcome.status, 'UNAUTHENTICATED');
  });
});
