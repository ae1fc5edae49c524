/** Reports: the results model and its pure renderers. */
export { RESULTS_VERSION, byRpc, totalsOf, type CheckFailure, type RuleResult, type RuleVerdict, type RunResults, type Totals } from './results.js';
export { renderJson } from './json.js';
export { renderJUnit } from './junit.js';
