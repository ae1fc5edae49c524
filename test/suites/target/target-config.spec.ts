import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  channelCredentialsOf,
  externalTargetGiven,
  resolveTargetConfig,
  TargetConfigError,
  type TargetFlags,
} from '../../../suites/target/target-config.js';

const TLS_DIR = fileURLToPath(new URL('../../fixtures/tls/', import.meta.url));
const fixture = (name: string): string => join(TLS_DIR, name);
const OAUTH_ENV = { ZEEBE_CLIENT_ID: 'app', ZEEBE_CLIENT_SECRET: 's3cret', ZEEBE_AUTHORIZATION_SERVER_URL: 'https://auth.example.test/oauth/token' };

const resolve = (flags: TargetFlags, env: NodeJS.ProcessEnv = {}): ReturnType<typeof resolveTargetConfig> => resolveTargetConfig(flags, env);

/** Asserts a one-line TargetConfigError matching `pattern`, that leaks no secret. */
function refuses(flags: TargetFlags, env: NodeJS.ProcessEnv, pattern: RegExp): void {
  assert.throws(
    () => resolveTargetConfig(flags, env),
    (e: unknown) => {
      assert.ok(e instanceof TargetConfigError, `a TargetConfigError, not ${String(e)}`);
      assert.match(e.message, pattern);
      assert.doesNotMatch(e.message, /\n/, 'one line');
      assert.doesNotMatch(e.message, /s3cret|tok-secret/, 'no secret');
      return true;
    },
  );
}

