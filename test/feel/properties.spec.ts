import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyInputMappings, evaluateExpression } from '../../engine/feel/index.js';

/** FEEL_SEED pins fast-check's seed; a failure prints the seed and path that replay it. */
const pinned = process.env.FEEL_SEED;
const parameters: fc.Parameters<unknown> = pinned === undefined ? { numRuns: 200 } : { numRuns: 200, seed: Number(pinned) };

/** Words FEEL reads as keywords or operators, not as variable names. */
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'instance', 'of', 'between', 'function', 'external']);

const identifier = fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/).filter((name) => !KEYWORDS.has(name));
const variablesWithKey = fc
  .dictionary(identifier, fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 6 })
  .chain((variables) => fc.tuple(fc.constant(variables), fc.constantFrom(...Object.keys(variables))));

/** The value as JSON text would carry it (JSON has no -0). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const evaluated = (expression: string, variables: Record<string, unknown>): unknown => {
  const result = evaluateExpression(expression, variables);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value;
};

/** FEEL expressions over the variables, including results feelin returns as non-JSON values. */
const expressionOver = (key: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    `=${key}`, `=[${key}, ${key}]`, `={copy: ${key}, n: 1}`, `=${key} = ${key}`, `=string(${key})`, `=count([${key}])`,
    '=now()', '=today()', '=date("2021-02-03")', '=time("10:11:12.5@Europe/Berlin")', '=duration("P1DT2H") * 3',
    '=date and time("2021-03-28T02:30:00@Europe/Paris")', '=[1..5]', '=function(x) x', '=abs', '={f: floor}', '=1 / 0', '=0.1 + 0.2',
    '={d: duration("P1Y"), t: [time("00:00:00"), @"2020-01-01T00:00:00Z"]}',
  );

describe('feel: properties', () => {
  it('evaluates "=k" to the variable k, for any JSON variables', () => {
    fc.assert(
      fc.property(variablesWithKey, ([variables, key]) => {
        assert.deepStrictEqual(evaluated(`=${key}`, variables), asJson(variables[key]));
      }),
      parameters,
    );
  });

  it('returns only plain JSON: every result survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(
        variablesWithKey.chain(([variables, key]) => fc.tuple(fc.constant(variables), expressionOver(key))),
        ([variables, expression]) => {
          const value = evaluated(expression, variables);
          assert.deepStrictEqual(asJson(value), value);
        },
      ),
      parameters,
    );
  });

  it('maps "=k" to any target path as the value of k, nested along the path', () => {
    fc.assert(
      fc.property(variablesWithKey, fc.array(identifier, { minLength: 1, maxLength: 4 }), ([variables, key], path) => {
        const result = applyInputMappings([{ source: `=${key}`, target: path.join('.') }], variables);
        assert.ok(result.ok);
        const nested = path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), asJson(variables[key]));
        assert.deepStrictEqual(result.value, nested);
      }),
      parameters,
    );
  });
});
