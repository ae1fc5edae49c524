import assert from 'node:assert/strict';
import { embeddedTarget } from '../../cli/embedded-target.js';
import { catalogue, type Profile } from '../../rules/index.js';
import { verify, type Verification } from '../../suites/verify.js';

/** Properties run too, a few requests each (the CLI default is 25); the seed varies per run unless pinned. */
const SEED = Number(process.env['PROPERTY_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 5;

const failedIds = (v: Verification): string[] => v.rules.filter((r) => r.verdict === 'failed').map((r) => r.id).sort();
const checkedIds = (v: Verification): Set<string> => new Set(v.rules.filter((r) => r.verdict === 'passed' || r.verdict === 'failed').map((r) => r.id));
const differing = catalogue.filter((r) => r.expect.documented.status !== r.expect['zeebe-8.5'].status).map((r) => r.id);

/** `all` in `npm run test:mutants`: every checked rule violated in turn; else a sample that rotates by day. */
function mutantSample(ids: readonly string[]): string[] {
  if (process.env['MUTANTS'] === 'all') return [...ids];
  const day = Math.floor(Date.now() / 86_400_000);
  return [0, 1, 2].map((i) => ids[(day * 3 + i * 41) % ids.length] ?? '').filter((id) => id !== '');
}

describe(`verify against the embedded engine (property seed ${SEED})`, function () {
  this.timeout(process.env['MUTANTS'] === 'all' ? 1_800_000 : 120_000);
  let baseline: Verification;
  before(async () => {
    baseline = await verify(embeddedTarget('documented'), { profile: 'documented', rules: [], targetArgs: '', seed: SEED, runs: RUNS });
  });

  it('passes every rule it can check on the engine in the same profile, and every edge request', () => {
    assert.deepEqual(failedIds(baseline), []);
    assert.deepEqual(baseline.acceptance.failures, []);
    assert.ok(checkedIds(baseline).size > 100);
  });

  for (const [engine, expected] of [['documented', 'zeebe-8.5'], ['zeebe-8.5', 'documented']] as [Profile, Profile][]) {
    it(`fails exactly the rules whose expectation differs when an engine in ${engine} is verified against ${expected}`, async () => {
      const result = await verify(embeddedTarget(engine), { profile: expected, rules: [], targetArgs: '', seed: SEED, runs: RUNS });
      const checked = checkedIds(result);
      assert.deepEqual(failedIds(result), differing.filter((id) => checked.has(id)).sort());
    });
  }

  it('splits the rules over shards without overlap or gap, and running checks at once changes no verdict', async () => {
    const options = { profile: 'documented' as const, rules: [], targetArgs: '', seed: SEED, runs: 0 };
    const shards = await Promise.all([1, 2].map((i) => verify(embeddedTarget('documented'), { ...options, shard: [i, 2] as const })));
    const ids = shards.flatMap((v) => v.rules.map((r) => r.id));
    assert.deepEqual([...ids].sort(), catalogue.map((r) => r.id).sort());
    const concurrent = await verify(embeddedTarget('documented'), { ...options, concurrency: 4 });
    const verdicts = (v: Verification): string[] => v.rules.map((r) => `${r.id}: ${r.verdict}`);
    assert.deepEqual(verdicts(concurrent), verdicts(baseline));
  });

  it('reports exactly the rule the engine is made to violate, and no other (a sample; all: npm run test:mutants)', async () => {
    // A rule the profile does not enforce (its expectation is OK) cannot be violated by switching it off.
    const enforced = new Set(catalogue.filter((r) => r.expect.documented.status !== 'OK').map((r) => r.id));
    const sample = mutantSample([...checkedIds(baseline)].filter((id) => enforced.has(id)).sort());
    const wrong: string[] = [];
    for (const id of sample) {
      const result = await verify(embeddedTarget('documented', [id]), { profile: 'documented', rules: [], targetArgs: '', seed: SEED, runs: RUNS });
      const failed = failedIds(result);
      if (failed.length !== 1 || failed[0] !== id) wrong.push(`violating ${id} failed [${failed.join(', ')}]`);
    }
    assert.deepEqual(wrong, [], `checked ${sample.length} mutants`);
  });
});
