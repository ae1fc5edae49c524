/**
 * EvaluateDecision throughput on a 20-rule decision table, hit policy FIRST and COLLECT SUM: evaluations per second
 * over gRPC (32 in flight, one client channel) beside Topology calls per second on the same engine (the baseline,
 * measured in the same run), and the same evaluations in-process (the DMN runtime alone, no gRPC).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluateDecision } from '../engine/decision/index.js';
import { startEngine } from '../engine/index.js';
import { parseResource } from '../engine/model/index.js';
import { createGatewayClient, type GatewayClient } from '../suites/harness/client.js';
import { callsPerSecond } from './throughput.js';

const CALLS = Number(process.env['BENCH_DECISION_CALLS'] ?? 10000);
const LOCAL = Number(process.env['BENCH_DECISION_LOCAL'] ?? 20000);
const CONCURRENCY = 32;
const DMN = readFileSync(new URL('../test/fixtures/processes/twenty-rules.dmn', import.meta.url));
/** amount 150 and level 15: FIRST matches rule 16 (after 15 misses); COLLECT SUM matches rules 1-16. */
const VARIABLES = { amount: 150, level: 15 };

async function perSecond(client: GatewayClient, call: (c: GatewayClient) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await call(client); // warm-up: connection, JIT
  return callsPerSecond(CALLS, CONCURRENCY, () => call(client));
}

function localPerSecond(models: Parameters<typeof evaluateDecision>[0], decisionId: string): number {
  for (let i = 0; i < 500; i++) evaluateDecision(models, decisionId, VARIABLES);
  const start = performance.now();
  for (let i = 0; i < LOCAL; i++) evaluateDecision(models, decisionId, VARIABLES);
  return LOCAL / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const engine = await startEngine();
  const client = createGatewayClient({ address: engine.address });
  const deployed = await client.call('DeployResource', { resources: [{ name: 'twenty-rules.dmn', content: DMN }] });
  if (deployed.status !== 'OK') throw new Error(`deploy: ${deployed.details}`);
  const evaluate = (decisionId: string) => async (c: GatewayClient): Promise<void> => {
    const outcome = await c.call('EvaluateDecision', { decisionId, variables: JSON.stringify(VARIABLES) });
    const answer = outcome.responses[0] as { failureMessage?: string } | undefined;
    if (outcome.status !== 'OK' || answer?.failureMessage !== '') throw new Error(`EvaluateDecision ${decisionId}: ${outcome.status} ${outcome.details}`);
  };
  const parsed = await parseResource('twenty-rules.dmn', DMN);
  if (!parsed.ok || parsed.value.kind !== 'dmn') throw new Error('the benchmark table does not parse');
  const models = parsed.value.drg.models;
  const rows: [string, number][] = [
    ['baseline: engine Topology (gRPC)', await perSecond(client, (c) => c.call('Topology', {}))],
    ['EvaluateDecision FIRST (gRPC)', await perSecond(client, evaluate('twenty-first'))],
    ['EvaluateDecision COLLECT SUM (gRPC)', await perSecond(client, evaluate('twenty-collect-sum'))],
    ['baseline again', await perSecond(client, (c) => c.call('Topology', {}))],
    ['FIRST, in-process (DMN runtime only)', localPerSecond(models, 'twenty-first')],
    ['COLLECT SUM, in-process (DMN runtime only)', localPerSecond(models, 'twenty-collect-sum')],
  ];
  const baseline = ((rows[0]?.[1] ?? NaN) + (rows[3]?.[1] ?? NaN)) / 2;
  console.log(`20-rule decision table, ${CALLS} gRPC calls per case (${CONCURRENCY} in flight), ${LOCAL} in-process evaluations, node ${process.version}`);
  console.log(`${'case'.padEnd(46)}${'per second'.padStart(12)}${'vs base'.padStart(9)}`);
  for (const [name, value] of rows) console.log(`${name.padEnd(46)}${value.toFixed(0).padStart(12)}${(value / baseline).toFixed(2).padStart(9)}`);
  client.close();
  await engine.stop();
}

await main();
