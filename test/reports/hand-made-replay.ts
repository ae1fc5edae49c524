import { RESULTS_VERSION, type CallResult, type ReplayRunResults } from '../../reports/index.js';

/** A recorded value longer than a pull-request comment may be. */
export const LONG_VALUE = `${'very long variables '.repeat(4_000)}END`;

const GATEWAY = '/gateway_protocol.Gateway/';
const live = (status: number, messages: number, details = ''): NonNullable<CallResult['live']> => ({ status, details, messages, durationMs: 12 });

/** Hand-made calls: matched (keys mapped), a status mismatch, a field mismatch with unicode and markup, a very long one, a skipped call. */
export const HAND_MADE_CALLS: readonly CallResult[] = [
  { id: 0, line: 2, method: `${GATEWAY}DeployResource`, rpc: 'DeployResource', verdict: 'matched', recorded: { status: 0, messages: 1 }, live: live(0, 1), differences: [], keysMapped: {} },
  {
    id: 1,
    line: 6,
    method: `${GATEWAY}CreateProcessInstance`,
    rpc: 'CreateProcessInstance',
    verdict: 'matched',
    recorded: { status: 0, messages: 1 },
    live: live(0, 1),
    differences: [],
    keysMapped: { '2251799813685249': '2251799813685261' },
  },
  {
    id: 2,
    line: 10,
    method: `${GATEWAY}ActivateJobs`,
    rpc: 'ActivateJobs',
    verdict: 'mismatched',
    reason: '[0].jobs[0].type: recorded "ünïcödé 🎉", got "other"',
    recorded: { status: 0, messages: 1 },
    live: live(0, 1),
    differences: [
      { path: '[0].jobs[0].type', recorded: 'ünïcödé 🎉 <script>alert(1)</script> & "quotes" | pipe `tick` \u0001', live: 'other' },
      { path: '[0].jobs[0].customHeaders', recorded: '{}' },
    ],
    keysMapped: {},
  },
  {
    id: 3,
    line: 14,
    method: `${GATEWAY}CancelProcessInstance`,
    rpc: 'CancelProcessInstance',
    verdict: 'mismatched',
    reason: 'status: recorded 5, got 0',
    recorded: { status: 5, messages: 0 },
    live: live(0, 1),
    differences: [{ path: 'status', recorded: 5, live: 0 }],
    keysMapped: { '2251799813685251': '2251799813685263' },
  },
  {
    id: 4,
    line: 18,
    method: `${GATEWAY}EvaluateDecision`,
    rpc: 'EvaluateDecision',
    verdict: 'mismatched',
    reason: '[0].decisionOutput: recorded "very long…", got "short"; and 24 more',
    recorded: { status: 0, messages: 1 },
    live: live(0, 1),
    differences: [
      { path: '[0].decisionOutput', recorded: LONG_VALUE, live: 'short' },
      ...Array.from({ length: 24 }, (_, i) => ({ path: `[0].evaluatedDecisions[${i}].decisionName`, recorded: `recorded-${i}`, live: `live-${i}` })),
    ],
    keysMapped: {},
  },
  { id: 5, line: 20, method: `${GATEWAY}ActivateJobs`, rpc: 'ActivateJobs', verdict: 'skipped', reason: 'cancelled by the client while recording (its outcome depends on timing)', recorded: { status: 1, messages: 0 }, differences: [], keysMapped: {} },
];

/** A replay run of the hand-made calls. */
export const HAND_MADE_REPLAY: ReplayRunResults = {
  version: RESULTS_VERSION,
  kind: 'replay',
  kit: { name: 'zeebe-conformance-kit', version: '0.1.0' },
  target: { description: '127.0.0.1:26500' },
  cassette: { path: 'sessions/ünïcödé.jsonl', proto: 'sha256:abc', recordedTarget: 'gw:26500', recordedAt: '2026-11-27T10:00:00.000Z' },
  startedAt: '2026-11-28T00:00:00.000Z',
  durationMs: 2345,
  noise: ['deadline', 'gatewayVersion'],
  calls: HAND_MADE_CALLS,
  keys: { '2251799813685249': '2251799813685261', '2251799813685251': '2251799813685263' },
};

/** A run where every call matched. */
export const ALL_MATCHED: ReplayRunResults = { ...HAND_MADE_REPLAY, calls: HAND_MADE_CALLS.filter((c) => c.verdict === 'matched') };

/** `count` mismatched calls, each with long differences (to push a report past its size limits). */
export function manyMismatches(count: number): ReplayRunResults {
  const long = HAND_MADE_CALLS[4];
  if (long === undefined) throw new Error('hand-made calls changed');
  const calls = Array.from({ length: count }, (_, i): CallResult => ({ ...long, id: 100 + i, line: 200 + i }));
  return { ...HAND_MADE_REPLAY, calls: [...HAND_MADE_CALLS, ...calls] };
}
