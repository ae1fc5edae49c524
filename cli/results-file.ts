import { RESULTS_VERSION, VERDICTS, type RunResults } from '../reports/index.js';
import { int, list, oneOf, str, type Validator } from './config-schema.js';
import { lineColumnOfPath } from './json-locate.js';
import { readJsonFile } from './json-file.js';
import { UsageError } from './usage-error.js';

const num: Validator = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? undefined : { path, message: `must be a number, got ${JSON.stringify(v)}` });

/** An object with these fields at least (a results file carries more: coverage, which readers recompute). */
function fields(shape: Readonly<Record<string, Validator>>): Validator {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, message: `must be an object, got ${JSON.stringify(v)}` };
    const record = v as Record<string, unknown>;
    for (const [key, field] of Object.entries(shape)) {
      const at = path === '' ? key : `${path}.${key}`;
      const found = key in record ? field(record[key], at) : { path: at, message: 'is required' };
      if (found) return found;
    }
    return undefined;
  };
}

const failure = fields({ name: str, expected: str, received: str, details: str, reproduce: str });

/** The fields renderers and diffs read; the JSON schema (reports/results.schema.json) has the whole shape. */
const RESULTS_SHAPE = fields({
  kit: fields({ name: str, version: str }),
  target: fields({ description: str }),
  capabilities: fields({ partitions: num, settings: list(fields({})), unimplemented: list(str) }),
  profile: str,
  seed: int(0, Number.MAX_SAFE_INTEGER),
  runsPerProperty: num,
  startedAt: str,
  durationMs: num,
  rules: list(fields({ id: str, rpc: str, condition: str, quote: str, verdict: oneOf(VERDICTS), checks: num, runs: num, durationMs: num, failures: list(failure) })),
  acceptance: fields({ checks: num, failures: list(failure) }),
});

/**
 * Reads a results file written by verify. Broken JSON, another version or a wrong shape is one line naming the
 * file (and line and column where it can), a usage error.
 */
export function readResultsFile(path: string): RunResults {
  const file = readJsonFile(path);
  const version = (file.value as { version?: unknown } | null)?.version;
  if (version === undefined) throw new UsageError(`${path}: not a zeebe-conformance results file (no "version")`);
  if (version !== RESULTS_VERSION) {
    throw new UsageError(`${path}: results version ${JSON.stringify(version)} is not supported (this kit reads version ${RESULTS_VERSION}; re-run verify to write it)`);
  }
  const problem = RESULTS_SHAPE(file.value, '');
  if (problem) {
    throw new UsageError(`${path}:${lineColumnOfPath(file.text, problem.path)}: '${problem.path}' ${problem.message}`);
  }
  // Coverage is derived: renderers recompute it from the rules, so a file edited by hand cannot disagree with itself.
  const results = { ...(file.value as RunResults & { coverage?: unknown }) };
  delete results.coverage;
  return results;
}
