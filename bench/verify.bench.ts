/**
 * The default verify run against the embedded engine: wall time, RPCs sent and RPCs per second, beside a plain
 * grpc-js client's Topology calls per second against an engine of the same kind, measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { embeddedTarget } from '../cli/embedded-target.js';
import { startEngine } from '../engine/index.js';
import { totalsOf } from '../reports/index.js';
import { createGatewayClient } from '../suites/harness/client.js';
import { verify, type VerifyTarget } from '../suites/verify.js';
import { callsPerSecond } from './throughput.js';

const RUNS = Number(process.env['BENCH_PROPERTY_RUNS'] ?? 25);

/** The embedded target, with every client it hands out counting the calls it sends. */
function counted(target: VerifyTarget, count: () => void): VerifyTarget {
  return { ...target, prepare: async (setting) => ({ ...(await target.prepare(setting)), onCall: count }) };
}

async function plainClientRate(calls: number): Promise<number> {
  const engine = await startEngine();
  const client = createGatewayClient({ address: engine.address });
  const rate = await callsPerSecond(calls, 32, () => client.call('Topology', {}));
  client.close();
  await engine.stop();
  return rate;
}

async function main(): Promise<void> {
  let rpcs = 0;
  const start = performance.now();
  const result = await verify(counted(embeddedTarget('documented'), () => (rpcs += 1)), { profile: 'documented', rules: [], targetArgs: '', seed: 1, runs: RUNS });
  const seconds = (performance.now() - start) / 1000;
  const totals = totalsOf(result.rules);
  console.log(`default verify run (embedded engine, 3 settings, ${RUNS} requests per property), node ${process.version}`);
  console.log(`  ${seconds.toFixed(1)} s, ${rpcs} RPCs, ${(rpcs / seconds).toFixed(0)} RPCs/s; ${totals.passed} passed, ${totals.failed} failed, ${totals.notChecked} not checked`);
  console.log(`  plain grpc-js client, Topology, 32 in flight: ${(await plainClientRate(20_000)).toFixed(0)} RPCs/s`);
}

await main();
