import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULTS_VERSION } from '../../reports/index.js';
import { runCli, startCliEngine, type CliEngine, type CliExit } from '../support/cli.js';

interface ResultsFile {
  readonly version: unknown;
  readonly kind: unknown;
  readonly profile: unknown;
  readonly rules: readonly { readonly id: string; readonly verdict: string; readonly reason?: string }[];
  readonly acceptance: { readonly failures: readonly unknown[] };
}

/** `zeebe-conformance verify` (alias `conformance`): the embedded engine against every rule, per profile. */
describe('zeebe-conformance verify on the embedded engine', function () {
  this.timeout(120_000);
  let dir: string;
  const runs = new Map<string, Promise<CliExit>>();
  const PROFILES = ['documented', 'zeebe-8.5'] as const;
  const outputOf = (profile: string): string => join(dir, profile);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-run-'));
    // Both profiles at once: each run is its own process with its own engines on ephemeral ports.
    for (const profile of PROFILES) {
      // The documented run uses the old name, so the alias stays tested.
      const args = profile === 'documented' ? ['conformance', '--output', outputOf(profile)] : ['verify', '--output', outputOf(profile), '--profile', profile];
      const run = runCli(args, 100_000);
      run.catch(() => undefined); // awaited by its tests
      runs.set(profile, run);
    }
    await Promise.allSettled(runs.values());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const profile of PROFILES) {
    describe(profile === 'documented' ? 'default profile (documented)' : `--profile ${profile}`, () => {
      it('exits 0 and prints the summary table with a total line', async () => {
        const exit = await runs.get(profile)!;
        assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
        assert.equal(exit.stderr, '');
        assert.match(exit.stdout, new RegExp(`^verifying embedded reference engine \\(profile ${profile.replace('.', '\\.')}\\) against profile `, 'm'));
        assert.match(exit.stdout, /^RPC +rules +passed +failed +known failing +n\/a +not checked +index +score$/m);
        const total = /^total +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +(\d+) +100\.0% +[\d.]+%$/m.exec(exit.stdout);
        assert.ok(total, exit.stdout);
        const [rules, passed, failed, knownFailing, notApplicable, notChecked] = total.slice(1).map(Number) as [number, number, number, number, number, number];
        assert.ok(rules > 0 && passed > 0, total[0]);
        assert.equal(failed + knownFailing, 0, total[0]);
        assert.equal(notApplicable, 0, 'the embedded engine offers every setting');
        assert.equal(passed + notChecked, rules, total[0]);
        assert.doesNotMatch(exit.stdout, /^FAIL /m);
        const files = ['results.json', 'junit.xml', 'report.md', 'report.html'].map((f) => `  ${join(outputOf(profile), f)}`);
        assert.ok(exit.stdout.endsWith(`reports:\n${files.join('\n')}\n`), exit.stdout);
      });

      it('writes results.json with a verdict per rule, none failed, and JUnit XML', async () => {
        await runs.get(profile);
        const file = JSON.parse(readFileSync(join(outputOf(profile), 'results.json'), 'utf8')) as ResultsFile;
        assert.deepEqual([file.version, file.kind], [RESULTS_VERSION, 'verify']);
        assert.equal(file.profile, profile);
        assert.ok(file.rules.length > 0);
        assert.deepEqual(file.rules.filter((r) => r.verdict === 'failed').map((r) => r.id), []);
        assert.deepEqual(file.acceptance.failures, []);
        assert.match(readFileSync(join(outputOf(profile), 'junit.xml'), 'utf8'), /^<\?xml[^]*<testsuites /);
      });
    });
  }
});

/** `verify --target`: a live gateway (here the CLI engine in another process), and one that is not there. */
describe('zeebe-conformance verify --target', function () {
  this.timeout(60_000);
  let engine: CliEngine;
  let dir: string;
  before(async () => {
    engine = await startCliEngine(['--port', '0']);
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-target-'));
  });
  after(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies a live gateway in the one setting it has: the other mode is not applicable, nothing fails', async () => {
    const exit = await runCli(['verify', '--target', engine.address, '--output', dir], 50_000);
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    assert.ok(exit.stdout.startsWith(`verifying grpc://${engine.address} `), exit.stdout);
    assert.match(exit.stdout, /gateway 8\.5\.0 against profile documented \(seed \d+, 25 runs per property\)$/m);
    const file = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as ResultsFile;
    const tenantOn = file.rules.find((r) => r.id === 'PublishMessage/tenant/mt-on-blank');
    assert.deepEqual([tenantOn?.verdict, tenantOn?.reason], ['not-applicable', 'the target has multi-tenancy off']);
    assert.equal(file.rules.find((r) => r.id === 'PublishMessage/tenant/mt-off-not-default')?.verdict, 'passed');
  });

  it('answers an unreachable target with one line and exit code 2', async () => {
    const exit = await runCli(['verify', '--target', '127.0.0.1:1', '--output', dir], 20_000);
    assert.equal(exit.code, 2, exit.stderr);
    assert.equal(exit.stderr.trim().split('\n').length, 1, exit.stderr);
    assert.match(exit.stderr, /^zeebe-conformance: cannot reach the gateway at 127\.0\.0\.1:1/);
  });
});

/** A live gateway with multi-tenancy on: checked with the tenants its callers hold. */
describe('zeebe-conformance verify --target with multi-tenancy on', function () {
  this.timeout(60_000);
  let engine: CliEngine;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-mt-'));
    const config = join(dir, 'engine.json');
    writeFileSync(config, JSON.stringify({
      multiTenancy: true,
      staticTokens: [
        { token: 'kit-a', subject: 'a', tenants: ['tenant-a', '<default>', 'b'.repeat(31)] },
        { token: 'kit-b', subject: 'b', tenants: ['tenant-b'] },
      ],
    }));
    engine = await startCliEngine(['--port', '0', '--config', config]);
  });
  after(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks the multi-tenancy rules, other-tenant ones included, with the two callers', async () => {
    const out = join(dir, 'ok');
    const more = ['--more-tenants', `<default>,${'b'.repeat(31)}`];
    const exit = await runCli(['verify', '--target', engine.address, '--token', 'kit-a', '--tenant', 'tenant-a', ...more, '--stranger-token', 'kit-b', '--stranger-tenant', 'tenant-b', '--runs', '5', '--output', out], 50_000);
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    const file = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsFile;
    const verdict = (id: string): string | undefined => file.rules.find((r) => r.id === id)?.verdict;
    assert.equal(verdict('PublishMessage/tenant/mt-on-unauthorized'), 'passed');
    assert.equal(verdict('CompleteJob/NOT_FOUND/other-tenant'), 'passed');
    assert.equal(verdict('PublishMessage/tenant/mt-off-not-default'), 'not-applicable');
  });

  it('checks a caller that holds only its own tenant with that tenant, leaving out what needs a second caller', async () => {
    const out = join(dir, 'own-tenant');
    const exit = await runCli(['verify', '--target', engine.address, '--token', 'kit-b', '--tenant', 'tenant-b', '--runs', '3', '--output', out], 50_000);
    assert.equal(exit.code, 0, `${exit.stderr}\n${exit.stdout}`);
    const file = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsFile;
    const verdict = (id: string): string | undefined => file.rules.find((r) => r.id === id)?.verdict;
    assert.equal(verdict('PublishMessage/tenant/mt-on-unauthorized'), 'passed');
    assert.equal(verdict('ActivateJobs/tenant/mt-on-unauthorized'), 'passed');
    assert.equal(verdict('CompleteJob/NOT_FOUND/other-tenant'), 'not-applicable');
  });
});
