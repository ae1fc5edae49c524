import { percent, coverageFigures } from './coverage.js';
import { requestJson, truncate } from './escape.js';
import { cell, fenced, fitToComment, inline, oneLine } from './markdown-text.js';
import { COUNT_COLUMNS, humanDuration, summaryRows } from './summary-rows.js';
import { runFailed, totalsOf, type CheckFailure, type Results, type RuleResult, type RunResults } from './results.js';
import { renderReplayMarkdown } from './replay-markdown.js';

export { MARKDOWN_LIMIT } from './markdown-text.js';

const DETAILS_MAX = 800;
const REQUEST_MAX = 1_500;
const FAILURES_PER_RULE = 3;

/**
 * Markdown sized for a pull-request comment (a replay run: see replay-markdown.ts): the verdict, coverage, a summary table per RPC, then failures first
 * (long details and requests cut with a note), known failures, baseline problems, and the rules not checked.
 * Sections that would pass the size limit are left out, saying how many and where to find them.
 */
export function renderMarkdown(results: Results): string {
  if (results.kind === 'replay') return renderReplayMarkdown(results);
  const head = [header(results), summaryTable(results)].join('\n\n');
  const sections = [
    ...baselineProblems(results),
    ...failures(results),
    ...edgeFailures(results),
    ...knownFailing(results),
    ...listed(results, 'not-checked', 'Not checked'),
    ...listed(results, 'not-applicable', 'Not applicable'),
  ];
  return fitToComment(head, sections);
}

function header(results: RunResults): string {
  const totals = totalsOf(results.rules);
  const overall = coverageFigures(results.rules);
  const verdict = runFailed(results) ? `❌ ${totals.failed} failed` : '✅ passed';
  return [
    `## Zeebe gateway conformance: ${verdict}`,
    '',
    `**Target** ${inline(results.target.description)} · **profile** ${inline(results.profile)} · **kit** ${inline(`${results.kit.name} ${results.kit.version}`)} · **seed** ${results.seed} · **started** ${results.startedAt} · **took** ${humanDuration(results.durationMs)}`,
    '',
    `**Conformance index** ${percent(overall.index)} (${overall.applicable} of ${overall.documented} rules apply) · **conformance score** ${percent(overall.score)} (${overall.passed} of ${overall.applicable} applicable rules passed)`,
  ].join('\n');
}

function summaryTable(results: RunResults): string {
  const heads = ['RPC', ...COUNT_COLUMNS.map(([head]) => head), 'index', 'score'];
  const lines = [`| ${heads.join(' | ')} |`, `|${heads.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of summaryRows(results)) {
    const name = row.name === 'total' ? '**total**' : cell(row.name);
    lines.push(`| ${[name, ...COUNT_COLUMNS.map(([, key]) => String(row.totals[key])), row.index, row.score].join(' | ')} |`);
  }
  return lines.join('\n');
}

function failures(results: RunResults): string[] {
  const failed = results.rules.filter((r) => r.verdict === 'failed');
  if (failed.length === 0) return [];
  return [`### ❌ Failures (${failed.length})`, ...failed.map(failedRule)];
}

function failedRule(rule: RuleResult): string {
  const quote = rule.quote === '' ? '' : `\n> ${oneLine(rule.quote)}\n`;
  const more = rule.failures.length - FAILURES_PER_RULE;
  const note = more > 0 ? [`- … and ${more} more failed checks of this rule: see \`results.json\``] : [];
  return [`#### ${inline(rule.id)}`, quote, ...rule.failures.slice(0, FAILURES_PER_RULE).map(failure), ...note].join('\n');
}

function failure(f: CheckFailure): string {
  return [
    `- **${oneLine(f.name)}**: expected ${inline(f.expected)}, received ${inline(f.received)}`,
    f.details === '' ? '' : `  ${oneLine(truncate(f.details, DETAILS_MAX))}`,
    f.request === undefined ? '' : `\n  <details><summary>request</summary>\n\n${fenced(truncate(requestJson(f.request), REQUEST_MAX), 'json')}\n\n  </details>\n`,
    `  reproduce: ${inline(f.reproduce)}`,
  ].filter((line) => line !== '').join('\n');
}

function edgeFailures(results: RunResults): string[] {
  const { checks, failures: refused } = results.acceptance;
  if (refused.length === 0) return [];
  const more = refused.length - FAILURES_PER_RULE;
  const note = more > 0 ? [`- … and ${more} more: see \`results.json\``] : [];
  return [`### ❌ Requests at the rules' edges refused (${refused.length} of ${checks})`, ...refused.slice(0, FAILURES_PER_RULE).map(failure), ...note];
}

function knownFailing(results: RunResults): string[] {
  const known = results.rules.filter((r) => r.verdict === 'known-failing');
  if (known.length === 0) return [];
  const line = (r: RuleResult): string => {
    const k = r.knownFailure;
    const extra = [k?.ticket, k?.expires === undefined ? undefined : `until ${k.expires}`].filter((x) => x !== undefined).join(', ');
    return `- ${inline(r.id)}: ${oneLine(k?.reason ?? '')}${extra === '' ? '' : ` (${oneLine(extra)})`}`;
  };
  return [`### ⚠️ Known failing (${known.length}, listed in the baseline)`, known.map(line).join('\n')];
}

function baselineProblems(results: RunResults): string[] {
  const problems = results.baseline?.problems ?? [];
  if (problems.length === 0) return [];
  return [`### ❌ Stale baseline ${inline(results.baseline?.file ?? '')} (${problems.length})`, problems.map((p) => `- ${oneLine(p.message)}`).join('\n')];
}

function listed(results: RunResults, verdict: 'not-checked' | 'not-applicable', title: string): string[] {
  const rules = results.rules.filter((r) => r.verdict === verdict);
  if (rules.length === 0) return [];
  const lines = rules.map((r) => `- ${inline(r.id)}: ${oneLine(r.reason ?? '')}`).join('\n');
  return [`<details><summary>${title} (${rules.length})</summary>\n\n${lines}\n\n</details>`];
}
