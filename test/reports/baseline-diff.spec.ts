import assert from 'node:assert/strict';
import { applyBaseline, diffResults, hasRegression, renderDiff, updateBaseline, type Baseline, type RuleResult, type RunResults } from '../../reports/index.js';
import { HAND_MADE } from './hand-made-results.js';

const IDS = ['A/x/one', 'A/x/two', 'B/y/three', 'C/z/four'];

function run(verdicts: Readonly<Record<string, RuleResult['verdict']>>): RunResults {
  const failure = { name: 'check', expected: 'INVALID_ARGUMENT', received: 'OK', details: '', reproduce: 'npx zeebe-conformance verify' };
  const rules = Object.entries(verdicts).map(([id, verdict]): RuleResult => ({
    id, rpc: id.split('/')[0] ?? '', condition: '', quote: '', verdict, checks: 1, runs: 1, durationMs: 1, failures: verdict === 'failed' || verdict === 'known-failing' ? [failure] : [],
  }));
  return { ...HAND_MADE, rules, acceptance: { checks: 0, failures: [] }, startedAt: '2030-06-15T10:00:00.000Z' };
}

const baseline = (...knownFailing: Baseline['knownFailing']): Baseline => ({ version: 1, knownFailing });

describe('reports: baselines and diffs (pure)', () => {
  it('an entry holds through its expiry day and is stale the day after', () => {
    const results = run({ 'A/x/one': 'failed' });
    const on = applyBaseline(results, baseline({ rule: 'A/x/one', reason: 'r', expires: '2030-06-15' }), 'b.json', IDS);
    const after = applyBaseline(results, baseline({ rule: 'A/x/one', reason: 'r', expires: '2030-06-14' }), 'b.json', IDS);
    assert.deepEqual([on.rules[0]?.verdict, on.baseline?.problems], ['known-failing', []]);
    assert.deepEqual([after.rules[0]?.verdict, after.baseline?.problems.map((p) => p.kind)], ['failed', ['expired']]);
  });

  it('rules the run did not check (not applicable, not checked, not selected) say nothing about an entry', () => {
    const results = run({ 'A/x/one': 'not-applicable', 'A/x/two': 'not-checked' });
    assert.deepEqual(applyBaseline(results, baseline({ rule: 'A/*', reason: 'r' }, { rule: 'C/z/four', reason: 'r' }), 'b.json', IDS).baseline?.problems, []);
  });

  it('--update-baseline keeps an expired entry as it is (an update never extends a deadline) and adds nothing for its rules', () => {
    const expired = { rule: 'A/x/one', reason: 'r', expires: '2020-01-01' };
    const update = updateBaseline(run({ 'A/x/one': 'failed', 'B/y/three': 'failed' }), baseline(expired), IDS);
    assert.deepEqual(update.baseline.knownFailing.map((e) => e.rule), ['A/x/one', 'B/y/three']);
    assert.equal(update.baseline.knownFailing[0], expired);
    assert.deepEqual([update.added, update.removed], [['B/y/three'], []]);
  });

  it('diff: passed or not checked to failing is a regression; known failing to failed is not; failed to passed is a fix', () => {
    const before = run({ 'A/x/one': 'passed', 'A/x/two': 'known-failing', 'B/y/three': 'failed', 'C/z/four': 'not-checked' });
    const after = run({ 'A/x/one': 'known-failing', 'A/x/two': 'failed', 'B/y/three': 'passed', 'C/z/four': 'failed' });
    const diff = diffResults(before, after);
    assert.deepEqual(diff.regressions.map((c) => c.id), ['A/x/one', 'C/z/four']);
    assert.deepEqual(diff.fixes.map((c) => c.id), ['B/y/three']);
    assert.deepEqual(diff.other.map((c) => `${c.id}: ${c.before} -> ${c.after}`), ['A/x/two: known-failing -> failed']);
    assert.equal(hasRegression(diff), true);
    assert.equal(hasRegression(diffResults(after, after)), false);
  });

  it('diff: more refused requests at the rules\' edges is a regression too', () => {
    const before = run({ 'A/x/one': 'passed' });
    const after = { ...before, acceptance: { checks: 1, failures: HAND_MADE.acceptance.failures } };
    assert.equal(hasRegression(diffResults(before, after)), true);
    assert.equal(hasRegression(diffResults(after, before)), false);
  });

  it('diff: rules only one run has are counted, not listed, and are no regression', () => {
    const before = run({ 'A/x/one': 'passed', 'A/x/two': 'passed', 'B/y/three': 'passed' });
    const after = run({ 'A/x/one': 'passed', 'C/z/four': 'passed' });
    const diff = diffResults(before, after);
    assert.equal(renderDiff(diff), 'not in the new run: 2 rules\nonly in the new run: 1 rules\nno regression, 0 fixed\n');
    assert.equal(hasRegression(diff), false);
  });
});
