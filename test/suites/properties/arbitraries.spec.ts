import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as A from '../../../suites/properties/arbitraries.js';
import { toProtoJson } from '../../../suites/properties/proto-json.js';
import { propertySeed } from './seed.js';

const MAX_UINT64 = 2n ** 64n - 1n;
const MIN_INT64 = -(2n ** 63n);
const parameters: fc.Parameters<unknown> = { numRuns: 500, seed: propertySeed() };
/** A fixed sample, for "the boundary is generated at all" checks that must not depend on the seed. */
const sampleOf = <T>(arb: fc.Arbitrary<T>): T[] => fc.sample(arb, { numRuns: 2000, seed: 1 });
const rootType = (text: string): string => {
  const root: unknown = JSON.parse(text);
  return root === null ? 'null' : Array.isArray(root) ? 'array' : typeof root;
};

/** How many objects and arrays enclose the out-of-range literal (strings blanked first). */
const nestingOfLiteral = (text: string): number => {
  const blanked = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const before = blanked.slice(0, blanked.indexOf(A.outOfRangeIntegerLiteral(blanked) ?? ''));
  return Array.from(before).reduce((depth, c) => depth + (c === '{' || c === '[' ? 1 : c === '}' || c === ']' ? -1 : 0), 0);
};

/** Every arbitrary generates what its doc line says, and reaches the boundaries it claims. */
describe('suites/properties/arbitraries', () => {
  it('tenantIdTooLong: 32 characters or more, never blank, exactly 32 among them', () => {
    fc.assert(fc.property(A.tenantIdTooLong, (t) => t.length >= 32 && !A.isBlank(t)), parameters);
    const sample = sampleOf(A.tenantIdTooLong);
    assert.ok(sample.some((t) => t.length === 32));
    assert.ok(sample.some((t) => !A.TENANT_ID_MASK.test(t)) && sample.some((t) => A.TENANT_ID_MASK.test(t)), 'with and without illegal characters');
  });

  it('tenantIdIllegal: 1 to 31 units, fails the mask, never blank nor <default>; whitespace, non-ASCII and emoji among them', () => {
    const ok = (t: string): boolean => t.length >= 1 && t.length <= 31 && !A.TENANT_ID_MASK.test(t) && !A.isBlank(t) && t !== '<default>';
    fc.assert(fc.property(A.tenantIdIllegal, ok), parameters);
    const sample = sampleOf(A.tenantIdIllegal);
    for (const [what, test] of [['whitespace', /\s/], ['non-ASCII', /[\u0080-\uffff]/], ['an emoji', /\p{Extended_Pictographic}/u]] as const) {
      assert.ok(sample.some((t) => test.test(t)), `no id with ${what}`);
    }
    assert.ok(sample.some((t) => t.length === 31));
  });

  it('validTenantId: 1 to 31 legal characters, exactly 1 and 31 among them', () => {
    fc.assert(fc.property(A.validTenantId, (t) => A.TENANT_ID_MASK.test(t) && t.length <= 31), parameters);
    const lengths = new Set(sampleOf(A.validTenantId).map((t) => t.length));
    assert.ok(lengths.has(1) && lengths.has(31));
  });

  it('blankString: empty or whitespace for both JavaScript and Java', () => {
    fc.assert(fc.property(A.blankString, (s) => s.trim() === '' && A.isBlank(s)), parameters);
    fc.assert(fc.property(A.whitespaceOnly, (s) => s.length > 0 && s.trim() === ''), parameters);
    assert.ok(sampleOf(A.blankString).includes(''));
  });

  it('isBlank: either reading of blank counts', () => {
    for (const blank of ['', ' \t\n', '\u00a0', '\u001f', '\u3000']) assert.equal(A.isBlank(blank), true, JSON.stringify(blank));
    for (const text of ['a', ' a ', '\u200b', '<default>']) assert.equal(A.isBlank(text), false, JSON.stringify(text));
  });

  it('notJson: JSON.parse rejects it, and it is not blank', () => {
    fc.assert(fc.property(A.notJson, (t) => !A.isBlank(t) && !A.parsesAsJson(t)), parameters);
  });

  it('jsonNotObject: JSON whose root is an array, string, number or boolean, never null, never an out-of-range integer', () => {
    const roots = ['array', 'string', 'number', 'boolean'];
    fc.assert(fc.property(A.jsonNotObject, (t) => roots.includes(rootType(t)) && A.outOfRangeIntegerLiteral(t) === undefined), parameters);
    assert.deepEqual(new Set(sampleOf(A.jsonNotObject).map(rootType)), new Set(roots));
  });

  it('jsonWithHugeInteger: a JSON object holding an integer literal beyond uint64 or int64, 2^64 and -2^63-1 among them', () => {
    fc.assert(fc.property(A.jsonWithHugeInteger, (t) => rootType(t) === 'object' && A.outOfRangeIntegerLiteral(t) !== undefined), parameters);
    const literals = sampleOf(A.hugeIntegerLiteral).map(BigInt);
    assert.ok(literals.includes(MAX_UINT64 + 1n) && literals.includes(MIN_INT64 - 1n));
    assert.ok(sampleOf(A.jsonWithHugeInteger).some((t) => nestingOfLiteral(t) > 1), 'never nested');
  });

  it('outOfRangeIntegerLiteral: integer literals only, strings and exponents skipped', () => {
    assert.equal(A.outOfRangeIntegerLiteral('{"a":18446744073709551616}'), '18446744073709551616');
    assert.equal(A.outOfRangeIntegerLiteral('{"a":[-9223372036854775809]}'), '-9223372036854775809');
    for (const ok of ['{"a":18446744073709551615}', '{"a":-9223372036854775808}', '{"a":"18446744073709551616"}', '{"a":1e400}', '{"a":1.5}']) {
      assert.equal(A.outOfRangeIntegerLiteral(ok), undefined, ok);
    }
  });

  it('validVariables: blank, null or an object, with no out-of-range integer', () => {
    const ok = (t: string): boolean => A.isBlank(t) || (['object', 'null'].includes(rootType(t)) && A.outOfRangeIntegerLiteral(t) === undefined);
    fc.assert(fc.property(A.validVariables, ok), parameters);
  });

  it('numbers: non-positive int32 and int64 down to their minimum, positive ones from 1', () => {
    fc.assert(fc.property(A.nonPositiveInt32, (n) => Number.isInteger(n) && n <= 0 && n >= -(2 ** 31)), parameters);
    fc.assert(fc.property(A.nonPositiveInt64, (s) => BigInt(s) <= 0n && BigInt(s) >= MIN_INT64), parameters);
    fc.assert(fc.property(A.positiveInt64, (s) => BigInt(s) >= 1n && BigInt(s) <= -MIN_INT64 - 1n), parameters);
    fc.assert(fc.property(A.nonZeroInt64, (s) => BigInt(s) !== 0n), parameters);
    assert.ok(sampleOf(A.nonPositiveInt64).includes(String(MIN_INT64)) && sampleOf(A.nonPositiveInt32).includes(-(2 ** 31)));
  });

  it('keys: on a missing partition (0 or above the count), or on an existing one', () => {
    for (const partitions of [1, 3]) {
      const partition = (k: string): bigint => BigInt(k) >> 51n;
      fc.assert(fc.property(A.keyOnMissingPartition(partitions), (k) => BigInt(k) >= 0n && (partition(k) === 0n || partition(k) > BigInt(partitions))), parameters);
      fc.assert(fc.property(A.keyOnPartition(partitions), (k) => partition(k) >= 1n && partition(k) <= BigInt(partitions)), parameters);
    }
  });

  it('invalidToken: printable ASCII without spaces, so that it reaches the target as sent', () => {
    fc.assert(fc.property(A.invalidToken, (t) => /^[\x21-\x7e]+$/.test(t)), parameters);
  });

  it('toProtoJson: bytes as base64, bigints as strings, everything else unchanged', () => {
    const json = toProtoJson({ a: Buffer.from('hi'), b: [new Uint8Array([1, 2])], c: 12n, d: { e: 'x', f: 1, g: true } });
    assert.deepEqual(json, { a: 'aGk=', b: ['AQI='], c: '12', d: { e: 'x', f: 1, g: true } });
  });
});
