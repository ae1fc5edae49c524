import assert from 'node:assert/strict';
import { deployedEngine } from '../../support/deployed-engine.js';
import type { EngineWithClient } from '../../support/engine-target.js';
import { decisionCalls } from '../../support/decisions.js';

/**
 * typeRef as dmn-scala (Zeebe 8.5's DMN engine) handles it, over EvaluateDecision: the decision variable's typeRef is
 * a check of the decision's result, never a conversion; input and output clause typeRefs are ignored.
 */
describe('engine state: EvaluateDecision and typeRef', () => {
  let target: EngineWithClient;
  before(async () => {
    target = await deployedEngine(['type-refs.dmn']);
  });
  after(() => target.close());

  const { evaluate, output } = decisionCalls(() => target.client);

  it('a result of the variable\'s type passes; null passes whatever the type', async () => {
    assert.equal(await output('typedNumber', { value: 5 }), 5);
    assert.equal(await output('typedNumber', {}), null);
    assert.equal(await output('typedDuration', { value: 'PT2H' }), 'PT2H');
  });

  it('a result of another type fails the decision, unconverted, in dmn-scala\'s words', async () => {
    const answer = await evaluate('typedNumber', { value: '5' });
    assert.equal(answer.failedDecisionId, 'typedNumber');
    assert.equal(answer.failureMessage, "Expected to evaluate decision 'typedNumber', but expected 'number' but found 'ValString(5)'");
    assert.deepEqual(answer.evaluatedDecisions.map((d) => [d.decisionId, JSON.parse(d.decisionOutput) as unknown]), [['typedNumber', '5']], 'evaluated, then refused');
    const date = await evaluate('typedDateTime', { kind: 'date', value: '2030-01-01' });
    assert.equal(date.failureMessage, "Expected to evaluate decision 'typedDateTime', but expected 'dateTime' but found 'ValDate(2030-01-01)'");
    assert.match((await evaluate('typedDuration', { value: 'P1Y' })).failureMessage, /expected 'dayTimeDuration' but found 'ValYearMonthDuration\(P1Y\)'$/);
  });

  it('a feel: prefix is ignored; a type dmn-scala does not know (Any) accepts anything', async () => {
    assert.equal(await output('prefixedString', { value: 'x' }), 'x');
    assert.match((await evaluate('prefixedString', { value: true })).failureMessage, /expected 'string' but found 'ValBoolean\(true\)'$/);
    assert.deepEqual(await output('anything', { value: [1, 'a'] }), [1, 'a']);
    assert.equal(await output('typedDateTime', { kind: 'dateTime', value: '2030-01-01T10:00:00Z' }), '2030-01-01T10:00:00Z');
  });

  it('a required decision of the wrong type fails the evaluation there', async () => {
    const answer = await evaluate('requiresTyped', { value: 'one' });
    assert.equal(answer.failedDecisionId, 'typedNumber');
    assert.equal(answer.failureMessage, "Expected to evaluate decision 'requiresTyped', but expected 'number' but found 'ValString(one)'");
    assert.equal(await output('requiresTyped', { value: 1 }), 2);
  });

  it('input and output clause typeRefs neither convert nor check', async () => {
    const answer = await evaluate('typedClauses', { value: 'abc' });
    assert.equal(answer.failureMessage, '');
    assert.equal(JSON.parse(answer.decisionOutput), '5', 'the number output keeps the string the entry gave');
    const [table] = answer.evaluatedDecisions;
    assert.equal(table?.evaluatedInputs[0]?.inputValue, '"abc"', 'the number input keeps the string');
    assert.equal(table.matchedRules[0]?.evaluatedOutputs[0]?.outputValue, '"5"');
  });

  it('a decision table with a typed variable has its whole result checked', async () => {
    assert.equal(await output('typedTable', { value: 'text' }), 'text');
    assert.match((await evaluate('typedTable', { value: 7 })).failureMessage, /expected 'string' but found 'ValNumber\(7\)'$/);
  });
});
