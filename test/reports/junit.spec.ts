import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJson, renderJUnit, RESULTS_VERSION, type RunResults } from '../../reports/index.js';

const RESULTS: RunResults = {
  version: RESULTS_VERSION,
  kit: { name: 'zeebe-conformance-kit', version: '0.1.0' },
  target: { description: 'hand-made', settings: ['multi-tenancy off, auth optional'] },
  profile: 'documented',
  seed: 0,
  startedAt: '2026-11-28T00:00:00.000Z',
  durationMs: 1234,
  rules: [
    { id: 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1', rpc: 'ActivateJobs', condition: 'timeout < 1', quote: 'Timeout less than 1 (ms)', verdict: 'passed', checks: 2, failures: [] },
    {
      id: 'PublishMessage/tenant/mt-on-too-long',
      rpc: 'PublishMessage',
      condition: 'long tenant',
      quote: 'The tenant ID is longer than 31 characters',
      verdict: 'failed',
      checks: 2,
      failures: [
        {
          name: 'tenant of 32 characters — ünïcödé 🎉 and a control char \u0001 and <xml> & "quotes"',
          expected: 'INVALID_ARGUMENT',
          received: 'OK',
          details: 'x'.repeat(20_000),
          request: { tenantId: 'a'.repeat(32) },
          reproduce: "npx zeebe-conformance verify --rules 'PublishMessage/tenant/mt-on-too-long'",
        },
      ],
    },
    { id: 'PublishMessage/tenant/mt-on-blank', rpc: 'PublishMessage', condition: 'blank', quote: '', verdict: 'not-applicable', reason: 'the target has multi-tenancy off', checks: 0, failures: [] },
    { id: 'EvaluateDecision/INVALID_ARGUMENT/unknown-key', rpc: 'EvaluateDecision', condition: 'unknown', quote: '', verdict: 'not-checked', reason: 'no check of the kit reaches this rule yet', checks: 0, failures: [] },
  ],
  acceptance: { checks: 3, failures: [] },
};

describe('reports: JSON and JUnit XML renderers', () => {
  it('renders well-formed JUnit XML with a <testsuites> root, a testsuite per RPC and a testcase per rule', () => {
    const xml = renderJUnit(RESULTS);
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; '@_skipped': string; testsuite: { '@_name': string; testcase: { '@_name': string; failure?: unknown; skipped?: unknown }[] }[] };
    };
    assert.equal(doc.testsuites['@_tests'], '4');
    assert.equal(doc.testsuites['@_failures'], '1');
    assert.equal(doc.testsuites['@_skipped'], '2');
    assert.deepEqual(doc.testsuites.testsuite.map((s) => s['@_name']), ['ActivateJobs', 'PublishMessage', 'EvaluateDecision']);
    const publish = doc.testsuites.testsuite[1]?.testcase ?? [];
    assert.ok(publish[0]?.failure !== undefined, 'the failed rule has a <failure>');
    assert.ok(publish[1]?.skipped !== undefined, 'the not-applicable rule is <skipped>');
  });

  it('keeps unicode and escapes markup, and replaces characters XML cannot hold', () => {
    const xml = renderJUnit(RESULTS);
    assert.ok(xml.includes('ünïcödé 🎉'));
    assert.ok(!xml.includes('\u0001'));
    assert.ok(xml.includes('&lt;xml&gt; &amp;'));
  });

  it('renders JSON that reads back to the same results', () => {
    assert.deepEqual(JSON.parse(renderJson(RESULTS)), RESULTS);
  });
});
