import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Client, credentials, Metadata, Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { readCassette, serveCassette, startProxy } from '../../proxy/index.js';
import { portOf, scratchDir } from './support.js';

const ECHO = '/other.Service/Echo';
const identity = (b: Buffer): Buffer => b;

/** A gRPC server of another service: echoes bytes with headers and trailers, or fails with rich error details. */
async function otherServer(): Promise<{ address: string; stop(): void }> {
  const server = new Server();
  server.register(
    ECHO,
    (call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) => {
      const headers = new Metadata();
      headers.set('x-echo-header', String(call.metadata.get('x-request-tag')[0] ?? 'none'));
      call.sendMetadata(headers);
      const trailers = new Metadata();
      trailers.set('x-custom-trailer', 'kept');
      if (call.request.toString() === 'fail') {
        trailers.set('grpc-status-details-bin', Buffer.from([8, 9, 18, 3, 98, 97, 100]));
        callback({ code: status.FAILED_PRECONDITION, details: 'echo refuses: 100% sure', metadata: trailers });
      } else callback(null, Buffer.concat([Buffer.from('echo:'), call.request]), trailers);
    },
    identity,
    identity,
    'unary',
  );
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

interface Answer {
  readonly error: ServiceError | null;
  readonly response: Buffer | undefined;
  readonly headers: Metadata | undefined;
  readonly trailers: Metadata | undefined;
}

function echo(address: string, body: string): Promise<Answer> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set('x-request-tag', 'tag-1');
  let headers: Metadata | undefined;
  let trailers: Metadata | undefined;
  return new Promise((resolve) => {
    const call = client.makeUnaryRequest(ECHO, identity, identity, Buffer.from(body), metadata, (error: ServiceError | null, response?: Buffer) => {
      setImmediate(() => {
        client.close();
        resolve({ error, response, headers, trailers });
      });
    });
    call.on('metadata', (m: Metadata) => (headers = m));
    call.on('status', (s: { metadata: Metadata }) => (trailers = s.metadata));
  });
}

describe('proxy: methods gateway.proto does not know pass through as raw bytes', function () {
  this.timeout(20_000);

  it('relays and records bytes, headers, trailers, status and grpc-status-details-bin; replay serve answers them back', async () => {
    const target = await otherServer();
    const cassette = join(scratchDir(), 'other.jsonl');
    const proxy = await startProxy({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: portOf(target.address) }, record: cassette });
    const ok = await echo(proxy.address, 'hello');
    const failed = await echo(proxy.address, 'fail');
    await proxy.stop();
    target.stop();
    assert.equal(ok.response?.toString(), 'echo:hello');
    assert.deepEqual(ok.headers?.get('x-echo-header'), ['tag-1'], 'request metadata reached the target, response headers came back');
    assert.deepEqual(ok.trailers?.get('x-custom-trailer'), ['kept']);
    assert.equal(failed.error?.code, status.FAILED_PRECONDITION);
    assert.equal(failed.error.details, 'echo refuses: 100% sure');
    assert.deepEqual(failed.error.metadata.get('grpc-status-details-bin'), [Buffer.from([8, 9, 18, 3, 98, 97, 100])]);

    const [first, second] = readCassette(cassette).calls;
    assert.equal(first?.codec, 'raw');
    assert.deepEqual(first.requests.map((r) => r.payload), [{ raw: Buffer.from('hello').toString('base64') }]);
    assert.deepEqual(first.responses.map((r) => r.payload), [{ raw: Buffer.from('echo:hello').toString('base64') }]);
    assert.deepEqual(second?.end?.trailers['x-custom-trailer'], ['kept']);
    assert.equal(second.end.details, 'echo refuses: 100% sure');

    const server = await serveCassette(readCassette(cassette), { host: '127.0.0.1', port: 0, fast: true, rules: { order: 'free', ignoreFields: [] } });
    try {
      const replayedFail = await echo(server.address, 'fail');
      const replayedOk = await echo(server.address, 'hello');
      assert.equal(replayedOk.response?.toString(), 'echo:hello');
      assert.deepEqual(replayedOk.headers?.get('x-echo-header'), ['tag-1']);
      assert.deepEqual(replayedOk.trailers?.get('x-custom-trailer'), ['kept']);
      assert.equal(replayedFail.error?.code, status.FAILED_PRECONDITION);
      assert.equal(replayedFail.error.details, 'echo refuses: 100% sure');
      assert.deepEqual(replayedFail.error.metadata.get('grpc-status-details-bin'), [Buffer.from([8, 9, 18, 3, 98, 97, 100])]);
    } finally {
      await server.stop();
    }
  });
});
