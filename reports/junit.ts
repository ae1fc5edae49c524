import { byRpc, totalsOf, type RunResults, type RuleResult } from './results.js';

/** JUnit XML: a `<testsuites>` root, one testsuite per RPC, one testcase per rule (not applicable or not checked: skipped). */
export function renderJUnit(results: RunResults): string {
  const totals = totalsOf(results.rules);
  const suites = [...byRpc(results.rules)].map(([rpc, rules]) => suite(rpc, rules, results.startedAt));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zeebe-conformance ${attr(results.profile)}" tests="${totals.rules}" failures="${totals.failed}" skipped="${totals.notApplicable + totals.notChecked}" time="${seconds(results.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(rpc: string, rules: readonly RuleResult[], timestamp: string): string {
  const totals = totalsOf(rules);
  return [
    `  <testsuite name="${attr(rpc)}" tests="${totals.rules}" failures="${totals.failed}" skipped="${totals.notApplicable + totals.notChecked}" errors="0" timestamp="${attr(timestamp)}">`,
    ...rules.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

function testcase(rule: RuleResult): string {
  const open = `    <testcase classname="${attr(rule.rpc)}" name="${attr(rule.id)}">`;
  if (rule.verdict === 'not-applicable' || rule.verdict === 'not-checked') {
    return `${open}<skipped message="${attr(`${rule.verdict}: ${rule.reason ?? ''}`)}"/></testcase>`;
  }
  if (rule.verdict === 'passed') return `${open}</testcase>`;
  const first = rule.failures[0];
  const message = first ? `expected ${first.expected}, received ${first.received}` : 'failed';
  const body = rule.failures
    .map((f) => `${f.name}\nexpected: ${f.expected}\nreceived: ${f.received}\ndetails: ${f.details}\nrequest: ${JSON.stringify(f.request ?? null)}\nreproduce: ${f.reproduce}`)
    .join('\n\n');
  return `${open}\n      <failure message="${attr(message)}" type="conformance">${text(`${rule.quote}\n\n${body}`)}</failure>\n    </testcase>`;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** XML 1.0 cannot carry most control characters at all; they become U+FFFD. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
