import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials } from '@grpc/grpc-js';
import { startEngine } from '../../engine/index.js';
import { createGatewayClientConstructor } from '../../proto/load.js';
import { readCassette, startProxy, verifyCassette } from '../../proxy/index.js';
import { callTotalsOf } from '../../reports/index.js';
import { portOf, scratchDir, unary, type RawClient } from './support.js';

const TLS_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'tls');
const pem = (name: string) => readFileSync(join(TLS_DIR, name));

describe('proxy and replay verify with TLS on both sides', function () {
  this.timeout(30_000);

  it('a TLS client through a TLS proxy to a TLS engine is relayed and recorded; verify replays it over TLS', async () => {
    const tls = { cert: pem('server.pem'), key: pem('server-key.pem') };
    const engine = await startEngine({ tls });
    const cassette = join(scratchDir(), 'tls.jsonl');
    const proxy = await startProxy({ host: '127.0.0.1', port: 0, tls, target: { host: '127.0.0.1', port: portOf(engine.address), tls: { ca: pem('ca.pem'), servername: 'localhost' } }, record: cassette });
    try {
      const Ctor = createGatewayClientConstructor();
      const client = new Ctor(proxy.address, credentials.createSsl(pem('ca.pem'))) as unknown as RawClient;
      const { error, response } = await unary(client, 'Topology', {});
      client.close();
      assert.equal(error, null);
      assert.equal(response?.gatewayVersion, '8.5.0');
    } finally {
      await proxy.stop();
    }
    try {
      const [call] = readCassette(cassette).calls;
      assert.equal(call?.end?.status, 0);
      const results = await verifyCassette(readCassette(cassette), { target: { host: '127.0.0.1', port: portOf(engine.address), tls: { ca: pem('ca.pem') } }, noise: [], metadata: {}, waitMs: 1000, kit: { name: 'kit', version: '0' } });
      assert.deepEqual(callTotalsOf(results.calls), { calls: 1, matched: 1, mismatched: 0, skipped: 0 });
    } finally {
      await engine.stop();
    }
  });
});
