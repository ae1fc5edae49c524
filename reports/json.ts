import { coverageOf } from './coverage.js';
import { callTotalsOf } from './replay-results.js';
import type { Results } from './results.js';

/**
 * The results as JSON, with the derived figures (a verify run's coverage, a replay run's summary); the format every
 * other renderer and `report` command reads back.
 */
export function renderJson(results: Results): string {
  if (results.kind === 'replay') return `${JSON.stringify({ ...results, summary: callTotalsOf(results.calls) }, null, 2)}\n`;
  return `${JSON.stringify({ ...results, coverage: coverageOf(results) }, null, 2)}\n`;
}
