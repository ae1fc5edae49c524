import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngine } from '../engine/index.js';
import { catalogue, type Profile } from '../rules/index.js';
import { AUTHORIZED_TENANTS } from '../suites/cases/valid-requests.js';
import { gatewayCases, type Setting } from '../suites/cases/gateway-cases.js';
import { STATE_CASES } from '../suites/cases/state-cases.js';
import { runCases, runnableGatewayCase, runnableStateCase, type CaseResult } from '../suites/harness/run-cases.js';
import { parseProfile } from './flags.js';

const AUTHORIZED_TOKEN = 'conformance-authorized';
const STRANGER_TOKEN = 'conformance-stranger';

/**
 * `zeebe-conformance conformance`: the engine's own check of the catalogue. Starts the embedded engine in each
 * setting the rules need and sends every case over gRPC: gateway-layer rules, and the state rules the engine can
 * reach (fixtures built through the API). Rules no case reaches yet are listed as not checked, never as passed.
 */
export async function runConformanceCommand(flags: { output: string; profile?: string }): Promise<void> {
  const profile = parseProfile(flags.profile ?? 'documented');
  const cases = [...gatewayCases().map(runnableGatewayCase), ...STATE_CASES.map(runnableStateCase)];
  const progress = createProgress(cases.length);
  const results = await runCases(cases, profile, (setting) => prepareEngine(setting, profile), progress.tick);
  progress.done();
  const summary = summarize(results);
  printSummary(summary, profile);
  const boundary = results.filter((r) => r.case.ruleId === undefined);
  console.log(`boundary requests let through by the gateway layer: ${boundary.filter((r) => r.passed).length}/${boundary.length}`);
  mkdirSync(flags.output, { recursive: true });
  const file = join(flags.output, 'results.json');
  writeFileSync(file, JSON.stringify({ profile, target: 'embedded engine', summary, results: results.map(plain) }, null, 2));
  console.log(`results: ${file}`);
  if (results.some((r) => !r.passed)) process.exitCode = 1;
}

async function prepareEngine(setting: Setting, profile: Profile) {
  const engine = await startEngine({
    profile,
    ...setting,
    staticTokens: [
      { token: AUTHORIZED_TOKEN, subject: 'conformance', tenants: AUTHORIZED_TENANTS },
      { token: STRANGER_TOKEN, subject: 'stranger', tenants: ['tenant-b'] },
    ],
  });
  return {
    address: engine.address,
    tokens: { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'not-a-valid-token', stranger: STRANGER_TOKEN },
    release: () => engine.stop(),
  };
}

interface SummaryRow {
  readonly rpc: string;
  readonly rules: number;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

/** Per RPC: rules in the catalogue, and how many passed every case, failed one, or were not checked. */
function summarize(results: readonly CaseResult[]): SummaryRow[] {
  const verdicts = new Map<string, boolean>();
  for (const r of results) {
    const id = r.case.ruleId;
    if (id !== undefined) verdicts.set(id, (verdicts.get(id) ?? true) && r.passed);
  }
  const rows = new Map<string, SummaryRow>();
  for (const rule of catalogue) {
    const verdict = verdicts.get(rule.id);
    const row = rows.get(rule.rpc) ?? { rpc: rule.rpc, rules: 0, passed: 0, failed: 0, pending: 0 };
    rows.set(rule.rpc, {
      ...row,
      rules: row.rules + 1,
      passed: row.passed + (verdict === true ? 1 : 0),
      failed: row.failed + (verdict === false ? 1 : 0),
      pending: row.pending + (verdict === undefined ? 1 : 0),
    });
  }
  return [...rows.values()];
}

function printSummary(rows: readonly SummaryRow[], profile: Profile): void {
  console.log(`\nprofile ${profile}: catalogue rules checked over gRPC against the embedded engine`);
  console.log(`${'RPC'.padEnd(34)}${'rules'.padStart(6)}${'passed'.padStart(8)}${'failed'.padStart(8)}${'not checked'.padStart(13)}`);
  for (const r of rows) {
    console.log(`${r.rpc.padEnd(34)}${String(r.rules).padStart(6)}${String(r.passed).padStart(8)}${String(r.failed).padStart(8)}${String(r.pending).padStart(13)}`);
  }
  const total = (k: 'rules' | 'passed' | 'failed' | 'pending') => rows.reduce((n, r) => n + r[k], 0);
  console.log(`${'total'.padEnd(34)}${String(total('rules')).padStart(6)}${String(total('passed')).padStart(8)}${String(total('failed')).padStart(8)}${String(total('pending')).padStart(13)}`);
  console.log('not checked: rules no case reaches yet (messages, signals, decisions, modification, migration, call activities: the next issues).');
}

function createProgress(total: number) {
  let done = 0;
  const live = process.stdout.isTTY;
  return {
    tick: (result: CaseResult) => {
      done += 1;
      if (!result.passed) {
        if (live) process.stdout.write('\r\x1b[K');
        console.log(`FAIL ${result.case.name}\n  expected ${result.expected}\n  received ${result.received}: ${result.details}`);
      }
      if (live) process.stdout.write(`\r\x1b[K[${done}/${total}] ${result.case.ruleId ?? result.case.name}`);
      else if (done % 100 === 0 || done === total) console.log(`[${done}/${total}] cases run`);
    },
    done: () => {
      if (live) process.stdout.write('\r\x1b[K');
    },
  };
}

function plain(r: CaseResult) {
  return { case: r.case.name, rule: r.case.ruleId ?? null, passed: r.passed, expected: r.expected, received: r.received, details: r.details };
}
