import assert from 'node:assert/strict';
import { evaluateCondition } from '../../engine/feel/index.js';

const errorOf = (result: { ok: true } | { ok: false; error: string }): string => {
  assert.ok(!result.ok, 'expected an error');
  return result.error;
};

/** Sequence-flow conditions: a FEEL expression whose result must be a boolean (BPMN exclusive/inclusive gateways). */
describe('feel: evaluateCondition', () => {
  const variables = { order: { total: 150, items: ['a', 'b'] }, customer: { vip: true, name: 'Ada' } };

  it('evaluates comparisons and boolean logic on nested variables', () => {
    assert.deepEqual(evaluateCondition('=order.total > 100 and customer.vip', variables), { ok: true, value: true });
    assert.deepEqual(evaluateCondition('=order.total > 200 or not(customer.vip)', variables), { ok: true, value: false });
    assert.deepEqual(evaluateCondition('=count(order.items) = 2 and customer.name = "Ada"', variables), { ok: true, value: true });
    assert.deepEqual(evaluateCondition('=order.total between 100 and 200', variables), { ok: true, value: true });
    assert.deepEqual(evaluateCondition('=list contains(order.items, "c")', variables), { ok: true, value: false });
  });

  it('fails on a missing variable because null is not a boolean, naming the expression and the variable', () => {
    assert.equal(
      errorOf(evaluateCondition('=x > 1', {})),
      "Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'. The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'x'",
    );
  });

  it('fails on a missing nested entry in the same way', () => {
    const error = errorOf(evaluateCondition('=order.discount > 0', variables));
    assert.match(error, /^Expected result of the expression 'order\.discount > 0' to be 'BOOLEAN', but was 'NULL'\./);
    assert.match(error, /\[NO_CONTEXT_ENTRY_FOUND\] context contains no entry with key 'discount'/);
  });

  it('fails on a non-boolean result, naming its type', () => {
    assert.equal(errorOf(evaluateCondition('=order.total', variables)), "Expected result of the expression 'order.total' to be 'BOOLEAN', but was 'NUMBER'.");
    assert.equal(errorOf(evaluateCondition('=customer', variables)), "Expected result of the expression 'customer' to be 'BOOLEAN', but was 'OBJECT'.");
    assert.equal(errorOf(evaluateCondition('=order.items', variables)), "Expected result of the expression 'order.items' to be 'BOOLEAN', but was 'ARRAY'.");
    assert.equal(errorOf(evaluateCondition('="true"', variables)), `Expected result of the expression '"true"' to be 'BOOLEAN', but was 'STRING'.`);
  });

  it('rejects a static condition, which Zeebe does not accept', () => {
    assert.equal(
      errorOf(evaluateCondition('true', {})),
      "Expected expression but found static value 'true'. An expression must start with '=' (e.g. '=true').",
    );
  });

  it('reports a syntax error as a parse failure', () => {
    assert.match(errorOf(evaluateCondition('=x >', { x: 1 })), /^failed to parse expression 'x >': /);
  });
});
