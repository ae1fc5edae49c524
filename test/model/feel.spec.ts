/** The deployment-time expression checks, after real Zeebe's ZeebeExpressionValidator. */
import assert from 'node:assert/strict';

import { feelBody, feelSyntaxError, verifyExpression, verifyPath } from '../../engine/model/feel.js';

describe('expression checks', () => {
  it('tells expressions (= and at least one character) from static values', () => {
    assert.equal(feelBody('=x > 1'), 'x > 1');
    assert.equal(feelBody('=\n a'), '\n a');
    assert.equal(feelBody('='), undefined);
    assert.equal(feelBody('x'), undefined);
    assert.equal(feelBody(' =x'), undefined);
  });

  for (const expression of ['x > 1', 'is defined(a) and not(b)', '{a: 1, "b c": [1, 2]}', 'a.b[1].c', 'if a then b else c', '@"PT5M"', 'for i in 1..3 return i * 2']) {
    it(`parses ${expression}`, () => {
      assert.equal(feelSyntaxError(expression), undefined);
    });
  }

  for (const [expression, position] of [['x >', 4], ['foo(', 5], ['a and', 6], ['', 1], ['"open', 1]] as const) {
    it(`reports the syntax error of '${expression}'`, () => {
      const message = feelSyntaxError(expression);
      assert.ok(message?.startsWith(`failed to parse expression '${expression}': syntax error at position ${position}`), message);
    });
  }

  it('requires a mandatory value', () => {
    assert.deepEqual(verifyExpression(undefined, { mandatory: true, nonStatic: false }), ['Expected expression but not found.']);
    assert.deepEqual(verifyExpression(undefined, { mandatory: false, nonStatic: false }), []);
  });

  it('accepts a static value unless an expression is required', () => {
    assert.deepEqual(verifyExpression('abc', { mandatory: true, nonStatic: false }), []);
    assert.deepEqual(verifyExpression('abc', { mandatory: true, nonStatic: true }), [
      "Expected expression but found static value 'abc'. An expression must start with '=' (e.g. '=abc').",
    ]);
  });

  it('checks the syntax of an expression', () => {
    assert.deepEqual(verifyExpression('=a +', { mandatory: true, nonStatic: true }).length, 1);
    assert.deepEqual(verifyExpression('=a + 1', { mandatory: true, nonStatic: true }), []);
  });

  it('checks variable paths as real Zeebe does', () => {
    assert.deepEqual(verifyPath('a.b_c.D1'), []);
    assert.deepEqual(verifyPath(undefined), ['Expected path expression but not found.']);
    assert.deepEqual(verifyPath(''), ['Expected path expression but not found.']);
    assert.match(verifyPath('a-b')[0] ?? '', /^Expected path expression 'a-b' but doesn't match the pattern/);
    assert.match(verifyPath('null')[0] ?? '', /^Expected path expression 'null' but is one of the reserved words/);
  });
});
