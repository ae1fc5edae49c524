import type { RunResults } from './results.js';

/** The results as JSON, the format every other renderer and `report` command can read back. */
export function renderJson(results: RunResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
