/**
 * The engine's full cycle: create an instance of a one-service-task process, activate its job, complete it; 32
 * cycles in flight over gRPC. Printed beside a grpc-js server whose handlers for the same RPCs do nothing (the
 * ceiling), measured in the same run. Also: engine start to first answered call, and the heap after many instances.
 */
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startEngine } from '../engine/index.js';
import { loadGatewayDefinition } from '../proto/index.js';
import { createGatewayClient, type GatewayClient } from '../suites/harness/client.js';
import { callsPerSecond } from './throughput.js';

const CYCLES = Number(process.env['BENCH_CYCLES'] ?? 20_000);
const HEAP_INSTANCES = Number(process.env['BENCH_HEAP_INSTANCES'] ?? 100_000);
const IN_FLIGHT = 32;
const MODEL = readFileSync(new URL('../test/fixtures/processes/one-task.bpmn', import.meta.url));

/** One create → activate → complete cycle; a lost race for the job (another cycle took it) activates again. */
async function cycle(client: GatewayClient): Promise<void> {
  const created = await client.call('CreateProcessInstance', { bpmnProcessId: 'one-task', version: -1, variables: '{"n":1}' });
  if (created.status !== 'OK') throw new Error(`create: ${created.status} ${created.details}`);
  for (;;) {
    const activated = await client.call('ActivateJobs', { type: 'one-task-work', worker: 'bench', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    const job = (activated.responses[0] as { jobs: { key: string }[] } | undefined)?.jobs[0];
    if (!job) continue;
    const completed = await client.call('CompleteJob', { jobKey: job.key, variables: '' });
    if (completed.status !== 'OK') throw new Error(`complete: ${completed.status} ${completed.details}`);
    return;
  }
}

/** Runs `count` cycles, `IN_FLIGHT` at a time; answers cycles per second. */
function throughput(client: GatewayClient, count: number): Promise<number> {
  return callsPerSecond(count, IN_FLIGHT, () => cycle(client));
}

/** The ceiling: the same three RPCs, answered with constants. */
async function noopServer(): Promise<{ address: string; stop(): void }> {
  const server = new Server();
  const job = { key: '2251799813685250', type: 'one-task-work', variables: '{}', customHeaders: '{}', retries: 3, deadline: '0' };
  const unary = (answer: object) => (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    callback(null, answer);
  };
  server.addService(loadGatewayDefinition(), {
    CreateProcessInstance: unary({ processInstanceKey: '2251799813685249', bpmnProcessId: 'one-task', version: 1 }),
    CompleteJob: unary({}),
    ActivateJobs: (call: ServerWritableStream<unknown, unknown>) => {
      call.write({ jobs: [job] });
      call.end();
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
  });
  return { address: `127.0.0.1:${port}`, stop: () => server.forceShutdown() };
}

/** Time from `startEngine()` to the first answered Topology call, over fresh engines: the first and the median. */
async function startToFirstAnswer(samples: number): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const engine = await startEngine();
    const client = createGatewayClient({ address: engine.address });
    await client.call('Topology', {});
    times.push(performance.now() - t);
    client.close();
    await engine.stop();
  }
  const first = times[0] ?? NaN;
  times.sort((a, b) => a - b);
  return { first, median: times[Math.floor(times.length / 2)] ?? NaN };
}

/** A fresh `zeebe-conformance engine` process (the built CLI) until it answers Topology: a user's cold start. */
async function cliColdStart(): Promise<number | undefined> {
  const cli = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(cli)) return undefined;
  const t = performance.now();
  const child = spawn(process.execPath, [cli.pathname, 'engine', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (\S+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', () => reject(new Error(`engine exited: ${out}`)));
    });
    const client = createGatewayClient({ address });
    await client.call('Topology', {});
    client.close();
    return performance.now() - t;
  } finally {
    child.kill('SIGTERM');
  }
}

function heapMiB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function main(): Promise<void> {
  console.log(`full cycle (create, activate, complete), ${IN_FLIGHT} in flight, one client channel, node ${process.version}`);
  const first = await startToFirstAnswer(1);
  console.log(`engine start to first answered call, first in this process: ${first.first.toFixed(0)} ms`);
  const noop = await noopServer();
  const noopClient = createGatewayClient({ address: noop.address });
  await throughput(noopClient, 500);
  const ceiling = await throughput(noopClient, CYCLES);
  const engine = await startEngine();
  const client = createGatewayClient({ address: engine.address });
  await client.call('DeployResource', { resources: [{ name: 'one-task.bpmn', content: MODEL }] });
  await throughput(client, 500);
  const heapBefore = heapMiB();
  const measured = await throughput(client, CYCLES);
  console.log(`no-op grpc-js handlers (ceiling)   ${ceiling.toFixed(0).padStart(7)} cycles/s`);
  console.log(`reference engine                   ${measured.toFixed(0).padStart(7)} instances/s  (${((100 * measured) / ceiling).toFixed(0)} % of the ceiling)`);
  await throughput(client, Math.max(0, HEAP_INSTANCES - CYCLES));
  const heapAfter = heapMiB();
  const { instances, jobs } = engine.inspect();
  console.log(`heap after ${HEAP_INSTANCES} completed instances: ${heapAfter.toFixed(1)} MiB, ${(heapAfter - heapBefore).toFixed(1)} MiB above the start (${instances} instances, ${jobs} jobs live)${globalThis.gc ? '' : ' [run with --expose-gc for a settled heap]'}`);
  const cold = await cliColdStart();
  console.log(`CLI engine process start to first answered call: ${cold === undefined ? 'n/a (build first: npm run build)' : `${cold.toFixed(0)} ms`}`);
  const warm = await startToFirstAnswer(10);
  console.log(`engine start to first answered call, later starts: median of 10 ${warm.median.toFixed(0)} ms`);
  noopClient.close();
  client.close();
  noop.stop();
  await engine.stop();
}

await main();
