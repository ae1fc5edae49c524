import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Http2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { status } from '@grpc/grpc-js';
import { startProxy } from '../../proxy/index.js';
import { gatewayClient, scratchDir, unary } from './support.js';

/** A tiny HTTP/2 gRPC target that keeps each request's headers and answers UNIMPLEMENTED with its own message. */
async function headerTarget(): Promise<{ server: Http2Server; port: number; headers: IncomingHttpHeaders[] }> {
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer();
  server.on('stream', (stream, requestHeaders) => {
    headers.push(requestHeaders);
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(status.UNIMPLEMENTED), 'grpc-message': 'header target' }));
    stream.resume();
    stream.on('end', () => stream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, headers };
}

/** `grpc-timeout` (an integer and a unit) in milliseconds. */
function timeoutMs(value: string): number {
  const match = /^(\d{1,8})([HMSmun])$/.exec(value);
  assert.ok(match, `grpc-timeout ${value} is well formed`);
  const unit = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 1e-3, n: 1e-6 }[match[2] as 'H' | 'M' | 'S' | 'm' | 'u' | 'n'];
  return Number(match[1]) * unit;
}

describe('proxy: the client deadline reaches the target', function () {
  this.timeout(30_000);

  it('relays grpc-timeout as the client sent it, and adds none to a call without a deadline', async () => {
    const target = await headerTarget();
    const proxy = await startProxy({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: target.port }, record: `${scratchDir()}/deadline.jsonl` });
    const client = gatewayClient(proxy.address);
    try {
      const withDeadline = await unary(client, 'Topology', {}, undefined, { deadline: Date.now() + 60_000 });
      const without = await unary(client, 'Topology', {});
      for (const { error } of [withDeadline, without]) assert.deepEqual([error?.code, error?.details], [status.UNIMPLEMENTED, 'header target'], 'answered by the target');
      assert.equal(target.headers.length, 2);
      const sent = target.headers[0]?.['grpc-timeout'];
      assert.equal(typeof sent, 'string', 'the deadline reached the target');
      const ms = timeoutMs(String(sent));
      assert.ok(ms > 0 && ms <= 60_000, `grpc-timeout ${String(sent)} is within the client's deadline`);
      assert.equal(target.headers[1]?.['grpc-timeout'], undefined, 'no deadline invented');
      assert.equal(target.headers[0]?.[':path'], '/gateway_protocol.Gateway/Topology');
    } finally {
      client.close();
      await proxy.stop();
      await new Promise<void>((resolve) => target.server.close(() => resolve()));
    }
  });
});
