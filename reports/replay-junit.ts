import { xmlAttr, xmlText } from './escape.js';
import { callName, callTotalsOf, callsByRpc, differenceLine, statusText, type CallResult } from './replay-results.js';
import type { ReplayRunResults } from './results.js';

/**
 * JUnit XML of a replay run in the Jenkins/Ant schema: a `<testsuites>` root, one testsuite per RPC, one testcase per
 * recorded call. A mismatch is a `<failure>` listing every field difference; a skipped call is `<skipped>`.
 */
export function renderReplayJUnit(results: ReplayRunResults): string {
  const totals = callTotalsOf(results.calls);
  const suites = [...callsByRpc(results.calls)].map(([rpc, calls]) => suite(rpc, calls, results.startedAt));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zeebe-conformance replay ${xmlAttr(results.cassette.path)}" tests="${totals.calls}" failures="${totals.mismatched}" errors="0" time="${seconds(results.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(rpc: string, calls: readonly CallResult[], timestamp: string): string {
  const totals = callTotalsOf(calls);
  const time = seconds(calls.reduce((ms, c) => ms + (c.live?.durationMs ?? 0), 0));
  return [
    `  <testsuite name="${xmlAttr(rpc)}" tests="${totals.calls}" failures="${totals.mismatched}" errors="0" skipped="${totals.skipped}" time="${time}" timestamp="${xmlAttr(timestamp.slice(0, 19))}">`,
    ...calls.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

function testcase(call: CallResult): string {
  const open = `    <testcase classname="${xmlAttr(call.rpc)}" name="${xmlAttr(callName(call))}" time="${seconds(call.live?.durationMs ?? 0)}">`;
  if (call.verdict === 'skipped') return `${open}<skipped message="${xmlAttr(call.reason ?? '')}"/></testcase>`;
  if (call.verdict === 'matched') return `${open}</testcase>`;
  const body = [
    `recorded status ${statusText(call.recorded.status)}, ${call.recorded.messages} messages; live status ${statusText(call.live?.status ?? -1)}, ${call.live?.messages ?? 0} messages`,
    ...(call.live?.details ? [`live details: ${call.live.details}`] : []),
    ...call.differences.map(differenceLine),
  ].join('\n');
  return `${open}\n      <failure message="${xmlAttr(call.reason ?? 'mismatch')}" type="regression">${xmlText(body)}</failure>\n    </testcase>`;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);
