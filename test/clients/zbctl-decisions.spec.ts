import assert from 'node:assert/strict';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { processFixture } from './support.js';
import { zbctlJsonAt } from './zbctl-run.js';

/** zbctl (the Go client) evaluates deployed decisions against the engine. */
describe('zbctl evaluates decisions', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  before(async () => {
    engine = await startEngine({ topology: { gatewayVersion: '8.4.1' } });
  });
  after(() => engine.stop());

  /** Runs zbctl against the engine, asserting exit 0, and parses its JSON output. */
  const zbctlJson = <T>(...args: string[]): Promise<T> => zbctlJsonAt<T>(engine.address, ...args);

  it('evaluates a decision table by id and by key: the output, matched rules and evaluated inputs', async () => {
    const deployed = await zbctlJson<{ deployments: { decision?: { dmnDecisionId: string; decisionKey: string } }[] }>('deploy', 'resource', processFixture('hit-policies.dmn'));
    const key = deployed.deployments.find((d) => d.decision?.dmnDecisionId === 'collect-sum')?.decision?.decisionKey;
    assert.ok(key);
    const byId = await zbctlJson<{ decisionOutput: string; decisionId: string; evaluatedDecisions: { matchedRules: { ruleId: string }[]; evaluatedInputs: { inputValue: string }[] }[] }>(
      'evaluate', 'decision', 'collect-sum', '--variables', '{"amount": 50}',
    );
    assert.equal(byId.decisionId, 'collect-sum');
    assert.equal(JSON.parse(byId.decisionOutput), 11);
    const [evaluated] = byId.evaluatedDecisions;
    assert.ok(evaluated);
    assert.deepEqual(evaluated.matchedRules.map((r) => r.ruleId), ['collect-sum-r1', 'collect-sum-r2']);
    assert.deepEqual(evaluated.evaluatedInputs.map((i) => i.inputValue), ['50']);
    const byKey = await zbctlJson<{ decisionOutput: string }>('evaluate', 'decision', key, '--variables', '{"amount": 500}');
    assert.equal(JSON.parse(byKey.decisionOutput), 111);
  });
});
