import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliExit } from '../support/cli.js';

const BROKEN = 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1';
const PASSING = 'ActivateJobs/INVALID_ARGUMENT/type-empty';

interface Results {
  readonly rules: readonly { readonly id: string; readonly verdict: string; readonly knownFailure?: { readonly pattern: string; readonly ticket?: string } }[];
  readonly baseline?: { readonly problems: readonly { readonly kind: string; readonly message: string }[] };
}

/**
 * `verify --baseline FILE` on the embedded engine, made to break one ActivateJobs rule: each case writes its own
 * known-failing file and runs the CLI once (the runs go at once, each with its own engines).
 */
describe('zeebe-conformance verify --baseline (known-failing files)', function () {
  this.timeout(180_000);
  let dir: string;
  const runs = new Map<string, Promise<{ exit: CliExit; output: string; baseline: string }>>();

  /** Runs verify on the ActivateJobs rules, violating `BROKEN` unless told otherwise, with this baseline text. */
  const start = (name: string, baselineText: string | undefined, extra: readonly string[] = [], violate = true): void => {
    const baseline = join(dir, `${name}.json`);
    if (baselineText !== undefined) writeFileSync(baseline, baselineText);
    const output = join(dir, name);
    const args = ['verify', '--rules', 'ActivateJobs/*', '--runs', '0', '--output', output, '--baseline', baseline, ...(violate ? ['--violate', BROKEN] : []), ...extra];
    const run = runCli(args, 170_000).then((exit) => ({ exit, output, baseline }));
    run.catch(() => undefined); // awaited by its test
    runs.set(name, run);
  };
  const resultsOf = (output: string): Results => JSON.parse(readFileSync(join(output, 'results.json'), 'utf8')) as Results;
  const entries = (...list: object[]): string => JSON.stringify({ version: 1, knownFailing: list }, null, 2);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-baseline-'));
    start('known', entries({ rule: 'ActivateJobs/INVALID_ARGUMENT/timeout-*', reason: 'the gateway accepts timeout 0', ticket: 'GW-1', expires: '2999-12-31' }));
    start('stale', entries({ rule: PASSING, reason: 'was broken once' }), [], false);
    start('expired', entries({ rule: BROKEN, reason: 'until the fix lands', expires: '2001-01-01' }));
    start('unmatched', entries({ rule: BROKEN, reason: 'known' }, { rule: 'NoSuchRpc/*', reason: 'typo' }));
    start('update', entries({ rule: PASSING, reason: 'fixed since' }, { rule: 'NoSuchRpc/*', reason: 'typo' }, { rule: 'ActivateJobs/INVALID_ARGUMENT/*', reason: 'accepted', ticket: 'GW-2' }), ['--update-baseline']);
    start('create', undefined, ['--update-baseline']);
    await Promise.allSettled(runs.values());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (name: string): Promise<{ exit: CliExit; output: string; baseline: string }> => {
    const found = runs.get(name);
    if (!found) throw new Error(`no run ${name}`);
    return found;
  };

  it('a known failure is reported known-failing, with its entry, and does not fail the run', async () => {
    const { exit, output } = await run('known');
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    assert.match(exit.stdout, /^total +11 +10 +0 +1 +0 +0 +100\.0% +90\.9%$/m);
    const rule = resultsOf(output).rules.find((r) => r.id === BROKEN);
    assert.equal(rule?.verdict, 'known-failing');
    assert.deepEqual([rule.knownFailure?.pattern, rule.knownFailure?.ticket], ['ActivateJobs/INVALID_ARGUMENT/timeout-*', 'GW-1']);
    assert.match(readFileSync(join(output, 'report.md'), 'utf8'), /### ⚠️ Known failing \(1, listed in the baseline\)/);
  });

  it('a listed rule that passes makes the list stale: the run fails and says which entry', async () => {
    const { exit, output, baseline } = await run('stale');
    assert.equal(exit.code, 1, `${exit.stderr}\n${exit.stdout}`);
    assert.ok(exit.stdout.includes(`stale baseline: ${baseline}: '${PASSING}' lists ${PASSING}, which passes: remove it (or run with --update-baseline)\n`), exit.stdout);
    assert.deepEqual(resultsOf(output).baseline?.problems.map((p) => p.kind), ['passes']);
  });

  it('an expired entry fails the run, and its rule counts as failed again', async () => {
    const { exit, output, baseline } = await run('expired');
    assert.equal(exit.code, 1, `${exit.stderr}\n${exit.stdout}`);
    assert.ok(exit.stdout.includes(`stale baseline: ${baseline}: '${BROKEN}' expired on 2001-01-01 (until the fix lands): fix the rules or give a new date\n`), exit.stdout);
    assert.equal(resultsOf(output).rules.find((r) => r.id === BROKEN)?.verdict, 'failed');
  });

  it('a pattern that matches no rule of the catalogue fails the run, even when the other entries hold', async () => {
    const { exit, output, baseline } = await run('unmatched');
    assert.equal(exit.code, 1, `${exit.stderr}\n${exit.stdout}`);
    assert.ok(exit.stdout.includes(`stale baseline: ${baseline}: 'NoSuchRpc/*' matches no rule of the catalogue\n`), exit.stdout);
    assert.equal(resultsOf(output).rules.find((r) => r.id === BROKEN)?.verdict, 'known-failing');
  });

  it('--update-baseline drops stale entries, narrows a glob to its failing rules, keeps reasons, and the run passes', async () => {
    const { exit, output, baseline } = await run('update');
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    assert.match(exit.stdout, new RegExp(`^baseline ${baseline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} rewritten: 1 entries \\(1 added, 3 removed\\)$`, 'm'));
    assert.deepEqual(JSON.parse(readFileSync(baseline, 'utf8')), { version: 1, knownFailing: [{ rule: BROKEN, reason: 'accepted', ticket: 'GW-2' }] });
    assert.deepEqual(resultsOf(output).baseline?.problems, []);
  });

  it('--update-baseline creates a missing file listing every failed rule', async () => {
    const { exit, baseline } = await run('create');
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { knownFailing: { rule: string; reason: string }[] };
    assert.deepEqual(written.knownFailing.map((e) => e.rule), [BROKEN]);
    assert.match(written.knownFailing[0]?.reason ?? '', /^failing since \d{4}-\d{2}-\d{2} \(added by --update-baseline\)$/);
  });

  it('a broken baseline file stops the run at once: file:line:col, one line, exit 2', async () => {
    const syntax = join(dir, 'syntax.json');
    writeFileSync(syntax, '{\n  "version": 1,\n  "knownFailing": [\n    { "rule": "A/*" "reason": "x" }\n  ]\n}\n');
    const entry = join(dir, 'entry.json');
    writeFileSync(entry, entries({ rule: BROKEN, reason: 'ok' }, { rule: PASSING, reason: 'ok', expires: 'next week' }));
    const exits = await Promise.all([
      runCli(['verify', '--rules', 'ActivateJobs/*', '--baseline', syntax]),
      runCli(['verify', '--rules', 'ActivateJobs/*', '--baseline', entry]),
      runCli(['verify', '--rules', 'ActivateJobs/*', '--update-baseline']),
      runCli(['verify', '--rules', 'ActivateJobs/*', '--baseline', join(dir, 'absent.json')]),
    ]);
    const messages = [
      `zeebe-conformance: ${syntax}:4:21: invalid JSON: Expected ',' or '}' after property value\n`,
      `zeebe-conformance: ${entry}:11:7: 'knownFailing[1].expires' must be a date as YYYY-MM-DD, got "next week"\n`,
      'zeebe-conformance: --update-baseline needs --baseline <file> (the file to rewrite)\n',
      `zeebe-conformance: cannot read ${join(dir, 'absent.json')}: ENOENT\n`,
    ];
    for (const [i, exit] of exits.entries()) {
      assert.equal(exit.code, 2, exit.stderr);
      assert.equal(exit.stdout, '', 'nothing ran');
      assert.equal(exit.stderr.trim().split('\n').length, 1, exit.stderr);
      assert.equal(exit.stderr, messages[i]);
    }
  });
});
