import assert from 'node:assert/strict';
import { evaluateCondition, evaluateExpression } from '../../engine/feel/index.js';
import { feelSyntaxError } from '../../engine/model/feel.js';

const value = (expression: string, variables: Record<string, unknown> = {}): unknown => {
  const result = evaluateExpression(expression, variables);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
};

/** Camunda FEEL's own built-ins (feel-scala), which Zeebe models use and feelin lacks. */
describe('feel: Camunda built-in functions', () => {
  it('is defined / get or else: positional and named arguments, at deploy and at run time', () => {
    assert.deepEqual([value('=is defined(x)', { x: 1 }), value('=is defined(y)')], [true, false]);
    assert.deepEqual(evaluateCondition('=not(is defined(breakfastPrepared))', {}), { ok: true, value: true });
    assert.deepEqual([value('=get or else(y, "none")'), value('=get or else(value: x, default: 0)', { x: 3 })], ['none', 3]);
    assert.equal(feelSyntaxError('get or else(a, 1)'), undefined, "'or' inside the name is not the operator");
  });

  it('lists and strings: is empty, duplicate values, partition, is blank, trim, uuid', () => {
    assert.deepEqual(
      [value('=is empty([])'), value('=duplicate values([1, 2, 1, 3, 3])'), value('=partition([1, 2, 3], 2)'), value('=is blank("  ")'), value('=trim("  a ")')],
      [true, [1, 3], [[1, 2], [3]], true, 'a'],
    );
    assert.match(String(value('=uuid()')), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual([value('=partition([1], 0)'), value('=is empty("x")')], [null, null], 'wrong argument types give null');
  });

  it('assert passes the value through, or fails the evaluation with the cause', () => {
    assert.equal(value('=assert(x, x > 0)', { x: 2 }), 2);
    assert.deepEqual(evaluateExpression('=assert(x, x > 5, "x too small")', { x: 2 }), { ok: false, error: "failed to evaluate expression 'assert(x, x > 5, \"x too small\")': x too small" });
  });

  it('a variable of the same name wins over the built-in', () => {
    assert.equal(value('=trim', { trim: 'mine' }), 'mine');
  });
});
