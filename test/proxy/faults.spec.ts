import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { startEngine } from '../../engine/index.js';
import { readCassette, startProxy } from '../../proxy/index.js';
import { startCliEngine } from '../support/cli.js';
import { within } from '../clients/support.js';
import { cassetteLines, gatewayClient, printed, scratchDir, serverStream, spawnCli, unary } from './support.js';

describe('proxy: faults', function () {
  this.timeout(40_000);

  it('the target killed mid-stream: the client gets UNAVAILABLE, the proxy serves the next call, the cassette stays valid', async () => {
    const cassette = join(scratchDir(), 'killed.jsonl');
    const first = await startCliEngine(['--port', '0']);
    const proxy = await startProxy({ host: '127.0.0.1', port: 0, target: { host: first.host, port: first.port }, record: cassette });
    const client = gatewayClient(proxy.address);
    try {
      const stream = serverStream(client, 'StreamActivatedJobs', { type: 'never', worker: 'w', timeout: '60000', fetchVariable: [], tenantIds: [] });
      const failed = new Promise<{ code: number; details: string }>((resolve) => stream.on('error', (e: { code: number; details: string }) => resolve(e)));
      await new Promise((r) => setTimeout(r, 300));
      first.kill();
      const error = await within(10_000, 'the stream to fail', failed);
      assert.equal(error.code, status.UNAVAILABLE, error.details);
      assert.match(error.details, /^proxy: the target closed the call without a status/);
      const refused = await unary(client, 'Topology', {});
      assert.equal(refused.error?.code, status.UNAVAILABLE, 'with the target down, calls are UNAVAILABLE');
      // Refused once the target's socket is gone; reset when the dying session still took the call.
      assert.match(refused.error.details, /^proxy: .*(ECONNREFUSED|ECONNRESET)/);
      const second = await startCliEngine(['--port', String(first.port)]);
      try {
        const { error: next, response } = await unary(client, 'Topology', {});
        assert.equal(next, null, 'the proxy relays the next call to the restarted target');
        assert.equal(response?.gatewayVersion, '8.5.0');
      } finally {
        await second.stop();
      }
    } finally {
      client.close();
      await proxy.stop();
      first.kill();
    }
    const [streamCall, down, topology] = readCassette(cassette).calls;
    assert.equal(down?.end?.by, 'proxy');
    assert.equal(streamCall?.end?.status, status.UNAVAILABLE);
    assert.equal(streamCall.end.by, 'proxy');
    assert.equal(topology?.end?.status, 0);
  });

  it('the proxy CLI killed with SIGKILL while recording leaves a cassette whose every line parses', async () => {
    const engine = await startEngine();
    const cassette = join(scratchDir(), 'sigkill.jsonl');
    const cli = spawnCli(['proxy', '--listen', '127.0.0.1:0', '--target', engine.address, '--record', cassette]);
    try {
      const [, address] = await printed(cli, /^zeebe-conformance proxy listening on (\S+) /m);
      const client = gatewayClient(address ?? '');
      const stream = serverStream(client, 'StreamActivatedJobs', { type: 'never', worker: 'w', timeout: '60000', fetchVariable: [], tenantIds: [] });
      stream.on('error', () => undefined);
      let sent = 0;
      const load = Array.from({ length: 8 }, async () => {
        for (;;) {
          const { error } = await unary(client, 'PublishMessage', { name: 'm', correlationKey: `k${sent++}`, timeToLive: '0', variables: '{"a":1}' });
          if (error !== null) return;
        }
      });
      while (sent < 300) await new Promise((r) => setTimeout(r, 20));
      cli.child.kill('SIGKILL');
      const exit = await cli.exited;
      assert.equal(exit.signal, 'SIGKILL');
      await Promise.all(load);
      client.close();
    } finally {
      cli.child.kill('SIGKILL');
      await engine.stop();
    }
    const text = readFileSync(cassette, 'utf8');
    assert.ok(text.endsWith('\n'), 'the file ends with a complete line');
    const lines = cassetteLines(cassette);
    assert.ok(lines.length > 300, `${lines.length} lines`);
    const calls = readCassette(cassette).calls;
    assert.ok(calls.filter((c) => c.end?.status === 0).length >= 100, 'completed calls are on disk');
    assert.equal(calls[0]?.end, undefined, 'the open stream is a call in flight');
  });
});
