import { existsSync, writeFileSync } from 'node:fs';
import { applyBaseline, BASELINE_VERSION, renderBaseline, updateBaseline, type Baseline, type RunResults } from '../reports/index.js';
import { int, list, object, str, type Validator } from './config-schema.js';
import { lineColumnOfPath } from './json-locate.js';
import { readJsonFile } from './json-file.js';
import { UsageError } from './usage-error.js';

/** A calendar day, YYYY-MM-DD, that exists. */
const day: Validator = (v, path) => {
  const valid = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
  return valid ? undefined : { path, message: `must be a date as YYYY-MM-DD, got ${JSON.stringify(v)}` };
};

const nonEmpty: Validator = (v, path) => str(v, path) ?? ((v as string).trim() === '' ? { path, message: 'must not be empty' } : undefined);

const BASELINE_SHAPE = object(
  {
    version: int(BASELINE_VERSION, BASELINE_VERSION),
    knownFailing: list(object({ rule: nonEmpty, reason: nonEmpty, ticket: str, expires: day }, ['rule', 'reason'])),
  },
  ['version', 'knownFailing'],
);

/**
 * Reads a known-failing file. A missing file is an error, unless `mayBeMissing` (--update-baseline creates it);
 * a syntax error or a bad entry names the file, line and column.
 */
export function readBaselineFile(path: string, mayBeMissing = false): Baseline {
  if (mayBeMissing && !existsSync(path)) return { version: BASELINE_VERSION, knownFailing: [] };
  const file = readJsonFile(path);
  const problem = BASELINE_SHAPE(file.value, '');
  if (problem) {
    throw new UsageError(`${path}:${lineColumnOfPath(file.text, problem.path)}: ${problem.path === '' ? 'the file' : `'${problem.path}'`} ${problem.message}`);
  }
  return file.value as Baseline;
}

/** Writes a known-failing file. */
export function writeBaselineFile(path: string, baseline: Baseline): void {
  writeFileSync(path, renderBaseline(baseline));
}

/** A baseline named by `--baseline`, read before the run so a broken file stops it at once. */
export interface BaselineChoice {
  readonly path: string;
  readonly baseline: Baseline;
  readonly update: boolean;
}

/** `--baseline FILE` and `--update-baseline` resolved (the latter needs the former; the file may not exist yet then). */
export function chooseBaseline(flags: { readonly baseline?: string; readonly updateBaseline?: boolean }): BaselineChoice | undefined {
  const update = flags.updateBaseline === true;
  if (flags.baseline === undefined) {
    if (update) throw new UsageError('--update-baseline needs --baseline <file> (the file to rewrite)');
    return undefined;
  }
  return { path: flags.baseline, baseline: readBaselineFile(flags.baseline, update), update };
}

/**
 * Judges a run with its baseline; with `--update-baseline`, rewrites the file first to match the run. Answers the
 * results and what to tell the user.
 */
export function settleBaseline(results: RunResults, choice: BaselineChoice, catalogueIds: readonly string[]): { results: RunResults; notes: string[] } {
  if (!choice.update) return { results: applyBaseline(results, choice.baseline, choice.path, catalogueIds), notes: [] };
  const update = updateBaseline(results, choice.baseline, catalogueIds);
  writeBaselineFile(choice.path, update.baseline);
  const changes = [...update.added.map((p) => `+ ${p}`), ...update.removed.map((p) => `- ${p}`)];
  const note = `baseline ${choice.path} rewritten: ${update.baseline.knownFailing.length} entries (${update.added.length} added, ${update.removed.length} removed)`;
  return { results: applyBaseline(results, update.baseline, choice.path, catalogueIds), notes: [note, ...changes.map((c) => `  ${c}`)] };
}
