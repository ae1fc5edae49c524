import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { diffReplayResults, MARKDOWN_LIMIT, renderHtml, renderJson, renderJUnit, renderMarkdown, renderReplayDiff, type CallResult, type ReplayRunResults } from '../../reports/index.js';
import { ALL_MATCHED, HAND_MADE_REPLAY, LONG_VALUE, manyMismatches } from './hand-made-replay.js';
import { junitSchemaProblems } from './junit-schema.js';
import { resultsSchemaProblems } from './results-schema.js';

type Testcase = { '@_name': string; '@_classname': string; failure?: { '@_message': string; '#text': string }; skipped?: { '@_message': string } };
type Doc = { testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_name': string; '@_skipped': string; testcase: Testcase[] }[] } };
const parse = (xml: string): Doc => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as Doc;

/** The hand-made run with some calls' verdicts changed (a mismatch keeps a difference). */
function withVerdicts(changes: Readonly<Record<number, 'matched' | 'mismatched'>>): ReplayRunResults {
  const calls = HAND_MADE_REPLAY.calls.map((c): CallResult => {
    const verdict = changes[c.id];
    if (verdict === undefined) return c;
    return { ...c, verdict, differences: verdict === 'matched' ? [] : [{ path: 'status', recorded: 0, live: 13 }] };
  });
  return { ...HAND_MADE_REPLAY, calls };
}

describe('reports of a replay run: JSON, JUnit, Markdown, HTML and diff on hand-made results', () => {
  describe('JSON', () => {
    it('reads back to the same results plus the summary, and follows the schema', () => {
      const value = JSON.parse(renderJson(HAND_MADE_REPLAY)) as Record<string, unknown>;
      const { summary, ...rest } = value;
      assert.deepEqual(rest, JSON.parse(JSON.stringify(HAND_MADE_REPLAY)));
      assert.deepEqual(summary, { calls: 6, matched: 2, mismatched: 3, skipped: 1 });
      assert.deepEqual(resultsSchemaProblems(value), []);
    });

    it('has a schema that refuses a wrong replay shape: an unknown verdict, a mismatch without differences, verify fields, no kind', () => {
      const value = JSON.parse(renderJson(HAND_MADE_REPLAY)) as { calls: Record<string, unknown>[] } & Record<string, unknown>;
      const call = (i: number, patch: Record<string, unknown>) => ({ ...value, calls: value.calls.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
      assert.notDeepEqual(resultsSchemaProblems(call(0, { verdict: 'flaky' })), []);
      assert.notDeepEqual(resultsSchemaProblems(call(3, { differences: [] })), []);
      assert.notDeepEqual(resultsSchemaProblems(call(0, { live: undefined })), [], 'a replayed call has its live outcome');
      assert.notDeepEqual(resultsSchemaProblems({ ...value, rules: [] }), []);
      assert.notDeepEqual(resultsSchemaProblems({ ...value, kind: undefined }), []);
      assert.notDeepEqual(resultsSchemaProblems({ ...value, version: 2 }), []);
    });
  });

  describe('JUnit', () => {
    const xml = renderJUnit(HAND_MADE_REPLAY);

    it('follows the JUnit schema: a testsuite per RPC, a testcase per call, mismatches as failures, skipped calls as skipped', () => {
      assert.deepEqual(junitSchemaProblems(xml), []);
      const doc = parse(xml);
      assert.deepEqual([doc.testsuites['@_tests'], doc.testsuites['@_failures']], ['6', '3']);
      assert.deepEqual(doc.testsuites.testsuite.map((s) => s['@_name']), ['DeployResource', 'CreateProcessInstance', 'ActivateJobs', 'CancelProcessInstance', 'EvaluateDecision']);
      const activate = doc.testsuites.testsuite[2];
      assert.deepEqual(activate?.testcase.map((t) => t['@_name']), ['#2 ActivateJobs (line 10)', '#5 ActivateJobs (line 20)']);
      assert.equal(activate['@_skipped'], '1');
      assert.match(activate.testcase[1]?.skipped?.['@_message'] ?? '', /^cancelled by the client while recording/);
      const cancel = doc.testsuites.testsuite[3]?.testcase[0];
      assert.equal(cancel?.failure?.['@_message'], 'status: recorded 5, got 0');
      assert.match(cancel.failure['#text'], /recorded status 5 NOT_FOUND, 0 messages; live status 0 OK, 1 messages\nstatus: recorded 5, live 0/);
      assert.equal(doc.testsuites.testsuite[0]?.testcase[0]?.failure, undefined);
    });

    it('keeps unicode and escapes markup, replaces characters XML cannot hold, and keeps a long difference whole', () => {
      assert.ok(xml.includes('ünïcödé 🎉 &lt;script&gt;'));
      assert.ok(!xml.includes('\u0001'));
      assert.ok(xml.includes('[0].jobs[0].customHeaders: recorded "{}", live nothing'));
      assert.ok(xml.includes(LONG_VALUE));
    });
  });

  describe('Markdown', () => {
    const md = renderMarkdown(HAND_MADE_REPLAY);

    it('starts with the verdict, the cassette and a table per RPC, then the mismatches, then the skipped calls', () => {
      assert.match(md, /^## Zeebe replay verify: ❌ 3 mismatched\n/);
      assert.match(md, /\*\*Cassette\*\* `sessions\/ünïcödé\.jsonl` \(recorded from `gw:26500` at 2026-11-27T10:00:00\.000Z\) · \*\*target\*\* `127\.0\.0\.1:26500`/);
      assert.match(md, /\*\*6 calls\*\*: 2 matched, 3 mismatched, 1 skipped · \*\*keys mapped\*\* 2/);
      assert.match(md, /^\| ActivateJobs \| 2 \| 0 \| 1 \| 1 \|$/m);
      assert.match(md, /^\| \*\*total\*\* \| 6 \| 2 \| 3 \| 1 \|$/m);
      const order = ['### ❌ Mismatched calls (3)', '#### `#2 ActivateJobs (line 10)`', '#### `#3 CancelProcessInstance (line 14)`', 'Skipped (1)'].map((h) => md.indexOf(h));
      assert.ok(order.every((at) => at > 0), String(order));
      assert.deepEqual([...order].sort((a, b) => a - b), order);
      assert.ok(md.includes('- recorded `5 NOT_FOUND`, 0 messages; live `0 OK`, 1 messages'));
    });

    it('cuts a very long difference and a long list of them with a note, keeps unicode, and cannot be broken by backticks', () => {
      assert.ok(md.length < 10_000, String(md.length));
      assert.match(md, /very long variables [a-z ]*… \[\d+ more characters: see results\.json\]/);
      assert.ok(md.includes('- … and 15 more differences: see `results.json`'));
      assert.ok(md.includes('ünïcödé 🎉'));
      assert.ok(md.includes('``[0].jobs[0].type: recorded "ünïcödé 🎉 <script>alert(1)</script> & \\"quotes\\" | pipe `tick` \\u0001", live "other"``'));
    });

    it('stays under the pull-request comment limit however many calls mismatch, and says when all matched', () => {
      const big = renderMarkdown(manyMismatches(300));
      assert.ok(big.length <= MARKDOWN_LIMIT, String(big.length));
      assert.match(big, /✂️ \d+ more sections left out to fit a comment/);
      assert.match(renderMarkdown(ALL_MATCHED), /^## Zeebe replay verify: ✅ matched\n/);
    });
  });

  describe('HTML', () => {
    const html = renderHtml(HAND_MADE_REPLAY);

    it('is one self-contained file: no script, no link, nothing fetched, a policy that forbids it', () => {
      assert.doesNotMatch(html, /<script|<link|<img|@import|url\(|https?:\/\//i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    });

    it('shows the totals, a matrix of calls, each mismatch with statuses and a table of differences, the keys and every call', () => {
      const total = (key: string): string | undefined => new RegExp(`data-total="${key}">([^<]*)<`).exec(html)?.[1];
      assert.deepEqual(['calls', 'matched', 'mismatched', 'skipped'].map(total), ['6', '2', '3', '1']);
      assert.match(html, /data-verdict="failed"><strong>Run failed: 3 calls mismatched<\/strong>/);
      assert.equal((html.match(/<a class="cell v-/g) ?? []).length, 6);
      assert.equal((html.match(/<section class="failure" data-verdict="mismatched">/g) ?? []).length, 3);
      assert.ok(html.includes('<td><code>status</code></td><td><pre>5</pre></td><td><pre>0</pre></td>'));
      assert.ok(html.includes('<code>5 NOT_FOUND</code>'));
      assert.ok(html.includes('ünïcödé 🎉 &lt;script&gt;alert(1)&lt;/script&gt;'), 'a difference is shown, escaped');
      assert.ok(html.includes('<pre>nothing</pre>'), 'a field the live response lacks');
      assert.ok(html.includes(LONG_VALUE), 'the HTML keeps the whole difference');
      assert.ok(html.includes('<td><code>2251799813685251</code></td><td><code>2251799813685263</code></td>'));
      assert.match(renderHtml(ALL_MATCHED), /data-verdict="passed"><strong>Run passed<\/strong>[^]*Every replayed call matched its recording/);
    });
  });

  describe('diff', () => {
    it('lists the calls that regressed and were fixed, and no regression for the same run', () => {
      const after = withVerdicts({ 0: 'mismatched', 3: 'matched' });
      const diff = diffReplayResults(HAND_MADE_REPLAY, after);
      assert.deepEqual(diff.regressions, [{ call: '#0 DeployResource (line 2)', before: 'matched', after: 'mismatched' }]);
      assert.deepEqual(diff.fixes, [{ call: '#3 CancelProcessInstance (line 14)', before: 'mismatched', after: 'matched' }]);
      assert.equal(renderReplayDiff(diff), 'regressed (1):\n  #0 DeployResource (line 2): matched -> mismatched\nfixed (1):\n  #3 CancelProcessInstance (line 14): mismatched -> matched\n1 regressed, 1 fixed\n');
      assert.equal(renderReplayDiff(diffReplayResults(HAND_MADE_REPLAY, HAND_MADE_REPLAY)), 'no regression, 0 fixed\n');
    });

    it('notes a diff of runs of cassettes recorded at different times', () => {
      const other = { ...HAND_MADE_REPLAY, cassette: { ...HAND_MADE_REPLAY.cassette, recordedAt: '2026-11-28T10:00:00.000Z' } };
      assert.match(renderReplayDiff(diffReplayResults(HAND_MADE_REPLAY, other)), /^note: the runs replayed cassettes recorded at different times/);
    });
  });
});
