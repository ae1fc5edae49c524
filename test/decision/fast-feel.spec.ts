import assert from 'node:assert/strict';
import { evaluate, unaryTest } from 'feelin';
import { fastExpression, fastUnaryTest } from '../../engine/decision/fast-feel.js';

const TESTS = ['< 10', '<= 10', '> 10', '>= 10', '10', '= 10', '!= 10', '[1..10]', '(1..10)', '[1..10[', ']1..10]', '"a"', '"a","b"', '!= "a"', '< "m"', 'true', 'false', 'null', '1, 5, 10', '-1', '>= -2.5', '"a,b","c"'];
const INPUTS: readonly unknown[] = [-2.5, -1, 0, 1, 5, 10, 11, 'a', 'b', 'z', true, false, null];
const EXPRESSIONS = ['1', '-2.5', '"text"', 'true', 'false', 'null', 'amount', 'order.total', 'missing', 'order.missing.deep'];
const CONTEXT = { amount: 3, order: { total: 7 } };

/** An ordering (or range) test on a non-null input of another type: FEEL says null, feelin compares JavaScript values. */
function ordersAcrossTypes(tests: string, input: unknown): boolean {
  if (input === null || !/^[<>[\](]/.test(tests.trim())) return false;
  const numeric = !tests.includes('"');
  return numeric ? typeof input !== 'number' : typeof input !== 'string';
}

/** The fast path of decision cells gives exactly feelin's result wherever it answers. */
describe('decision cells: the fast path agrees with feelin', () => {
  for (const tests of TESTS) {
    it(`unary tests '${tests}'`, () => {
      for (const input of INPUTS) {
        const fast = fastUnaryTest(tests, input);
        assert.notEqual(fast, undefined, `'${tests}' is simple enough for the fast path`);
        if (ordersAcrossTypes(tests, input)) assert.equal(fast, false, `'${tests}' with ${JSON.stringify(input)}: not comparable, no match`);
        else assert.equal(fast, unaryTest(tests, { '?': input }).value === true, `'${tests}' with ${JSON.stringify(input)}`);
      }
    });
  }

  it('leaves anything else to feelin', () => {
    for (const tests of ['not("a")', '? > 3', '> amount', 'date("2020-01-01")', '[1..x]']) assert.equal(fastUnaryTest(tests, 1), undefined, tests);
    for (const expression of ['amount + 1', 'if true then 1 else 2', '"a\\"b"', 'not(true)']) assert.equal(fastExpression(expression, CONTEXT), undefined, expression);
  });

  for (const expression of EXPRESSIONS) {
    it(`expression '${expression}'`, () => {
      assert.deepEqual(fastExpression(expression, CONTEXT)?.value, evaluate(expression, CONTEXT).value ?? null);
    });
  }
});
