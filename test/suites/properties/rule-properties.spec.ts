import assert from 'node:assert/strict';
import { PROFILES } from '../../../rules/index.js';
import { ruleProperties, rulesWithoutProperty, type RuleProperty } from '../../../suites/properties/rule-properties.js';
import { formatFailure, runProperty } from '../../../suites/properties/run-property.js';
import { CASE_TOKENS, engineWithClient } from '../../support/engine-target.js';
import { PARTITIONS, propertySeed } from './seed.js';

const NUM_RUNS = 20;

/** The acceptance test of the properties: every gateway rule has one, and each passes against the reference engine. */
describe('suites/properties: a property for every gateway rule', function () {
  this.timeout(60_000);
  const seed = propertySeed();
  const properties = ruleProperties({ partitions: PARTITIONS });

  it('covers every gateway-layer rule of the catalogue', () => {
    assert.deepEqual(rulesWithoutProperty({ partitions: PARTITIONS }), []);
  });

  it('names every property uniquely', () => {
    const names = properties.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
  });

  const bySetting = new Map<string, RuleProperty[]>();
  for (const p of properties) {
    const key = `multi-tenancy ${p.setting.multiTenancy ? 'on' : 'off'}, auth ${p.setting.authRequired ? 'required' : 'optional'}`;
    bySetting.set(key, [...(bySetting.get(key) ?? []), p]);
  }

  for (const profile of PROFILES) {
    for (const [setting, group] of bySetting) {
      describe(`profile ${profile}, ${setting} (seed ${seed})`, () => {
        let target: Awaited<ReturnType<typeof engineWithClient>>;
        before(async () => {
          target = await engineWithClient({ profile, ...group[0]!.setting, topology: { partitions: PARTITIONS } });
        });
        after(() => target.close());

        for (const p of group) {
          it(p.name, async () => {
            const result = await runProperty(p, { client: target.client, tokens: CASE_TOKENS, profile, seed, numRuns: NUM_RUNS });
            assert.ok(result.passed, formatFailure(result));
          });
        }
      });
    }
  }
});
