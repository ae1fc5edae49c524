import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHtml, renderJson, renderJUnit, renderMarkdown, type RuleResult, type RunResults } from '../../reports/index.js';
import { HAND_MADE } from '../reports/hand-made-results.js';
import { HAND_MADE_REPLAY } from '../reports/hand-made-replay.js';
import { runCli } from '../support/cli.js';

/** The hand-made run with one rule's verdict changed (a failed rule keeps its failures). */
function withVerdict(id: string, verdict: 'passed' | 'failed'): RunResults {
  const failure = HAND_MADE.rules[1]?.failures ?? [];
  const rules = HAND_MADE.rules.map((r): RuleResult => (r.id === id ? { ...r, verdict, failures: verdict === 'failed' ? failure : [] } : r));
  return { ...HAND_MADE, rules, acceptance: { checks: 3, failures: [] } };
}

describe('zeebe-conformance report render and diff', function () {
  this.timeout(60_000);
  let dir: string;
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-report-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('re-renders a saved run in every format, to standard output or a file, as the renderers do', async () => {
    const saved = file('results.json', renderJson(HAND_MADE));
    const expected = { html: renderHtml(HAND_MADE), md: renderMarkdown(HAND_MADE), junit: renderJUnit(HAND_MADE), json: renderJson(HAND_MADE) };
    const runs = await Promise.all(Object.keys(expected).map((format) => runCli(['report', 'render', saved, '--format', format])));
    for (const [i, [format, text]] of Object.entries(expected).entries()) {
      assert.equal(runs[i]?.code, 0, runs[i]?.stderr);
      assert.equal(runs[i].stdout, text, format);
    }
    const out = join(dir, 'report.html');
    const written = await runCli(['report', 'render', saved, '--format', 'html', '--output', out]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, `wrote ${out}\n`);
    assert.equal(readFileSync(out, 'utf8'), expected.html);
  });

  it('refuses another results version, broken JSON, a wrong shape and an unknown format: one line, exit 2', async () => {
    const v1 = file('v1.json', JSON.stringify({ ...JSON.parse(renderJson(HAND_MADE)), version: 1 }));
    const broken = file('broken.json', '{\n  "version": 2,\n  "rules": [\n    {"id": "x",,}\n  ]\n}\n');
    const shape = file('shape.json', renderJson(HAND_MADE).replace('"verdict": "passed"', '"verdict": "great"'));
    const cases: [string[], RegExp][] = [
      [['report', 'render', v1, '--format', 'md'], /^zeebe-conformance: .*v1\.json: results version 1 is not supported \(this kit reads versions 2 and 3; re-run verify to write it\)$/],
      [['report', 'diff', broken, v1], /^zeebe-conformance: .*broken\.json:4:16: invalid JSON/],
      [['report', 'render', shape, '--format', 'md'], /^zeebe-conformance: .*shape\.json:\d+:\d+: 'rules\[0\]\.verdict' must be one of failed, known-failing, passed, not-checked, not-applicable, got "great"$/],
      [['report', 'render', v1, '--format', 'pdf'], /^zeebe-conformance: unknown format 'pdf' \(expected one of: json, junit, md, html\)$/],
      [['report', 'render', join(dir, 'missing.json'), '--format', 'md'], /^zeebe-conformance: cannot read .*missing\.json: ENOENT$/],
    ];
    const exits = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [i, [args, message]] of cases.entries()) {
      assert.equal(exits[i]?.code, 2, args.join(' '));
      assert.equal(exits[i].stderr.trim().split('\n').length, 1, exits[i].stderr);
      assert.match(exits[i].stderr.trim(), message);
    }
  });

  it('re-renders a saved replay run in every format as the renderers do, and reads a version 2 verify file as a verify run', async () => {
    const saved = file('replay-results.json', renderJson(HAND_MADE_REPLAY));
    const expected = { html: renderHtml(HAND_MADE_REPLAY), md: renderMarkdown(HAND_MADE_REPLAY), junit: renderJUnit(HAND_MADE_REPLAY), json: renderJson(HAND_MADE_REPLAY) };
    // Version 2 had no `kind`.
    const older = file('v2.json', JSON.stringify({ ...(JSON.parse(renderJson(HAND_MADE)) as object), version: 2, kind: undefined }));
    const runs = await Promise.all([...Object.keys(expected).map((format) => runCli(['report', 'render', saved, '--format', format])), runCli(['report', 'render', older, '--format', 'md'])]);
    for (const [i, [format, text]] of Object.entries(expected).entries()) {
      assert.equal(runs[i]?.code, 0, runs[i]?.stderr);
      assert.equal(runs[i].stdout, text, format);
    }
    assert.match(expected.md, /^## Zeebe replay verify: ❌ 3 mismatched/);
    assert.equal(runs[4]?.code, 0, runs[4]?.stderr);
    assert.equal(runs[4].stdout, renderMarkdown(HAND_MADE));
  });

  it('refuses a replay run of a wrong shape or an unknown kind, and a diff of a verify run with a replay run: one line, exit 2', async () => {
    const replay = file('replay.json', renderJson(HAND_MADE_REPLAY));
    const verify = file('verify.json', renderJson(HAND_MADE));
    const shape = file('replay-shape.json', renderJson(HAND_MADE_REPLAY).replace('"verdict": "skipped"', '"verdict": "lost"'));
    const kind = file('kind.json', renderJson(HAND_MADE_REPLAY).replace('"kind": "replay"', '"kind": "bench"'));
    const cases: [string[], RegExp][] = [
      [['report', 'diff', verify, replay], /^zeebe-conformance: cannot diff a verify run \(.*verify\.json\) with a replay run \(.*replay\.json\): compare runs of one kind$/],
      [['report', 'render', shape, '--format', 'html'], /^zeebe-conformance: .*replay-shape\.json:\d+:\d+: 'calls\[5\]\.verdict' must be one of mismatched, matched, skipped, got "lost"$/],
      [['report', 'render', kind, '--format', 'md'], /^zeebe-conformance: .*kind\.json:3:\d+: 'kind' must be one of verify, replay, got "bench"$/],
    ];
    const exits = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [i, [args, message]] of cases.entries()) {
      assert.equal(exits[i]?.code, 2, args.join(' '));
      assert.equal(exits[i].stderr.trim().split('\n').length, 1, exits[i].stderr);
      assert.match(exits[i].stderr.trim(), message);
    }
  });

  it('diff: a rule that passed and now fails is a regression, exit 1', async () => {
    const before = file('before.json', renderJson(withVerdict('ActivateJobs/INVALID_ARGUMENT/timeout-below-1', 'passed')));
    const after = file('after.json', renderJson(withVerdict('ActivateJobs/INVALID_ARGUMENT/timeout-below-1', 'failed')));
    const exit = await runCli(['report', 'diff', before, after]);
    assert.equal(exit.code, 1, exit.stderr);
    assert.equal(exit.stdout, 'regressed (1):\n  ActivateJobs/INVALID_ARGUMENT/timeout-below-1: passed -> failed\n1 regressed, 0 fixed\n');
  });

  it('diff: a rule that failed and now passes is a fix, exit 0; the same run twice: no change, exit 0', async () => {
    const before = file('fix-before.json', renderJson(withVerdict('PublishMessage/tenant/mt-on-too-long', 'failed')));
    const after = file('fix-after.json', renderJson(withVerdict('PublishMessage/tenant/mt-on-too-long', 'passed')));
    const [fixed, same] = await Promise.all([runCli(['report', 'diff', before, after]), runCli(['report', 'diff', before, before])]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(fixed.stdout, 'fixed (1):\n  PublishMessage/tenant/mt-on-too-long: failed -> passed\nno regression, 1 fixed\n');
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.stdout, 'no regression, 0 fixed\n');
  });
});
