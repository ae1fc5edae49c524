import assert from 'node:assert/strict';
import { evaluateExpression, evaluateInteger, evaluateString } from '../../engine/feel/index.js';

const valueOf = (expression: string, variables: Record<string, unknown> = {}): unknown => {
  const result = evaluateExpression(expression, variables);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
};

const errorOf = (result: { ok: true } | { ok: false; error: string }): string => {
  assert.ok(!result.ok, 'expected an error');
  return result.error;
};

/** evaluateExpression: '=' is FEEL over JSON variables, anything else the static string; results are plain JSON. */
describe('feel: evaluateExpression', () => {
  const variables = { n: 3, s: 'abc', b: true, list: [1, 'two', null], ctx: { a: { b: [10, 20] } } };

  it('reads numbers, strings, booleans, lists and contexts from variables', () => {
    assert.equal(valueOf('=n', variables), 3);
    assert.equal(valueOf('=s', variables), 'abc');
    assert.equal(valueOf('=b', variables), true);
    assert.deepEqual(valueOf('=list', variables), [1, 'two', null]);
    assert.deepEqual(valueOf('=ctx', variables), { a: { b: [10, 20] } });
    assert.equal(valueOf('=ctx.a.b[2]', variables), 20);
  });

  it('computes with FEEL operators and builds lists and contexts', () => {
    assert.equal(valueOf('=n * 2 + 1', variables), 7);
    assert.equal(valueOf('=s + "def"', variables), 'abcdef');
    assert.equal(valueOf('=upper case(s)', variables), 'ABC');
    assert.deepEqual(valueOf('=for x in [1, 2] return x * n', variables), [3, 6]);
    assert.deepEqual(valueOf('={total: n * 10, items: list[item != null]}', variables), { total: 30, items: [1, 'two'] });
  });

  it('treats a value without "=" as the static string, even when it looks like FEEL or a number', () => {
    assert.equal(valueOf('n + 1', variables), 'n + 1');
    assert.equal(valueOf('42'), '42');
    assert.equal(valueOf(''), '');
    assert.equal(valueOf('='), '=', 'a lone "=" is static in Zeebe (pattern "=(.+)")');
  });

  it('yields null for a missing variable or path, as feel-scala does', () => {
    assert.equal(valueOf('=missing'), null);
    assert.equal(valueOf('=ctx.nope.deeper', variables), null);
  });

  it('returns dates and times as the ISO strings Zeebe stores', () => {
    assert.equal(valueOf('=date("2020-01-31")'), '2020-01-31');
    assert.equal(valueOf('=date and time("2020-01-31T10:15:00")'), '2020-01-31T10:15:00');
    assert.equal(valueOf('=date and time("2020-01-31T10:15:00.5+05:30")'), '2020-01-31T10:15:00.5+05:30');
    assert.equal(valueOf('=date and time("2020-07-01T10:00:00@Europe/Paris")'), '2020-07-01T10:00:00+02:00');
    assert.equal(valueOf('=date and time("2020-01-01T10:00:00Z")'), '2020-01-01T10:00:00Z');
    assert.equal(valueOf('=time("10:15:00")'), '10:15', 'a local time is written with LocalTime.toString');
    assert.equal(valueOf('=time("10:15:30.5")'), '10:15:30.500');
    assert.equal(valueOf('=time("10:15:00+02:00")'), '10:15:00+02:00');
    assert.equal(valueOf('=time("10:15:00@Europe/Paris")'), '10:15:00@Europe/Paris');
  });

  it('returns now() and today() as ISO strings of the current instant', () => {
    const before = Date.now();
    const now = valueOf('=now()');
    assert.equal(typeof now, 'string');
    assert.match(now as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    const instant = Date.parse(now as string);
    assert.ok(instant >= before - 1000 && instant <= Date.now() + 1000, `${now as string} is not now`);
    assert.match(valueOf('=today()') as string, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('returns durations in feel-scala ISO-8601 form', () => {
    assert.equal(valueOf('=duration("PT36H")'), 'P1DT12H');
    assert.equal(valueOf('=duration("P14M")'), 'P1Y2M');
    assert.equal(valueOf('=duration("-PT90M")'), '-PT1H30M');
    assert.equal(valueOf('=duration("P0D")'), 'P0D');
    assert.equal(valueOf('=duration("P0Y")'), 'P0Y');
    assert.equal(valueOf('=date("2020-03-01") - date("2020-02-01")'), 'P29D');
  });

  it('turns values with no JSON form into null', () => {
    assert.deepEqual(valueOf('=[[1..3], function(x) x, abs, 10 ** 400, -0]'), [null, null, null, null, 0]);
  });

  it('reports a FEEL syntax error in Zeebe wording', () => {
    assert.equal(errorOf(evaluateExpression('=1 +', {})), "failed to parse expression '1 +': Incomplete <ArithmeticExpression> at position 3");
  });
});

/** evaluateString and evaluateInteger: job type and retries, type-checked as Zeebe's ExpressionProcessor does. */
describe('feel: evaluateString and evaluateInteger', () => {
  it('accepts a static job type and a FEEL job type', () => {
    assert.deepEqual(evaluateString('payment-service', {}), { ok: true, value: 'payment-service' });
    assert.deepEqual(evaluateString('="svc-" + region', { region: 'eu' }), { ok: true, value: 'svc-eu' });
  });

  it('rejects an empty, non-string or missing job type', () => {
    assert.equal(errorOf(evaluateString('=""', {})), `Expected result of the expression '""' to be a not-empty string, but was an empty string.`);
    assert.equal(errorOf(evaluateString('=n', { n: 1 })), "Expected result of the expression 'n' to be 'STRING', but was 'NUMBER'.");
    assert.equal(
      errorOf(evaluateString('=kind', {})),
      "Expected result of the expression 'kind' to be 'STRING', but was 'NULL'. The evaluation reported the following warnings:\n" +
        "[NO_VARIABLE_FOUND] No variable found with name 'kind'",
    );
  });

  it('types a static numeric job type as a NUMBER, as Zeebe StaticExpression does', () => {
    assert.equal(errorOf(evaluateString('123', {})), "Expected result of the expression '123' to be 'STRING', but was 'NUMBER'.");
  });

  it('reads static and FEEL retries, truncating decimals like Number.longValue()', () => {
    assert.deepEqual(evaluateInteger('3', {}), { ok: true, value: 3 });
    assert.deepEqual(evaluateInteger('=retries * 2', { retries: 2 }), { ok: true, value: 4 });
    assert.deepEqual(evaluateInteger('=7 / 2', {}), { ok: true, value: 3 });
  });

  it('rejects retries that are not a number', () => {
    assert.equal(errorOf(evaluateInteger('three', {})), "Expected result of the expression 'three' to be 'NUMBER', but was 'STRING'.");
    assert.equal(errorOf(evaluateInteger('=date("2020-01-01")', {})), `Expected result of the expression 'date("2020-01-01")' to be 'NUMBER', but was 'DATE'.`);
    assert.match(errorOf(evaluateInteger('=r', {})), /^Expected result of the expression 'r' to be 'NUMBER', but was 'NULL'\./);
  });
});
