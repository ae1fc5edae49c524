/** Reports: the results model (verify and replay runs), its pure renderers, baselines and diffs. */
export {
  RESULTS_VERSION,
  VERDICTS,
  byRpc,
  runFailed,
  totalsOf,
  type BaselineProblem,
  type BaselineSummary,
  type CheckFailure,
  type KnownFailure,
  type RuleResult,
  type ReplayRunResults,
  type Results,
  type RuleVerdict,
  type RunResults,
  type TargetCapabilities,
  type Totals,
} from './results.js';
export { coverageFigures, coverageOf, percent, type Coverage, type CoverageFigures } from './coverage.js';
export { COUNT_COLUMNS, humanDuration, summaryRows, type SummaryRow } from './summary-rows.js';
export { renderJson } from './json.js';
export { renderJUnit } from './junit.js';
export { renderMarkdown, MARKDOWN_LIMIT } from './markdown.js';
export { renderHtml } from './html.js';
export { applyBaseline, BASELINE_VERSION, type Baseline, type BaselineEntry } from './baseline.js';
export { renderBaseline, updateBaseline, type BaselineUpdate } from './update-baseline.js';
export { diffResults, hasRegression, renderDiff, type ResultsDiff, type VerdictChange } from './diff.js';
export {
  CALL_VERDICTS,
  callName,
  callTotalsOf,
  callsByRpc,
  statusText,
  type CallResult,
  type CallTotals,
  type CallVerdict,
  type CassetteIdentity,
  type FieldDifference,
} from './replay-results.js';
export { diffReplayResults, renderReplayDiff, type CallChange, type ReplayDiff } from './replay-diff.js';
