import type { CaseResult } from '../suites/harness/run-cases.js';

/** The live progress of a run: one rewritten line on a terminal, plain lines elsewhere (CI logs). */
export function createProgress(out: NodeJS.WriteStream = process.stdout) {
  let done = 0;
  let failed = 0;
  const live = out.isTTY;
  return {
    tick: (result: CaseResult): void => {
      done += 1;
      if (!result.passed) {
        failed += 1;
        if (live) out.write('\r\x1b[K');
        out.write(`FAIL ${result.case.name}\n  expected ${result.expected}\n  received ${result.received}: ${result.details}\n`);
      }
      const line = `[${done} checks] ${failed} failed  ${result.case.ruleId ?? result.case.name}`;
      if (live) out.write(`\r\x1b[K${line.slice(0, (out.columns || 100) - 1)}`);
      else if (done % 100 === 0) out.write(`[${done} checks] ${failed} failed\n`);
    },
    done: (): void => {
      if (live) out.write('\r\x1b[K');
    },
  };
}
