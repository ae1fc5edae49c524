/**
 * PublishMessage throughput with no buffered message and with 10,000 buffered ones (alive, time to live one hour,
 * spread over 10,000 correlation keys of the same name), as a ratio measured in the same run: correlation is
 * indexed by (tenant, name, correlation key), so the buffer must not slow a publish down (goal: ratio ≥ 0.8).
 * Measured twice: over gRPC (what a client sees) and on the state machine directly (no transport, so a scan over
 * the buffer would show at once). Each side also has 100 instances waiting at a message catch event.
 */
import { manualClock, startEngine } from '../engine/index.js';
import { createEnforcement } from '../engine/enforcement.js';
import { createStateMachine, type EngineStateMachine } from '../engine/state/engine-machine.js';
import type { Command } from '../engine/state/machine.js';
import { createGatewayClient, type GatewayClient } from '../suites/harness/client.js';
import { fixtureBpmn } from './fixture.js';
import { callsPerSecond } from './throughput.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 20000);
/** Without the transport a publish takes microseconds: more of them, so that a run lasts long enough to measure. */
const MACHINE_CALLS = CALLS * 5;
const BUFFERED = 10_000;
const CONCURRENCY = 32;
const HOUR = 3_600_000;

const publishRequest = (correlationKey: string) => ({ name: 'bench', correlationKey, timeToLive: String(HOUR), messageId: '', variables: '{"a":1}', tenantId: '' });

/** Publishes per second through `publish`, `CALLS` times with keys no buffered message or subscription has. */
function measure(label: string, publish: (key: string) => Promise<unknown>, calls: number): Promise<number> {
  return callsPerSecond(calls, CONCURRENCY, (i) => publish(`${label}-${i}`));
}

/** Fills the buffer with `count` live messages and opens 100 waiting subscriptions. */
async function prepare(publish: (key: string) => Promise<unknown>, create: (key: string) => Promise<unknown>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await publish(`buffered-${i}`);
  for (let i = 0; i < 100; i++) await create(`waiting-${i}`);
}

async function overGrpc(buffered: number): Promise<number> {
  const engine = await startEngine({ clock: manualClock() });
  const client: GatewayClient = createGatewayClient({ address: engine.address });
  const publish = (key: string) => client.call('PublishMessage', publishRequest(key));
  await client.call('DeployResource', { resources: [{ name: 'bench.bpmn', content: fixtureBpmn() }] });
  await prepare(publish, (key) => client.call('CreateProcessInstance', { bpmnProcessId: 'message-bench', version: -1, variables: JSON.stringify({ key }) }), buffered);
  for (let i = 0; i < 500; i++) await publish(`warm-${i}`);
  const perSecond = await measure(`grpc-${buffered}`, publish, CALLS);
  client.close();
  await engine.stop();
  return perSecond;
}

async function onMachine(buffered: number): Promise<number> {
  const machine: EngineStateMachine = createStateMachine({ enforcement: createEnforcement('zeebe-8.5', []), multiTenancy: false, partitions: 1, clock: manualClock() });
  const command = (rpc: Command['rpc'], request: unknown): Command => ({ rpc, request, caller: { subject: 'bench', via: 'anonymous', tenants: undefined }, tenantIds: ['<default>'] });
  const publish = (key: string) => machine.execute(command('PublishMessage', publishRequest(key)));
  await machine.execute(command('DeployResource', { resources: [{ name: 'bench.bpmn', content: fixtureBpmn() }] }));
  await prepare(publish, (key) => machine.execute(command('CreateProcessInstance', { processDefinitionKey: '0', bpmnProcessId: 'message-bench', version: -1, variables: JSON.stringify({ key }), startInstructions: [] })), buffered);
  for (let i = 0; i < 2000; i++) await publish(`warm-${i}`);
  const perSecond = await measure(`machine-${buffered}`, publish, MACHINE_CALLS);
  if (machine.inspect().instances !== 100) throw new Error('the waiting instances should still wait');
  machine.stop();
  return perSecond;
}

async function main(): Promise<void> {
  console.log(`PublishMessage, ${MACHINE_CALLS} (machine) / ${CALLS} (gRPC) publishes per case (time to live 1 h), ${CONCURRENCY} in flight, node ${process.version}`);
  console.log(`${'case'.padEnd(34)}${'0 buffered/s'.padStart(14)}${`${BUFFERED} buffered/s`.padStart(18)}${'ratio'.padStart(8)}`);
  for (const [label, run] of [['state machine (no transport)', onMachine], ['over gRPC (one client channel)', overGrpc]] as const) {
    await run(0); // warm-up: the first engine of the process runs cold
    // alternated, so that drift during the run hits both sides alike; each side is the mean of two runs
    const empty = [await run(0)];
    const full = [await run(BUFFERED)];
    empty.push(await run(0));
    full.push(await run(BUFFERED));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`${label.padEnd(34)}${mean(empty).toFixed(0).padStart(14)}${mean(full).toFixed(0).padStart(18)}${(mean(full) / mean(empty)).toFixed(2).padStart(8)}`);
  }
}

await main();
