import assert from 'node:assert/strict';
import { coverageOf, MARKDOWN_LIMIT, renderHtml, renderJson, renderMarkdown } from '../../reports/index.js';
import { HAND_MADE, LONG_DETAILS, manyFailures } from './hand-made-results.js';
import { resultsSchemaProblems } from './results-schema.js';

describe('reports: JSON, Markdown and HTML renderers on hand-made results', () => {
  describe('JSON', () => {
    it('reads back to the same results plus the coverage figures, and follows the schema', () => {
      const value = JSON.parse(renderJson(HAND_MADE)) as Record<string, unknown>;
      const { coverage, ...rest } = value;
      assert.deepEqual(rest, JSON.parse(JSON.stringify(HAND_MADE)));
      assert.deepEqual(coverage, { overall: { documented: 5, applicable: 4, passed: 1, index: 0.8, score: 0.25 }, perRpc: coverageOf(HAND_MADE).perRpc });
      assert.deepEqual(resultsSchemaProblems(value), []);
    });

    it('has a schema that refuses a wrong shape (a verdict it does not know, a known failure without its entry)', () => {
      const value = JSON.parse(renderJson(HAND_MADE)) as { rules: Record<string, unknown>[] };
      const broken = { ...value, rules: value.rules.map((r, i) => (i === 0 ? { ...r, verdict: 'flaky' } : i === 2 ? { ...r, knownFailure: undefined } : r)) };
      assert.equal(resultsSchemaProblems(JSON.parse(JSON.stringify(broken))).length >= 2, true);
      assert.notDeepEqual(resultsSchemaProblems({ ...value, version: 1 }), []);
    });
  });

  describe('Markdown', () => {
    const md = renderMarkdown(HAND_MADE);

    it('starts with the verdict, coverage and a summary table, then failures first', () => {
      assert.match(md, /^## Zeebe gateway conformance: ❌ 1 failed\n/);
      assert.match(md, /\*\*Conformance index\*\* 80\.0% \(4 of 5 rules apply\) · \*\*conformance score\*\* 25\.0% \(1 of 4 applicable rules passed\)/);
      assert.match(md, /^\| \*\*total\*\* \| 5 \| 1 \| 1 \| 1 \| 1 \| 1 \| 80\.0% \| 25\.0% \|$/m);
      const order = ['### ❌ Stale baseline', '### ❌ Failures (1)', "### ❌ Requests at the rules' edges refused (1 of 3)", '### ⚠️ Known failing (1', 'Not checked (1)', 'Not applicable (1)'].map((h) => md.indexOf(h));
      assert.ok(order.every((at) => at > 0), String(order));
      assert.deepEqual([...order].sort((a, b) => a - b), order);
      assert.ok(md.includes('`CompleteJob/NOT_FOUND/unknown-key`: the gateway answers FAILED_PRECONDITION (GW-12, until 2099-01-01)'));
    });

    it('cuts a very long failure with a note, keeps unicode, and cannot be broken by backticks or pipes', () => {
      assert.ok(md.length < 10_000, String(md.length));
      assert.match(md, /(very long details )+[a-z ]*… \[\d+ more characters: see results\.json\]/);
      assert.ok(md.includes('ünïcödé 🎉'));
      assert.ok(md.includes("``npx zeebe-conformance verify --rules 'PublishMessage/tenant/mt-on-too-long' --seed 7 --runs 25``") || md.includes("`npx zeebe-conformance verify --rules 'PublishMessage/tenant/mt-on-too-long' --seed 7 --runs 25`"));
      assert.ok(md.includes('and &lt;xml&gt; &amp;') || md.includes('and &lt;xml&gt; &'), 'markup in a name is escaped');
      assert.ok(md.includes('| pipe `tick`'), 'a name keeps its characters');
    });

    it('stays under the pull-request comment limit however many rules fail, saying what it left out', () => {
      const big = renderMarkdown(manyFailures(200));
      assert.ok(big.length <= MARKDOWN_LIMIT, String(big.length));
      assert.ok(big.length < 65_536, "GitHub's comment limit");
      assert.match(big, /✂️ \d+ more sections left out to fit a comment: see `results\.json` or `report\.html`/);
    });
  });

  describe('HTML', () => {
    const html = renderHtml(HAND_MADE);

    it('is one self-contained file: no script, no link, nothing fetched, a policy that forbids it', () => {
      assert.doesNotMatch(html, /<script|<link|<img|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
      assert.match(html, /<style>[^]*<\/style>/);
    });

    it('shows the totals, coverage, charts, matrix and every failure with quote, request, statuses and command', () => {
      const total = (key: string): string | undefined => new RegExp(`data-total="${key}">([^<]*)<`).exec(html)?.[1];
      assert.deepEqual(['rules', 'passed', 'failed', 'knownFailing', 'notApplicable', 'notChecked', 'index', 'score', 'edges'].map(total), ['5', '1', '1', '1', '1', '1', '80.0%', '25.0%', '2/3']);
      assert.equal((html.match(/<svg /g) ?? []).length, 2);
      assert.equal((html.match(/<a class="cell v-/g) ?? []).length, 5);
      assert.ok(html.includes('The tenant ID is longer than 31 characters — «ünïcödé» 🎉'));
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the request is shown, escaped');
      assert.ok(html.includes("--rules 'PublishMessage/tenant/mt-on-too-long' --seed 7 --runs 25"));
      assert.ok(html.includes(LONG_DETAILS), 'the HTML keeps the whole failure');
      assert.ok(html.includes("known.json: 'Topology/*' matches no rule of the catalogue"));
      assert.ok(html.indexOf('data-verdict="failed"><h3>') < html.indexOf('data-verdict="known-failing"><h3>'), 'failed before known failing');
    });
  });
});