describe('target config: address', () => {
  it('takes --target, else ZEEBE_ADDRESS, else ZEEBE_GRPC_ADDRESS', () => {
    const env = { ZEEBE_ADDRESS: 'a:1', ZEEBE_GRPC_ADDRESS: 'b:2' };
    assert.equal(resolve({ target: 'flag:3' }, env).address, 'flag:3');
    assert.equal(resolve({}, env).address, 'a:1');
    assert.equal(resolve({}, { ZEEBE_GRPC_ADDRESS: 'b:2' }).address, 'b:2');
    assert.equal(resolve({}, { ZEEBE_ADDRESS: '', ZEEBE_GRPC_ADDRESS: 'b:2' }).address, 'b:2', 'an empty variable counts as unset');
  });

  it('gives a bare host port 26500 and keeps IPv6 brackets', () => {
    assert.equal(resolve({ target: 'zeebe.local' }).address, 'zeebe.local:26500');
    assert.equal(resolve({ target: '[::1]:26501' }).address, '[::1]:26501');
    assert.equal(resolve({ target: ' 10.0.0.1:26500 ' }).address, '10.0.0.1:26500');
  });

  it('strips grpc://, grpcs://, http:// and https://; the secure ones mean TLS', () => {
    assert.deepEqual(resolve({ target: 'grpc://gw:1' }), { ...resolve({ target: 'gw:1' }) });
    assert.equal(resolve({ target: 'http://gw:1/' }).tls, undefined);
    for (const target of ['grpcs://gw:443', 'https://gw:443/', 'GRPCS://gw:443']) {
      const config = resolve({ target });
      assert.equal(config.address, 'gw:443');
      assert.deepEqual(config.tls, {});
      assert.match(config.description, /^grpcs:\/\/gw:443 /);
    }
  });

  it('defaults to plaintext, no credentials, tenant <default>, and describes that', () => {
    const config = resolve({ target: 'gw:26500' });
    assert.deepEqual(config, {
      address: 'gw:26500',
      tls: undefined,
      oauth: undefined,
      authorizedTenant: '<default>',
      moreTenants: [],
      strangerTenant: 'tenant-b',
      stranger: undefined,
      description: "grpc://gw:26500 (no credentials, tenant '<default>')",
    });
  });

  it('reads more tenants of the authorized caller, each checked, and refuses the stranger\'s among them', () => {
    assert.deepEqual(resolve({ target: 'gw:26500', tenant: 'a', moreTenants: '<default>, b' }).moreTenants, ['<default>', 'b']);
    assert.throws(() => resolve({ target: 'gw:26500', moreTenants: 'ok,not ok' }), /--more-tenants 'not ok' is not a tenant id/);
    assert.throws(() => resolve({ target: 'gw:26500', tenant: 'a', moreTenants: 'tenant-b' }), /--more-tenants names 'tenant-b'/);
  });

  it('knows whether an external target is given at all', () => {
    assert.equal(externalTargetGiven({}, {}), false);
    assert.equal(externalTargetGiven({}, { ZEEBE_ADDRESS: '  ' }), false);
    assert.equal(externalTargetGiven({ target: 'gw' }, {}), true);
    assert.equal(externalTargetGiven({}, { ZEEBE_GRPC_ADDRESS: 'gw' }), true);
  });

  it('refuses no target, and addresses that are not host:port', () => {
    refuses({}, {}, /^no target: pass --target host:port or set ZEEBE_ADDRESS$/);
    refuses({ target: 'gw:port' }, {}, /^--target 'gw:port' is not host:port$/);
    refuses({}, { ZEEBE_ADDRESS: 'a:1:2' }, /^ZEEBE_ADDRESS 'a:1:2' is not host:port$/);
    refuses({ target: ':26500' }, {}, /is not host:port/);
    refuses({ target: 'gw:0' }, {}, /has port 0, outside 1-65535/);
    refuses({ target: 'gw:70000' }, {}, /has port 70000, outside 1-65535/);
    refuses({ target: 'https://gw:443/v1' }, {}, /is not host:port/);
    refuses({ target: 'dns:///gw:1' }, {}, /has scheme dns:\/\/; use host:port, or grpc:\/\//);
    refuses({ target: 'user@gw:1' }, {}, /is not host:port/);
  });
});

describe('target config: TLS', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'target-config-'));
    writeFileSync(join(dir, 'not-pem.txt'), 'hello');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('turns TLS on with --tls, ZEEBE_INSECURE_CONNECTION=false or CAMUNDA_SECURE_CONNECTION=true', () => {
    assert.deepEqual(resolve({ target: 'gw', tls: true }).tls, {});
    assert.deepEqual(resolve({ target: 'gw' }, { ZEEBE_INSECURE_CONNECTION: 'false' }).tls, {});
    assert.deepEqual(resolve({ target: 'gw' }, { CAMUNDA_SECURE_CONNECTION: 'TRUE' }).tls, {});
    assert.equal(resolve({ target: 'gw' }, { ZEEBE_INSECURE_CONNECTION: 'true', CAMUNDA_SECURE_CONNECTION: 'false' }).tls, undefined);
  });

  it('lets flags override the environment', () => {
    assert.equal(resolve({ target: 'gw', insecure: true }, { CAMUNDA_SECURE_CONNECTION: 'true' }).tls, undefined);
    assert.deepEqual(resolve({ target: 'grpcs://gw:1' }, { ZEEBE_INSECURE_CONNECTION: 'true' }).tls, {});
    assert.deepEqual(resolve({ tls: true }, { ZEEBE_ADDRESS: 'grpc://gw:1' }).tls, {});
    assert.equal(resolve({ target: 'gw', insecure: true }, { ZEEBE_CA_CERTIFICATE_PATH: fixture('ca.pem') }).tls, undefined, 'the CA in the environment goes unused');
  });

  it('reads the CA from --ca, ZEEBE_CA_CERTIFICATE_PATH or CAMUNDA_CUSTOM_ROOT_CERT_PATH; a CA implies TLS', () => {
    const ca = readFileSync(fixture('ca.pem'));
    assert.deepEqual(resolve({ target: 'gw', ca: fixture('ca.pem') }).tls, { ca });
    assert.deepEqual(resolve({ target: 'gw' }, { ZEEBE_CA_CERTIFICATE_PATH: fixture('ca.pem') }).tls, { ca });
    assert.deepEqual(resolve({ target: 'gw' }, { CAMUNDA_CUSTOM_ROOT_CERT_PATH: fixture('ca.pem') }).tls, { ca });
    assert.match(resolve({ target: 'gw', ca: fixture('ca.pem') }).description, /^grpcs:\/\/gw:26500 \(custom CA; /);
  });

  it('reads a client certificate and key from the flags or the environment', () => {
    const expected = { cert: readFileSync(fixture('client.pem')), key: readFileSync(fixture('client-key.pem')) };
    assert.deepEqual(resolve({ target: 'gw', tls: true, cert: fixture('client.pem'), key: fixture('client-key.pem') }).tls, expected);
    const env = { CAMUNDA_CUSTOM_CERT_CHAIN_PATH: fixture('client.pem'), CAMUNDA_CUSTOM_PRIVATE_KEY_PATH: fixture('client-key.pem') };
    const config = resolve({ target: 'gw' }, env);
    assert.deepEqual(config.tls, expected);
    assert.match(config.description, /\(client certificate; /);
  });

  it('makes grpc-js credentials: plaintext or TLS', () => {
    assert.equal(channelCredentialsOf(resolve({ target: 'gw' }))._isSecure(), false);
    assert.equal(channelCredentialsOf(resolve({ target: 'gw', ca: fixture('ca.pem') }))._isSecure(), true);
    assert.equal(channelCredentialsOf(resolve({ target: 'grpcs://gw' }))._isSecure(), true);
  });

  it('refuses contradicting choices', () => {
    refuses({ target: 'gw', tls: true, insecure: true }, {}, /^--tls and --insecure contradict each other; pass one$/);
    refuses({ target: 'grpcs://gw', insecure: true }, {}, /^the grpcs:\/\/ of --target asks for TLS, but --insecure for plaintext; drop one$/);
    refuses({}, { ZEEBE_ADDRESS: 'grpc://gw', CAMUNDA_SECURE_CONNECTION: 'true' }, /CAMUNDA_SECURE_CONNECTION=true asks for TLS, but the grpc:\/\/ of ZEEBE_ADDRESS for plaintext/);
    refuses({ target: 'gw' }, { ZEEBE_INSECURE_CONNECTION: 'true', CAMUNDA_SECURE_CONNECTION: 'true' }, /asks for TLS, but ZEEBE_INSECURE_CONNECTION=true for plaintext/);
    refuses({ target: 'gw', insecure: true, ca: fixture('ca.pem') }, {}, /^--ca is given, but --insecure asks for plaintext$/);
    refuses({ target: 'gw' }, { CAMUNDA_SECURE_CONNECTION: 'false', CAMUNDA_CUSTOM_ROOT_CERT_PATH: fixture('ca.pem') }, /^CAMUNDA_CUSTOM_ROOT_CERT_PATH is given, but CAMUNDA_SECURE_CONNECTION=false asks for plaintext$/);
    refuses({ target: 'gw' }, { CAMUNDA_SECURE_CONNECTION: 'yes' }, /^CAMUNDA_SECURE_CONNECTION must be true or false, not 'yes'$/);
  });

  it('refuses unreadable and broken files, and a certificate without its key', () => {
    refuses({ target: 'gw', ca: join(dir, 'missing.pem') }, {}, /^cannot read the CA certificate .*missing\.pem \(--ca\): ENOENT: no such file or directory/);
    refuses({ target: 'gw' }, { ZEEBE_CA_CERTIFICATE_PATH: dir }, /^cannot read the CA certificate .* \(ZEEBE_CA_CERTIFICATE_PATH\): EISDIR/);
    refuses({ target: 'gw', ca: join(dir, 'not-pem.txt') }, {}, /^the CA certificate .*not-pem\.txt \(--ca\) is not a PEM certificate: /);
    refuses({ target: 'gw', cert: fixture('client.pem') }, {}, /^a client certificate \(--cert\) needs its private key: --key or CAMUNDA_CUSTOM_PRIVATE_KEY_PATH$/);
    refuses({ target: 'gw' }, { CAMUNDA_CUSTOM_PRIVATE_KEY_PATH: fixture('client-key.pem') }, /^a client key \(CAMUNDA_CUSTOM_PRIVATE_KEY_PATH\) needs its certificate/);
    refuses({ target: 'gw', cert: fixture('client.pem'), key: fixture('server-key.pem') }, {}, /do not load: .*key values mismatch/);
    refuses({ target: 'gw', cert: fixture('client.pem'), key: join(dir, 'nope.pem') }, {}, /^cannot read the client key .*nope\.pem \(--key\)/);
  });
});

