import type { CaseResult, RunnableCase } from '../suites/harness/run-cases.js';

/** The RPC a case counts under: its rule's first id segment (boundary requests: "edges"). */
const rpcOf = (c: RunnableCase): string => c.ruleId?.split('/')[0] ?? 'edges';

/**
 * The live progress of a run, per RPC: on a terminal one rewritten line (checks done of the RPC and overall,
 * failures so far); elsewhere (CI logs) a plain line per RPC once all its checks are done, and every failure.
 */
export function createProgress(out: NodeJS.WriteStream = process.stdout) {
  const totals = new Map<string, number>();
  const done = new Map<string, number>();
  let all = 0;
  let finished = 0;
  let failed = 0;
  const live = out.isTTY;
  return {
    start: (cases: readonly RunnableCase[]): void => {
      for (const c of cases) totals.set(rpcOf(c), (totals.get(rpcOf(c)) ?? 0) + 1);
      all = cases.length;
    },
    tick: (result: CaseResult): void => {
      const rpc = rpcOf(result.case);
      const count = (done.get(rpc) ?? 0) + 1;
      done.set(rpc, count);
      finished += 1;
      if (!result.passed) {
        failed += 1;
        if (live) out.write('\r\x1b[K');
        out.write(`FAIL ${result.case.name}\n  expected ${result.expected}\n  received ${result.received}: ${result.details}\n`);
      }
      if (live) {
        const line = `[${finished}/${all} checks, ${failed} failed] ${rpc} ${count}/${totals.get(rpc) ?? count}`;
        out.write(`\r\x1b[K${line.slice(0, (out.columns || 100) - 1)}`);
      } else if (count === totals.get(rpc)) {
        out.write(`${rpc}: ${count} checks done (${finished}/${all} in all, ${failed} failed so far)\n`);
      }
    },
    done: (): void => {
      if (live) out.write('\r\x1b[K');
    },
  };
}
