import { RESULTS_VERSION, type RuleResult, type RunResults } from '../../reports/index.js';

/** A failure whose details alone are longer than a pull-request comment may be. */
export const LONG_DETAILS = `${'very long details '.repeat(5_000)}END`;

const base = { checks: 2, runs: 27, durationMs: 120, failures: [] };

/** Hand-made rules: every verdict, unicode and markup in names, a very long failure. */
export const HAND_MADE_RULES: readonly RuleResult[] = [
  { ...base, id: 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1', rpc: 'ActivateJobs', condition: 'timeout < 1', quote: 'Timeout less than 1 (ms)', verdict: 'passed' },
  {
    ...base,
    id: 'PublishMessage/tenant/mt-on-too-long',
    rpc: 'PublishMessage',
    condition: 'long tenant',
    quote: 'The tenant ID is longer than 31 characters — «ünïcödé» 🎉',
    verdict: 'failed',
    failures: [
      {
        name: 'tenant of 32 characters — ünïcödé 🎉 and a control char \u0001 and <xml> & "quotes" | pipe `tick`',
        expected: 'INVALID_ARGUMENT',
        received: 'OK',
        details: LONG_DETAILS,
        request: { tenantId: 'a'.repeat(32), name: 'ünïcödé 🎉 <script>alert(1)</script>' },
        reproduce: "npx zeebe-conformance verify --rules 'PublishMessage/tenant/mt-on-too-long' --seed 7 --runs 25",
      },
    ],
  },
  {
    ...base,
    id: 'CompleteJob/NOT_FOUND/unknown-key',
    rpc: 'CompleteJob',
    condition: 'unknown key',
    quote: 'No job was found with the given key',
    verdict: 'known-failing',
    knownFailure: { pattern: 'CompleteJob/*', reason: 'the gateway answers FAILED_PRECONDITION', ticket: 'GW-12', expires: '2099-01-01' },
    failures: [{ name: 'CompleteJob with key 1', expected: 'NOT_FOUND', received: 'FAILED_PRECONDITION', details: 'job 1 not found', reproduce: "npx zeebe-conformance verify --rules 'CompleteJob/NOT_FOUND/unknown-key'" }],
  },
  { ...base, checks: 0, runs: 0, durationMs: 0, id: 'PublishMessage/tenant/mt-on-blank', rpc: 'PublishMessage', condition: 'blank', quote: '', verdict: 'not-applicable', reason: 'the target has multi-tenancy off' },
  { ...base, checks: 0, runs: 0, durationMs: 0, id: 'EvaluateDecision/INVALID_ARGUMENT/unknown-key', rpc: 'EvaluateDecision', condition: 'unknown', quote: '', verdict: 'not-checked', reason: 'no check of the kit reaches this rule yet' },
];

/** A run with the hand-made rules and one refused edge request. */
export const HAND_MADE: RunResults = {
  version: RESULTS_VERSION,
  kind: 'verify',
  kit: { name: 'zeebe-conformance-kit', version: '0.1.0' },
  target: { description: 'hand-made ünïcödé target' },
  capabilities: { gatewayVersion: '8.5.0', partitions: 1, settings: [{ multiTenancy: false, authRequired: false }], unimplemented: ['EvaluateDecision'], secondCaller: false },
  profile: 'documented',
  seed: 7,
  runsPerProperty: 25,
  startedAt: '2026-11-28T00:00:00.000Z',
  durationMs: 1234,
  rules: HAND_MADE_RULES,
  acceptance: {
    checks: 3,
    failures: [{ name: 'edge: timeout 1', expected: 'OK', received: 'INVALID_ARGUMENT', details: 'refused', request: { timeout: '1' }, reproduce: 'npx zeebe-conformance verify --profile documented' }],
  },
  baseline: { file: 'known.json', entries: 2, problems: [{ pattern: 'Topology/*', kind: 'unmatched', message: "known.json: 'Topology/*' matches no rule of the catalogue" }] },
};

/** The same run with `count` failed rules, each with long details (to push a report past its size limits). */
export function manyFailures(count: number): RunResults {
  const failed = HAND_MADE_RULES[1];
  if (failed === undefined) throw new Error('hand-made rules changed');
  const rules = Array.from({ length: count }, (_, i): RuleResult => ({ ...failed, id: `PublishMessage/tenant/failure-${i}` }));
  return { ...HAND_MADE, rules: [...HAND_MADE_RULES, ...rules] };
}
