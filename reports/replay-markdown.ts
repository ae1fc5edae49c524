import { truncate } from './escape.js';
import { cell, fitToComment, inline, oneLine } from './markdown-text.js';
import { callName, callTotalsOf, callsByRpc, differenceLine, statusText, type CallResult } from './replay-results.js';
import { humanDuration } from './summary-rows.js';
import type { ReplayRunResults } from './results.js';

const DIFFERENCES_PER_CALL = 10;
const DIFFERENCE_MAX = 400;
const DETAILS_MAX = 400;

/**
 * Markdown of a replay run, sized for a pull-request comment: the verdict, the cassette and target, a table per RPC
 * (calls, matched, mismatched, skipped), then each mismatched call first with its statuses and field differences
 * (long values cut, at most ten differences a call), then the skipped calls. Sections past the limit are left out.
 */
export function renderReplayMarkdown(results: ReplayRunResults): string {
  const mismatched = results.calls.filter((c) => c.verdict === 'mismatched');
  const skipped = results.calls.filter((c) => c.verdict === 'skipped');
  const sections = [
    ...(mismatched.length === 0 ? [] : [`### ❌ Mismatched calls (${mismatched.length})`, ...mismatched.map(mismatch)]),
    ...(skipped.length === 0 ? [] : [`<details><summary>Skipped (${skipped.length})</summary>\n\n${skipped.map((c) => `- ${inline(callName(c))}: ${oneLine(c.reason ?? '')}`).join('\n')}\n\n</details>`]),
  ];
  return fitToComment([header(results), table(results)].join('\n\n'), sections);
}

function header(results: ReplayRunResults): string {
  const totals = callTotalsOf(results.calls);
  const verdict = totals.mismatched > 0 ? `❌ ${totals.mismatched} mismatched` : '✅ matched';
  const keys = Object.entries(results.keys).filter(([recorded, live]) => recorded !== live).length;
  return [
    `## Zeebe replay verify: ${verdict}`,
    '',
    `**Cassette** ${inline(results.cassette.path)} (recorded from ${inline(results.cassette.recordedTarget)} at ${results.cassette.recordedAt}) · **target** ${inline(results.target.description)} · **kit** ${inline(`${results.kit.name} ${results.kit.version}`)} · **started** ${results.startedAt} · **took** ${humanDuration(results.durationMs)}`,
    '',
    `**${totals.calls} calls**: ${totals.matched} matched, ${totals.mismatched} mismatched, ${totals.skipped} skipped · **keys mapped** ${keys} · **not compared** ${results.noise.map(inline).join(', ')}`,
  ].join('\n');
}

function table(results: ReplayRunResults): string {
  const lines = ['| RPC | calls | matched | mismatched | skipped |', '|---|---:|---:|---:|---:|'];
  const row = (name: string, calls: readonly CallResult[]): string => {
    const t = callTotalsOf(calls);
    return `| ${name} | ${t.calls} | ${t.matched} | ${t.mismatched} | ${t.skipped} |`;
  };
  for (const [rpc, calls] of callsByRpc(results.calls)) lines.push(row(cell(rpc), calls));
  lines.push(row('**total**', results.calls));
  return lines.join('\n');
}

function mismatch(call: CallResult): string {
  const statuses = `- recorded ${inline(statusText(call.recorded.status))}, ${call.recorded.messages} messages; live ${inline(statusText(call.live?.status ?? -1))}, ${call.live?.messages ?? 0} messages`;
  const details = call.live?.details ? [`- live details: ${oneLine(truncate(call.live.details, DETAILS_MAX))}`] : [];
  const shown = call.differences.slice(0, DIFFERENCES_PER_CALL).map((d) => `- ${inline(truncate(differenceLine(d), DIFFERENCE_MAX))}`);
  const more = call.differences.length - DIFFERENCES_PER_CALL;
  const note = more > 0 ? [`- … and ${more} more differences: see \`results.json\``] : [];
  return [`#### ${inline(callName(call))}`, '', statuses, ...details, ...shown, ...note].join('\n');
}
