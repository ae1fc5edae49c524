import { xmlAttr, xmlText } from './escape.js';
import { renderReplayJUnit } from './replay-junit.js';
import { byRpc, totalsOf, type Results, type RuleResult } from './results.js';

/**
 * JUnit XML in the Jenkins/Ant schema: a `<testsuites>` root, one testsuite per RPC, one testcase per rule. Not
 * applicable, not checked and known-failing rules are `<skipped>` (known failures must not fail CI), the last with
 * the failure details in `<system-out>`. A replay run: one testsuite per RPC, one testcase per recorded call.
 */
export function renderJUnit(results: Results): string {
  if (results.kind === 'replay') return renderReplayJUnit(results);
  const totals = totalsOf(results.rules);
  const suites = [...byRpc(results.rules)].map(([rpc, rules]) => suite(rpc, rules, results.startedAt));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zeebe-conformance ${xmlAttr(results.profile)}" tests="${totals.rules}" failures="${totals.failed}" errors="0" time="${seconds(results.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** The schema's timestamp is an ISO 8601 date and time without zone or fraction (the run's start, in UTC). */
function suite(rpc: string, rules: readonly RuleResult[], timestamp: string): string {
  const totals = totalsOf(rules);
  const skipped = totals.notApplicable + totals.notChecked + totals.knownFailing;
  const time = seconds(rules.reduce((ms, r) => ms + r.durationMs, 0));
  return [
    `  <testsuite name="${xmlAttr(rpc)}" tests="${totals.rules}" failures="${totals.failed}" errors="0" skipped="${skipped}" time="${time}" timestamp="${xmlAttr(timestamp.slice(0, 19))}">`,
    ...rules.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

function testcase(rule: RuleResult): string {
  const open = `    <testcase classname="${xmlAttr(rule.rpc)}" name="${xmlAttr(rule.id)}" time="${seconds(rule.durationMs)}">`;
  switch (rule.verdict) {
    case 'passed':
      return `${open}</testcase>`;
    case 'not-applicable':
    case 'not-checked':
      return `${open}<skipped message="${xmlAttr(`${rule.verdict}: ${rule.reason ?? ''}`)}"/></testcase>`;
    case 'known-failing': {
      const known = rule.knownFailure;
      const why = `known failing (baseline '${known?.pattern ?? ''}'): ${known?.reason ?? ''}${known?.ticket === undefined ? '' : ` [${known.ticket}]`}`;
      return `${open}\n      <skipped message="${xmlAttr(why)}"/>\n      <system-out>${xmlText(failureText(rule))}</system-out>\n    </testcase>`;
    }
    case 'failed': {
      const first = rule.failures[0];
      const message = first ? `expected ${first.expected}, received ${first.received}` : 'failed';
      return `${open}\n      <failure message="${xmlAttr(message)}" type="conformance">${xmlText(failureText(rule))}</failure>\n    </testcase>`;
    }
  }
}

function failureText(rule: RuleResult): string {
  const body = rule.failures
    .map((f) => `${f.name}\nexpected: ${f.expected}\nreceived: ${f.received}\ndetails: ${f.details}\nrequest: ${JSON.stringify(f.request ?? null)}\nreproduce: ${f.reproduce}`)
    .join('\n\n');
  return `${rule.quote}\n\n${body}`;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);