describe('target config: credentials and tenants', () => {
  it('reads an OAuth client the way Camunda clients do, and describes it without the secret', () => {
    const env = { ...OAUTH_ENV, ZEEBE_TOKEN_AUDIENCE: 'zeebe-api', ZEEBE_TOKEN_SCOPE: 'openid' };
    const config = resolve({ target: 'grpcs://gw:443' }, env);
    assert.deepEqual(config.oauth, { url: OAUTH_ENV.ZEEBE_AUTHORIZATION_SERVER_URL, clientId: 'app', clientSecret: 's3cret', audience: 'zeebe-api', scope: 'openid' });
    assert.equal(config.staticToken, undefined);
    assert.equal(config.description, "grpcs://gw:443 (OAuth client 'app', tenant '<default>')");
  });

  it('takes the SDK names CAMUNDA_OAUTH_URL and CAMUNDA_ZEEBE_OAUTH_AUDIENCE too', () => {
    const env = { ZEEBE_CLIENT_ID: 'app', ZEEBE_CLIENT_SECRET: 's3cret', CAMUNDA_OAUTH_URL: 'http://127.0.0.1:18080/oauth/token', CAMUNDA_ZEEBE_OAUTH_AUDIENCE: 'zeebe.camunda.io' };
    assert.deepEqual(resolve({ target: 'gw' }, env).oauth, { url: env.CAMUNDA_OAUTH_URL, clientId: 'app', clientSecret: 's3cret', audience: 'zeebe.camunda.io' });
  });

  it('takes a static token from --token or ZEEBE_TOKEN, and never prints it', () => {
    assert.equal(resolve({ target: 'gw', token: 'tok-secret' }).staticToken, 'tok-secret');
    const config = resolve({ target: 'gw' }, { ZEEBE_TOKEN: 'tok-secret' });
    assert.equal(config.staticToken, 'tok-secret');
    assert.equal(config.oauth, undefined);
    assert.equal(config.description, "grpc://gw:26500 (static token, tenant '<default>')");
  });

  it('lets --token override an OAuth client from the environment', () => {
    const config = resolve({ target: 'gw', token: 'tok-secret' }, OAUTH_ENV);
    assert.equal(config.oauth, undefined);
    assert.equal(config.staticToken, 'tok-secret');
  });

  it('takes the tenant from --tenant, ZEEBE_TENANT_ID or CAMUNDA_TENANT_ID', () => {
    assert.equal(resolve({ target: 'gw', tenant: 'acme' }, { ZEEBE_TENANT_ID: 'other' }).authorizedTenant, 'acme');
    assert.equal(resolve({ target: 'gw' }, { ZEEBE_TENANT_ID: 'z-1', CAMUNDA_TENANT_ID: 'c' }).authorizedTenant, 'z-1');
    assert.equal(resolve({ target: 'gw' }, { CAMUNDA_TENANT_ID: 'c.2' }).authorizedTenant, 'c.2');
  });

  it('configures a stranger by OAuth client (flags and environment mixed) or by token', () => {
    const env = { ...OAUTH_ENV, ZEEBE_STRANGER_CLIENT_SECRET: 'other-s3cret' };
    const config = resolve({ target: 'gw', strangerClientId: 'outsider', strangerTenant: 'tenant-c' }, env);
    assert.deepEqual(config.stranger, { oauth: { url: OAUTH_ENV.ZEEBE_AUTHORIZATION_SERVER_URL, clientId: 'outsider', clientSecret: 'other-s3cret' } });
    assert.equal(config.strangerTenant, 'tenant-c');
    assert.equal(config.description, "grpc://gw:26500 (OAuth client 'app', tenant '<default>'; stranger: OAuth client 'outsider', tenant 'tenant-c')");
    const byEnv = resolve({ target: 'gw' }, { ZEEBE_STRANGER_CLIENT_ID: 'o', ZEEBE_STRANGER_CLIENT_SECRET: 'x', CAMUNDA_OAUTH_URL: 'https://a.test/t', ZEEBE_STRANGER_TENANT_ID: 'tenant-d' });
    assert.equal(byEnv.stranger?.oauth?.clientId, 'o');
    assert.equal(byEnv.strangerTenant, 'tenant-d');
    assert.deepEqual(resolve({ target: 'gw', strangerToken: 'tok-secret' }).stranger, { token: 'tok-secret' });
    assert.deepEqual(resolve({ target: 'gw' }, { ZEEBE_STRANGER_TOKEN: 'tok-secret' }).stranger, { token: 'tok-secret' });
    assert.deepEqual(resolve({ target: 'gw', strangerToken: 'tok-secret' }, { ZEEBE_STRANGER_CLIENT_ID: 'o' }).stranger, { token: 'tok-secret' }, 'the flag wins');
  });

  it('refuses half an OAuth client, naming what is missing', () => {
    refuses({ target: 'gw' }, { ZEEBE_CLIENT_ID: 'app' }, /^the OAuth client is incomplete: ZEEBE_CLIENT_SECRET and ZEEBE_AUTHORIZATION_SERVER_URL \(or CAMUNDA_OAUTH_URL\) are not set$/);
    refuses({ target: 'gw' }, { ZEEBE_CLIENT_ID: 'app', ZEEBE_CLIENT_SECRET: 's3cret' }, /^the OAuth client is incomplete: ZEEBE_AUTHORIZATION_SERVER_URL \(or CAMUNDA_OAUTH_URL\) is not set$/);
    refuses({ target: 'gw' }, { ZEEBE_CLIENT_SECRET: 's3cret', CAMUNDA_OAUTH_URL: 'https://a.test' }, /^the OAuth client is incomplete: ZEEBE_CLIENT_ID is not set$/);
    refuses({ target: 'gw' }, { CAMUNDA_OAUTH_URL: 'https://a.test' }, /^CAMUNDA_OAUTH_URL is set, but no OAuth client: set ZEEBE_CLIENT_ID and ZEEBE_CLIENT_SECRET \(or pass --token\)$/);
    refuses({ target: 'gw', strangerClientId: 'o' }, OAUTH_ENV, /^the stranger's OAuth client is incomplete: --stranger-client-secret \(or ZEEBE_STRANGER_CLIENT_SECRET\) is not set$/);
  });

  it('refuses an auth server URL that is not an http(s) URL', () => {
    refuses({ target: 'gw' }, { ...OAUTH_ENV, ZEEBE_AUTHORIZATION_SERVER_URL: 'auth.example.test/token' }, /^ZEEBE_AUTHORIZATION_SERVER_URL 'auth\.example\.test\/token' is not a URL$/);
    refuses({ target: 'gw' }, { ...OAUTH_ENV, ZEEBE_AUTHORIZATION_SERVER_URL: 'ftp://auth.example.test/token' }, /is not an http:\/\/ or https:\/\/ URL$/);
  });

  it('refuses a token and client credentials given the same way', () => {
    refuses({ target: 'gw' }, { ...OAUTH_ENV, ZEEBE_TOKEN: 'tok-secret' }, /^ZEEBE_TOKEN and ZEEBE_CLIENT_ID are both given; configure a token or OAuth client credentials, not both$/);
    refuses({ target: 'gw', strangerToken: 't', strangerClientSecret: 'x' }, OAUTH_ENV, /^--stranger-token and --stranger-client-secret are both given/);
  });

  it('refuses bad tenant ids, and a stranger in the authorized tenant', () => {
    refuses({ target: 'gw', tenant: 'a b' }, {}, /^--tenant 'a b' is not a tenant id: <default>, or 1 to 31 of A-Z a-z 0-9 _ \. -$/);
    refuses({ target: 'gw' }, { ZEEBE_TENANT_ID: 'x'.repeat(32) }, /^ZEEBE_TENANT_ID 'x{32}' is not a tenant id/);
    refuses({ target: 'gw', tenant: 'tenant-b', strangerToken: 't' }, {}, /^the stranger's tenant 'tenant-b' is the authorized caller's tenant; the stranger needs another one \(--stranger-tenant\)$/);
    refuses({ target: 'gw', strangerTenant: '<default>' }, {}, /the stranger's tenant '<default>' is the authorized caller's tenant/);
    assert.equal(resolve({ target: 'gw', tenant: 'tenant-b' }).strangerTenant, 'tenant-b', 'no stranger configured: nothing to contradict');
  });
});
