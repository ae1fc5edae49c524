/**
 * Gateway-layer overhead: calls per second and latency of the engine against a bare grpc-js server that answers
 * Topology with a constant (the baseline, measured in the same run on the same machine).
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { performance } from 'node:perf_hooks';
import { startEngine } from '../engine/index.js';
import { loadGatewayDefinition } from '../proto/index.js';
import { createGatewayClient, type GatewayClient } from '../suites/harness/client.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 20000);
const CONCURRENCY = 32;

interface Figures {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function measure(name: string, client: GatewayClient, call: (c: GatewayClient) => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < 200; i++) await call(client); // warm-up: connection, JIT
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next++ < CALLS) {
      const t = performance.now();
      await call(client);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.floor(q * (latencies.length - 1))] ?? NaN;
  return { name, perSecond: CALLS / seconds, p50: at(0.5), p99: at(0.99) };
}

async function bareServer(): Promise<{ address: string; stop(): void }> {
  const server = new Server();
  const topology = { brokers: [], clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: 'baseline' };
  server.addService(loadGatewayDefinition(), {
    Topology: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      callback(null, topology);
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
  });
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

async function main(): Promise<void> {
  const bare = await bareServer();
  const engine = await startEngine({ multiTenancy: true, staticTokens: [{ token: 'static', subject: 's', tenants: ['tenant-a'] }] });
  const jwt = await engine.issueToken('bench', ['tenant-a']);
  const bareClient = createGatewayClient({ address: bare.address });
  const client = createGatewayClient({ address: engine.address });
  const publish = { name: 'm', correlationKey: 'k', variables: '{"a":1}', tenantId: 'tenant-b' };
  const rows = [
    await measure('baseline: bare grpc-js Topology', bareClient, (c) => c.call('Topology', {})),
    await measure('engine: Topology, anonymous', client, (c) => c.call('Topology', {})),
    await measure('engine: Topology, static token', client, (c) => c.call('Topology', {}, { token: 'static' })),
    await measure('engine: Topology, JWT (ES256 verify)', client, (c) => c.call('Topology', {}, { token: jwt })),
    await measure('engine: PublishMessage rejected (tenant)', client, (c) => c.call('PublishMessage', publish, { token: 'static' })),
    // The baseline again: the first cases run on a colder process, so the two baselines bound the drift.
    await measure('baseline again', bareClient, (c) => c.call('Topology', {})),
  ];
  const baseline = ((rows[0]?.perSecond ?? NaN) + (rows.at(-1)?.perSecond ?? NaN)) / 2;
  console.log(`${CALLS} calls each, ${CONCURRENCY} in flight, one client channel, node ${process.version}; "vs base" against the mean of both baselines`);
  console.log(`${'case'.padEnd(44)}${'calls/s'.padStart(9)}${'vs base'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(44)}${r.perSecond.toFixed(0).padStart(9)}${(r.perSecond / baseline).toFixed(2).padStart(9)}${r.p50.toFixed(2).padStart(8)}${r.p99.toFixed(2).padStart(8)}`);
  }
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  bareClient.close();
  client.close();
  bare.stop();
  await engine.stop();
}

await main();
