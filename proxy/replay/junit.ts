import type { CallResult, ReplayResults } from './replay-results.js';

/** JUnit XML of a replay run: one testsuite (the cassette), one testcase per recorded call. */
export function renderReplayJUnit(results: ReplayResults): string {
  const { calls, mismatched, skipped } = results.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zeebe-conformance replay" tests="${calls}" failures="${mismatched}" skipped="${skipped}" time="${seconds(results.durationMs)}">`,
    `  <testsuite name="${attr(results.cassette)}" tests="${calls}" failures="${mismatched}" skipped="${skipped}" errors="0" timestamp="${attr(results.startedAt)}">`,
    ...results.calls.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(call: CallResult): string {
  const rpc = call.method.slice(call.method.lastIndexOf('/') + 1);
  const open = `    <testcase classname="${attr(rpc)}" name="${attr(`#${call.id} ${rpc} (line ${call.line})`)}">`;
  if (call.verdict === 'skipped') return `${open}<skipped message="${attr(call.reason ?? '')}"/></testcase>`;
  if (call.verdict === 'matched') return `${open}</testcase>`;
  const body = call.differences.map((d) => `${d.path}: recorded ${JSON.stringify(d.recorded)}, live ${JSON.stringify(d.live)}`).join('\n');
  return `${open}\n      <failure message="${attr(call.reason ?? 'mismatch')}" type="regression">${text(body)}</failure>\n    </testcase>`;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);
// XML 1.0 cannot carry most control characters even escaped.
const clean = (s: string): string => s.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
const text = (s: string): string => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (s: string): string => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
