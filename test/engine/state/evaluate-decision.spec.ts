import assert from 'node:assert/strict';
import { PROFILES } from '../../../rules/index.js';
import { deploy } from '../../support/processes.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN, type EngineWithClient } from '../../support/engine-target.js';
import { deployedEngine } from '../../support/deployed-engine.js';
import { decisionCalls, type DecisionAnswer } from '../../support/decisions.js';

/** EvaluateDecision over gRPC: every hit policy, required decisions, failures, lookups by id and key, tenants. */
describe('engine state: EvaluateDecision', () => {
  let target: EngineWithClient;
  before(async () => {
    target = await deployedEngine(['hit-policies.dmn', 'loan-drg.dmn']);
  });
  after(() => target.close());

  const { evaluate, output } = decisionCalls(() => target.client);

  const CASES: readonly (readonly [string, object, unknown])[] = [
    ['unique', { amount: 50 }, 'medium'],
    ['unique', { amount: 500 }, 'large'],
    ['first', { amount: 50 }, 'medium'],
    ['first', { amount: 1 }, 'small'],
    ['priority', { amount: 50 }, 'medium'],
    ['priority', { amount: 500 }, 'high'],
    ['any', { amount: 50 }, 'pos'],
    ['collect', { amount: 200 }, [1, 10, 100]],
    ['collect', { amount: -5 }, null],
    ['collect-count', { amount: -5 }, null],
    ['collect-sum', { amount: 200 }, 111],
    ['collect-min', { amount: 200 }, 1],
    ['collect-max', { amount: 200 }, 100],
    ['collect-count', { amount: 50 }, 2],
    ['rule-order', { amount: 50 }, [{ name: 'one', points: 1 }, { name: 'ten', points: 10 }]],
    ['output-order', { amount: 20 }, ['high', 'medium', 'low']],
    ['checked-output', { amount: 20 }, 'medium'],
    ['checked-output', { amount: 1 }, 'nope'],
    ['checked-input', { amount: 5000 }, 'ok'],
    ['defaults', { amount: 1 }, 'tiny'],
    ['defaults', { amount: 11 }, 'big'],
    ['unique', {}, null],
  ];
  for (const [decisionId, variables, expected] of CASES) {
    it(`${decisionId} with ${JSON.stringify(variables)} gives ${JSON.stringify(expected)}`, async () => {
      assert.deepEqual(await output(decisionId, variables), expected);
    });
  }

  it('answers every response field of the page, with matched rules and evaluated inputs and outputs', async () => {
    const answer = await evaluate('priority', { amount: 50 });
    assert.equal(answer.decisionId, 'priority');
    assert.equal(answer.decisionName, 'Priority');
    assert.equal(answer.decisionVersion, 1);
    assert.equal(answer.decisionRequirementsId, 'hit-policies');
    assert.match(answer.decisionRequirementsKey, /^[1-9]\d*$/);
    assert.match(answer.decisionInstanceKey, /^[1-9]\d*$/);
    assert.equal(answer.tenantId, '<default>');
    assert.equal(answer.failedDecisionId, '');
    const [only] = answer.evaluatedDecisions;
    assert.ok(only);
    assert.equal(only.decisionKey, answer.decisionKey);
    assert.equal(only.decisionType, 'DECISION_TABLE');
    assert.deepEqual(only.evaluatedInputs, [{ inputId: 'priority-in1', inputName: 'amount', inputValue: '50' }]);
    assert.deepEqual(only.matchedRules.map((r) => [r.ruleId, r.ruleIndex]), [['priority-r2', 2]], 'PRIORITY reports the rule it chose');
    assert.deepEqual(only.matchedRules[0]?.evaluatedOutputs, [{ outputId: 'priority-out1', outputName: 'level', outputValue: '"medium"' }]);
    const again = await evaluate('priority', { amount: 50 });
    assert.notEqual(again.decisionInstanceKey, answer.decisionInstanceKey, 'each evaluation has its own key');
  });

  it('evaluates required decisions first, in dependency order, each result visible by its decision id', async () => {
    const answer = await evaluate('approval', { creditScore: 90, income: 100, amount: 150 });
    assert.equal(JSON.parse(answer.decisionOutput), true);
    assert.deepEqual(answer.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, JSON.parse(d.decisionOutput) as unknown]), [
      ['risk', 'DECISION_TABLE', 'low'],
      ['limit', 'LITERAL_EXPRESSION', 200],
      ['approval', 'DECISION_TABLE', true],
    ]);
    assert.equal(await output('approval', { creditScore: 50, income: 100, amount: 150 }), false);
  });

  const FAILURES: readonly (readonly [string, object, string, RegExp])[] = [
    ['unique-overlap', { amount: 7 }, 'unique-overlap', /multiple rules matched for hit policy UNIQUE/],
    ['any', { amount: 200 }, 'any', /hit policy ANY/],
    ['broken', { creditScore: 50 }, 'broken', /UNIQUE/],
  ];
  for (const [decisionId, variables, failed, message] of FAILURES) {
    it(`reports the failure of ${decisionId} in failedDecisionId and failureMessage`, async () => {
      const answer = await evaluate(decisionId, variables);
      assert.equal(answer.failedDecisionId, failed);
      assert.match(answer.failureMessage, new RegExp(`^Expected to evaluate decision '${decisionId}', but `));
      assert.match(answer.failureMessage, message);
    });
  }

  it('reports the decisions evaluated before a failure', async () => {
    const answer = await evaluate('broken', { creditScore: 50 });
    assert.deepEqual(answer.evaluatedDecisions.map((d) => d.decisionId), ['risk']);
  });

  it('finds a decision by key, and the latest version by id', async () => {
    const byId = await evaluate('unique', { amount: 1 });
    const byKey = await target.client.call('EvaluateDecision', { decisionKey: byId.decisionKey, variables: '{"amount":1}' });
    assert.equal(byKey.status, 'OK', byKey.details);
    assert.equal((byKey.responses[0] as DecisionAnswer).decisionId, 'unique');
    const unknownKey = await target.client.call('EvaluateDecision', { decisionKey: byId.decisionRequirementsKey, variables: '{}' });
    assert.equal(unknownKey.ruleId, 'EvaluateDecision/INVALID_ARGUMENT/unknown-key');
    const unknownId = await target.client.call('EvaluateDecision', { decisionId: 'nowhere', variables: '{}' });
    assert.equal(unknownId.status, 'INVALID_ARGUMENT');
    assert.equal(unknownId.ruleId, 'EvaluateDecision/INVALID_ARGUMENT/unknown-id');
  });

  for (const profile of PROFILES) it(`evaluates in the request's tenant: another tenant's decision is unknown (multi-tenancy on, profile ${profile})`, async () => {
    const mt = await engineWithClient({ multiTenancy: true, profile });
    try {
      await deploy(mt.client, ['hit-policies.dmn'], { tenantId: 'tenant-b', token: STRANGER_TOKEN });
      const own = await mt.client.call('EvaluateDecision', { decisionId: 'first', variables: '{"amount":1}', tenantId: 'tenant-b' }, { token: STRANGER_TOKEN });
      assert.equal(own.status, 'OK', own.details);
      assert.equal((own.responses[0] as DecisionAnswer).tenantId, 'tenant-b');
      const key = (own.responses[0] as DecisionAnswer).decisionKey;
      const other = await mt.client.call('EvaluateDecision', { decisionId: 'first', variables: '{}', tenantId: 'tenant-a' }, { token: AUTHORIZED_TOKEN });
      assert.equal(other.ruleId, 'EvaluateDecision/INVALID_ARGUMENT/unknown-id');
      const byKey = await mt.client.call('EvaluateDecision', { decisionKey: key, variables: '{}', tenantId: 'tenant-a' }, { token: AUTHORIZED_TOKEN });
      assert.equal(byKey.ruleId, 'EvaluateDecision/INVALID_ARGUMENT/unknown-key');
    } finally {
      await mt.close();
    }
  });

  for (const [profile, expected] of [['documented', 'INVALID_ARGUMENT'], ['zeebe-8.5', 'OK']] as const) {
    it(`both id and key in profile ${profile}: ${expected === 'OK' ? 'the id wins' : 'INVALID_ARGUMENT'}`, async () => {
      const other = await engineWithClient({ profile });
      try {
        await deploy(other.client, ['hit-policies.dmn']);
        const first = await other.client.call('EvaluateDecision', { decisionId: 'first', variables: '{}' });
        const key = (first.responses[0] as DecisionAnswer).decisionKey;
        const both = await other.client.call('EvaluateDecision', { decisionId: 'unique', decisionKey: key, variables: '{"amount":500}' });
        assert.equal(both.status, expected, both.details);
        if (expected === 'OK') assert.equal((both.responses[0] as DecisionAnswer).decisionId, 'unique');
      } finally {
        await other.close();
      }
    });
  }
});
