import assert from 'node:assert/strict';
import { feelSyntaxError } from '../../engine/feel/index.js';

/** Deploy-time checks of expression properties. */
describe('feel: feelSyntaxError', () => {
  it('accepts valid FEEL expressions', () => {
    for (const expression of ['=x > 1', '=order.total > 100 and customer.vip', '={a: 1, b: [1, 2]}', '=if x then "a" else "b"', '=for i in 1..3 return i * 2', '=date("2020-01-01")']) {
      assert.equal(feelSyntaxError(expression), undefined, expression);
    }
  });

  it("reports the parser's reason for invalid FEEL expressions, in Zeebe wording", () => {
    assert.equal(feelSyntaxError('=1 +'), "failed to parse expression '1 +': Incomplete <ArithmeticExpression> at position 3");
    assert.equal(feelSyntaxError('=x >'), "failed to parse expression 'x >': Incomplete <Comparison> at position 3");
    assert.equal(feelSyntaxError('=[1, 2'), "failed to parse expression '[1, 2': Incomplete <List> at position 5");
    for (const expression of ['={a:}', '="unterminated', '=if x then 1', '= ']) {
      assert.match(feelSyntaxError(expression) ?? 'no error', /^failed to parse expression '.*': .+ at position \d+$/s, expression);
    }
  });

  it('accepts static values (whether a property must be an expression is checked elsewhere)', () => {
    assert.equal(feelSyntaxError('x >'), undefined);
    assert.equal(feelSyntaxError('payment-service'), undefined);
    assert.equal(feelSyntaxError('='), undefined);
  });

  it('does not evaluate the expression', () => {
    assert.equal(feelSyntaxError('=for i in 1..100000000 return i'), undefined);
  });
});
