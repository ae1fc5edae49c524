/**
 * Recording proxy overhead: unary latency at 1 in flight and throughput at 16 and 64 in flight, direct to the
 * engine, through a bare grpc-js raw-bytes pass-through (the baseline), through the proxy without and with
 * recording, all in the same run; the recording proxy's RSS over many calls (as a child process); replay serve
 * from a large cassette (load time, calls per second).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, credentials, Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall, type ServiceError } from '@grpc/grpc-js';
import { startEngine } from '../engine/index.js';
import { cassetteHeader, openCassetteWriter, readCassette, serveCassette, startProxy } from '../proxy/index.js';

const LATENCY_CALLS = Number(process.env['BENCH_LATENCY_CALLS'] ?? 2000);
const THROUGHPUT_CALLS = Number(process.env['BENCH_CALLS'] ?? 10000);
const RSS_CALLS = Number(process.env['BENCH_RSS_CALLS'] ?? 200000);
const REPLAY_CALLS = Number(process.env['BENCH_REPLAY_CALLS'] ?? 100000);
const TOPOLOGY = '/gateway_protocol.Gateway/Topology';
const COMPLETE = '/gateway_protocol.Gateway/CompleteJob';
const identity = (b: Buffer): Buffer => b;
const EMPTY: Buffer = Buffer.alloc(0);

function call(client: Client, method: string = TOPOLOGY, request: Buffer = EMPTY): Promise<void> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(method, identity, identity, request, (e: ServiceError | null) => (e ? reject(e) : resolve()));
  });
}

async function run(client: Client, calls: number, inFlight: number, request: (i: number) => [string, Buffer] = () => [TOPOLOGY, EMPTY]): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < calls) {
      const [method, bytes] = request(next++);
      const t = performance.now();
      await call(client, method, bytes);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.floor(q * (latencies.length - 1))] ?? NaN;
  return { perSecond: calls / seconds, p50: at(0.5), p99: at(0.99) };
}

/** The baseline: a grpc-js server relaying Topology as raw bytes with a grpc-js client (no HTTP/2-level code of ours). */
async function bareRelay(target: string): Promise<{ address: string; stop(): void }> {
  const upstream = new Client(target, credentials.createInsecure());
  const server = new Server();
  const handler = (c: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>): void => {
    upstream.makeUnaryRequest(TOPOLOGY, identity, identity, c.request, c.metadata, (e: ServiceError | null, r?: Buffer) => callback(e, r));
  };
  server.register(TOPOLOGY, handler, identity, identity, 'unary');
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  return { address: `127.0.0.1:${port}`, stop: () => { server.forceShutdown(); upstream.close(); } };
}

async function overhead(dir: string): Promise<void> {
  const engine = await startEngine();
  const port = Number(engine.address.split(':')[1]);
  const bare = await bareRelay(engine.address);
  const plain = await startProxy({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port } });
  const recording = await startProxy({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port }, record: join(dir, 'bench.jsonl') });
  const cases = [['direct to the engine', engine.address], ['bare grpc-js raw pass-through (baseline)', bare.address], ['proxy, not recording', plain.address], ['proxy, recording', recording.address], ['direct again', engine.address]] as const;
  console.log(`| case | p50 ms @1 | p99 ms @1 | calls/s @16 | calls/s @64 |`);
  console.log(`|---|---|---|---|---|`);
  for (const [name, address] of cases) {
    const client = new Client(address, credentials.createInsecure());
    await run(client, 500, 8);
    const one = await run(client, LATENCY_CALLS, 1);
    const sixteen = await run(client, THROUGHPUT_CALLS, 16);
    const sixtyFour = await run(client, THROUGHPUT_CALLS, 64);
    console.log(`| ${name} | ${one.p50.toFixed(2)} | ${one.p99.toFixed(2)} | ${sixteen.perSecond.toFixed(0)} | ${sixtyFour.perSecond.toFixed(0)} |`);
    client.close();
  }
  await Promise.all([plain.stop(), recording.stop(), engine.stop()]);
  bare.stop();
}

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function rss(dir: string): Promise<void> {
  const engine = await startEngine();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'proxy', '--listen', '127.0.0.1:0', '--target', engine.address, '--record', join(dir, 'rss.jsonl')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const address = await new Promise<string>((resolve) => child.stdout.on('data', (d: Buffer) => { const m = /listening on (\S+)/.exec(d.toString()); if (m?.[1]) resolve(m[1]); }));
  const client = new Client(address, credentials.createInsecure());
  await run(client, 2000, 16);
  const pid = child.pid ?? 0;
  const start = rssOf(pid);
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200);
  const progress = setInterval(() => console.error(`  rss ${rssOf(pid).toFixed(1)} MiB`), 5000);
  const started = performance.now();
  await run(client, RSS_CALLS, 64);
  clearInterval(sampler);
  clearInterval(progress);
  console.log(`recording proxy (child process), ${RSS_CALLS} Topology calls at 64 in flight in ${((performance.now() - started) / 1000).toFixed(1)} s: RSS ${start.toFixed(1)} MiB after warm-up, peak ${peak.toFixed(1)} MiB, end ${rssOf(pid).toFixed(1)} MiB (+${(peak - start).toFixed(1)} MiB)`);
  client.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('close', r));
  await engine.stop();
}

async function replay(dir: string): Promise<void> {
  const path = join(dir, 'replay.jsonl');
  const writer = openCassetteWriter(path, cassetteHeader('bench', new Date()));
  for (let id = 1; id <= REPLAY_CALLS; id++) {
    writer.append({ e: 'call', id, at: id, method: COMPLETE, codec: 'proto', metadata: { 'content-type': ['application/grpc'] } });
    writer.append({ e: 'request', id, at: id, payload: { message: { jobKey: String(2251799813685248 + id), variables: '{}' } } });
    writer.append({ e: 'headers', id, at: id, metadata: {} });
    writer.append({ e: 'response', id, at: id, payload: { message: {} } });
    writer.append({ e: 'end', id, at: id, status: 0, details: '', trailers: {}, by: 'target' });
    if (id % 1000 === 0) await new Promise((r) => setImmediate(r));
  }
  writer.close();
  const started = performance.now();
  const server = await serveCassette(readCassette(path), { host: '127.0.0.1', port: 0, fast: true, rules: { order: 'free', ignoreFields: [] } });
  const loadMs = performance.now() - started;
  const client = new Client(server.address, credentials.createInsecure());
  const { encodeRequest } = (await import('../proxy/codec.js')).gatewayMethods().get(COMPLETE) ?? { encodeRequest: () => EMPTY };
  const requests = Array.from({ length: REPLAY_CALLS }, (_, i) => encodeRequest({ jobKey: String(2251799813685248 + i + 1), variables: '{}' }));
  const figures = await run(client, REPLAY_CALLS, 64, (i) => [COMPLETE, requests[i] ?? EMPTY]);
  console.log(`replay serve: ${REPLAY_CALLS} calls loaded in ${(loadMs / 1000).toFixed(2)} s; answered ${figures.perSecond.toFixed(0)} calls/s at 64 in flight (p50 ${figures.p50.toFixed(1)} ms), ${server.misses().length} misses, ${server.unused().length} unused`);
  client.close();
  await server.stop();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zc-proxy-bench-'));
  try {
    const only = process.env['BENCH_ONLY'];
    if (only === undefined || only === 'overhead') await overhead(dir);
    if (only === undefined || only === 'rss') await rss(dir);
    if (only === undefined || only === 'replay') await replay(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0));
