/** Reports: the results model, its pure renderers, baselines and diffs. */
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
