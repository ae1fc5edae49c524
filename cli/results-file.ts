import { CALL_VERDICTS, RESULTS_VERSION, VERDICTS, type Results } from '../reports/index.js';
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

/** The fields renderers and diffs read of a verify run; the JSON schema (reports/results.schema.json) has the whole shape. */
const VERIFY_SHAPE = fields({
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

const call = fields({
  id: num,
  line: num,
  method: str,
  rpc: str,
  verdict: oneOf(CALL_VERDICTS),
  recorded: fields({ status: num, messages: num }),
  differences: list(fields({ path: str })),
  keysMapped: fields({}),
});

/** The fields renderers and diffs read of a replay run. */
const REPLAY_SHAPE = fields({
  kit: fields({ name: str, version: str }),
  target: fields({ description: str }),
  cassette: fields({ path: str, proto: str, recordedTarget: str, recordedAt: str }),
  startedAt: str,
  durationMs: num,
  noise: list(str),
  calls: list(call),
  keys: fields({}),
});

const KINDS = ['verify', 'replay'] as const;

/** Version 2 had verify runs only, without `kind`: read as version 3's verify run. */
function upgraded(value: unknown, version: unknown): unknown {
  return version === 2 ? { ...(value as object), version: RESULTS_VERSION, kind: 'verify' } : value;
}

/**
 * Reads a results file written by verify or replay verify (version 3, or version 2 as a verify run). Broken JSON,
 * another version, an unknown kind or a wrong shape is one line naming the file (and line and column where it can),
 * a usage error.
 */
export function readResultsFile(path: string): Results {
  const file = readJsonFile(path);
  const version = (file.value as { version?: unknown } | null)?.version;
  if (version === undefined) throw new UsageError(`${path}: not a zeebe-conformance results file (no "version")`);
  if (version !== RESULTS_VERSION && version !== 2) {
    throw new UsageError(`${path}: results version ${JSON.stringify(version)} is not supported (this kit reads versions 2 and ${RESULTS_VERSION}; re-run verify to write it)`);
  }
  const value = upgraded(file.value, version);
  const kind = (value as { kind?: unknown }).kind;
  const kindProblem = oneOf(KINDS)(kind, 'kind');
  if (kindProblem) throw new UsageError(`${path}:${lineColumnOfPath(file.text, 'kind')}: 'kind' ${kindProblem.message}`);
  const problem = (kind === 'replay' ? REPLAY_SHAPE : VERIFY_SHAPE)(value, '');
  if (problem) {
    throw new UsageError(`${path}:${lineColumnOfPath(file.text, problem.path)}: '${problem.path}' ${problem.message}`);
  }
  // Coverage and summary are derived: renderers recompute them, so a file edited by hand cannot disagree with itself.
  const results = { ...(value as Results & { coverage?: unknown; summary?: unknown }) };
  delete results.coverage;
  delete results.summary;
  return results;
}
