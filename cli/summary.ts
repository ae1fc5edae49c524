import { byRpc, totalsOf, type RunResults, type Totals } from '../reports/index.js';

const COLUMNS: readonly [string, keyof Totals][] = [
  ['rules', 'rules'],
  ['passed', 'passed'],
  ['failed', 'failed'],
  ['n/a', 'notApplicable'],
  ['not checked', 'notChecked'],
];

/** The summary table printed at the end of a run: one row per RPC and a total. */
export function summaryTable(results: RunResults): string {
  const row = (name: string, t: Totals): string => name.padEnd(34) + COLUMNS.map(([head, key]) => String(t[key]).padStart(head.length + 2)).join('');
  const lines = [`${'RPC'.padEnd(34)}${COLUMNS.map(([head]) => head.padStart(head.length + 2)).join('')}`];
  for (const [rpc, rules] of byRpc(results.rules)) lines.push(row(rpc, totalsOf(rules)));
  lines.push(row('total', totalsOf(results.rules)));
  const { checks, failures } = results.acceptance;
  lines.push(`requests at the rules' edges let through: ${checks - failures.length}/${checks}`);
  return lines.join('\n');
}
