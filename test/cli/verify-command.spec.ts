import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliExit } from '../support/cli.js';

interface ResultsFile {
  readonly profile: unknown;
  readonly summary: unknown;
  readonly results: readonly { readonly case: string; readonly passed: unknown }[];
}

/** `zeebe-conformance conformance`: the embedded engine against the gateway-rule cases, per profile. */
describe('zeebe-conformance conformance', function () {
  this.timeout(30_000);
  let dir: string;
  const runs = new Map<string, Promise<CliExit>>();
  const PROFILES = ['documented', 'zeebe-8.5'] as const;
  const outputOf = (profile: string): string => join(dir, profile);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-run-'));
    // Both profiles at once: each run is its own process with its own engines on ephemeral ports.
    for (const profile of PROFILES) {
      const args = profile === 'documented' ? ['conformance', '--output', outputOf(profile)] : ['conformance', '--output', outputOf(profile), '--profile', profile];
      const run = runCli(args, 25_000);
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
        assert.match(exit.stdout, new RegExp(`^profile ${profile.replace('.', '\\.')}: `, 'm'));
        assert.match(exit.stdout, /^RPC +rules +passed +failed +not checked$/m);
        const total = /^total +(\d+) +(\d+) +(\d+) +(\d+)$/m.exec(exit.stdout);
        assert.ok(total, exit.stdout);
        const [rules, passed, failed, pending] = total.slice(1).map(Number) as [number, number, number, number];
        assert.ok(rules > 0 && passed > 0, total[0]);
        assert.equal(failed, 0, total[0]);
        assert.equal(passed + failed + pending, rules, total[0]);
        assert.doesNotMatch(exit.stdout, /^FAIL /m);
        assert.match(exit.stdout, new RegExp(`^results: ${outputOf(profile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/results\\.json$`, 'm'));
      });

      it('writes results.json in which every case passed', async () => {
        await runs.get(profile);
        const file = JSON.parse(readFileSync(join(outputOf(profile), 'results.json'), 'utf8')) as ResultsFile;
        assert.equal(file.profile, profile);
        assert.ok(Array.isArray(file.summary));
        assert.ok(file.results.length > 0);
        const failed = file.results.filter((r) => r.passed !== true).map((r) => r.case);
        assert.deepEqual(failed, []);
      });
    });
  }
});
