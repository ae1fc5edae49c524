import { coverageOf } from './coverage.js';
import type { RunResults } from './results.js';

/** The results as JSON, with the coverage figures; the format every other renderer and `report` command reads back. */
export function renderJson(results: RunResults): string {
  return `${JSON.stringify({ ...results, coverage: coverageOf(results) }, null, 2)}\n`;
}
