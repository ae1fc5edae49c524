import { COUNT_COLUMNS, summaryRows, type RunResults } from '../reports/index.js';

/** The summary table printed at the end of a run: one row per RPC and a total, with counts and coverage. */
export function summaryTable(results: RunResults): string {
  const heads = [...COUNT_COLUMNS.map(([head]) => head), 'index', 'score'];
  const lines = [`${'RPC'.padEnd(34)}${heads.map((head) => head.padStart(Math.max(head.length, 6) + 2)).join('')}`];
  for (const row of summaryRows(results)) {
    const cells = [...COUNT_COLUMNS.map(([, key]) => String(row.totals[key])), row.index, row.score];
    lines.push(row.name.padEnd(34) + cells.map((cell, i) => cell.padStart(Math.max(heads[i]?.length ?? 0, 6) + 2)).join(''));
  }
  const { checks, failures } = results.acceptance;
  lines.push(`requests at the rules' edges let through: ${checks - failures.length}/${checks}`);
  lines.push('index: rules applicable / rules documented; score: rules passed / rules applicable');
  return lines.join('\n');
}
