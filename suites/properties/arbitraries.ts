/**
 * Generators for the conformance properties: the boundaries a careful tester probes (spec/gateway-service.md,
 * tenant ids, variables documents, numbers and keys). Every arbitrary shrinks towards the simplest boundary value.
 */
import fc from 'fast-check';
import { isBlank, outOfRangeIntegerLiteral, parsesAsJson } from './json-text.js';

export { isBlank, outOfRangeIntegerLiteral, parsesAsJson } from './json-text.js';

/** The real gateway's tenant id mask (length aside): ASCII letters, digits, `_`, `.`, `-`. */
export const TENANT_ID_MASK = /^[A-Za-z0-9_.-]+$/;

/** The longest tenant id the gateway accepts. */
export const MAX_TENANT_ID_LENGTH = 31;

const DEFAULT_TENANT = '<default>';
const LEGAL = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-');
/** Illegal characters, first the one shrinking ends on: punctuation, whitespace, control, non-ASCII, emoji. */
const ILLEGAL = ['/', '<', '>', ' ', '\t', '@', ':', '+', '*', ',', '"', "'", '\\', '%', '\u0000', '\u007f', 'ä', 'é', 'ß', 'İ', 'Ω', '中', '\u00a0', '\u200b', '\u0301', '💥', '👩‍💻'];
/**
 * Whitespace that both readings of "blank" agree on (JavaScript `trim` and Java `isBlank`): no NBSP, U+2007,
 * U+202F (not blank for Java) and no U+001C..U+001F (not blank for JavaScript).
 */
const WHITESPACE = [' ', '\t', '\n', '\r', '\u000b', '\f', '\u1680', '\u2000', '\u2003', '\u2009', '\u2028', '\u2029', '\u205f', '\u3000'];

/** oneof constraints that let a value of any branch shrink to the first branch's simplest values. */
const CROSS = { withCrossShrink: true } as const;
const legalChar = fc.constantFrom(...LEGAL);
const illegalChar = fc.oneof(
  CROSS,
  { arbitrary: fc.constantFrom(...ILLEGAL), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => c.length <= 2 && !TENANT_ID_MASK.test(c)), weight: 1 },
);
const illegalBmpChar = fc.constantFrom(...ILLEGAL.filter((c) => c.length === 1));
const visibleIllegalChar = illegalChar.filter((c) => !isBlank(c));
const hasIllegal = (s: string): boolean => !TENANT_ID_MASK.test(s);

/** Tenant ids of 1 to 31 legal characters, with exactly 1 and exactly 31 as their own boundaries. */
export const validTenantId: fc.Arbitrary<string> = fc.oneof(
  CROSS,
  fc.string({ unit: legalChar, minLength: 1, maxLength: MAX_TENANT_ID_LENGTH }),
  fc.string({ unit: legalChar, minLength: 1, maxLength: 1 }),
  fc.string({ unit: legalChar, minLength: MAX_TENANT_ID_LENGTH, maxLength: MAX_TENANT_ID_LENGTH }),
);

/** Tenant ids of 32 to 64 characters, legal ones only or mixed with illegal ones (length is checked first); never blank. */
export const tenantIdTooLong: fc.Arbitrary<string> = fc
  .oneof(
    CROSS,
    fc.string({ unit: legalChar, minLength: MAX_TENANT_ID_LENGTH + 1, maxLength: 64 }),
    fc.string({ unit: legalChar, minLength: MAX_TENANT_ID_LENGTH + 1, maxLength: MAX_TENANT_ID_LENGTH + 1 }),
    fc.string({ unit: fc.oneof(legalChar, illegalChar), minLength: MAX_TENANT_ID_LENGTH + 1, maxLength: 64 }),
    fc.integer({ min: 4, max: 8 }).map((n) => DEFAULT_TENANT.repeat(n)),
  )
  .filter((s) => !isBlank(s));

/**
 * Tenant ids of 1 to 31 UTF-16 units holding at least one character outside the mask (whitespace inside,
 * punctuation, control, non-ASCII, emoji, near-misses of `<default>`); never blank, never `<default>` itself.
 */
export const tenantIdIllegal: fc.Arbitrary<string> = fc
  .oneof(
    CROSS,
    { arbitrary: fc.tuple(fc.string({ unit: legalChar, maxLength: 12 }), visibleIllegalChar, fc.string({ unit: fc.oneof(legalChar, illegalChar), maxLength: 7 })).map((parts) => parts.join('')), weight: 4 },
    { arbitrary: fc.tuple(fc.nat({ max: 30 }), illegalBmpChar).map(([at, c]) => `${'a'.repeat(at)}${c}${'a'.repeat(30 - at)}`), weight: 1 },
    { arbitrary: fc.constantFrom('<DEFAULT>', '<Default>', ' <default>', '<default> ', '<default', 'default>', '<<default>>', 'tenant a', 'tenänt'), weight: 1 },
  )
  .filter((s) => s.length <= MAX_TENANT_ID_LENGTH && hasIllegal(s) && !isBlank(s) && s !== DEFAULT_TENANT);

/** The empty string or whitespace only (both readings of blank), up to 40 characters: blank wins over length. */
export const blankString: fc.Arbitrary<string> = fc.oneof(
  CROSS,
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...WHITESPACE), minLength: 1, maxLength: 40 }),
);

/** One or more whitespace characters only (a blank string that is not empty). */
export const whitespaceOnly: fc.Arbitrary<string> = fc.string({ unit: fc.constantFrom(...WHITESPACE), minLength: 1, maxLength: 40 });

/** Strings that are not blank (names, types, workers, decision ids), unicode included. */
export const nonBlankString: fc.Arbitrary<string> = fc
  .oneof(CROSS, fc.string({ unit: legalChar, minLength: 1, maxLength: 20 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }))
  .filter((s) => !isBlank(s));

/** JSON text of values of any type without an integer literal beyond 64 bits (doubles like 1e20 print as one). */
export const safeJsonText: fc.Arbitrary<string> = fc
  .jsonValue({ maxDepth: 2 })
  .map((v) => JSON.stringify(v))
  .filter((t) => outOfRangeIntegerLiteral(t) === undefined);

const jsonWhitespace = fc.string({ unit: fc.constantFrom(' ', '\n', '\t', '\r'), maxLength: 3 });
const padded = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(jsonWhitespace, text, jsonWhitespace).map(([a, t, b]) => `${a}${t}${b}`);

/** Non-blank strings that `JSON.parse` rejects: truncated or mutated JSON, JavaScript-isms, plain text. */
export const notJson: fc.Arbitrary<string> = fc
  .oneof(
    CROSS,
    fc.constantFrom('{', "{'a':1}", '{"a":1,}', '{a:1}', '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '{"a":01}', '{"a":1}}', '{"a":1} x', '[1,]', 'nul', 'True', '{"a":"\u0001"}', '/*c*/{}', '{"a" 1}', '+1', '0x10', '"open'),
    fc.json({ maxDepth: 2 }).chain((t) => fc.nat({ max: Math.max(0, t.length - 1) }).map((n) => t.slice(0, n))),
    fc.tuple(safeJsonText, fc.nat(), fc.constantFrom(',', '{', '}', '[', ']', ':', '"', "'")).map(([t, at, c]) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))),
    fc.string({ minLength: 1, maxLength: 30 }),
  )
  .filter((t) => !isBlank(t) && !parsesAsJson(t));

/** JSON text whose root is an array, a string, a number or a boolean (never `null`: that means "no variables"). */
export const jsonNotObject: fc.Arbitrary<string> = padded(
  fc.oneof(
    CROSS,
    fc.constantFrom('[]', '""', '0', 'true', 'false', '-0', '[{}]', '18446744073709551615', '-9223372036854775808', '1e400'),
    fc.array(safeJsonText, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map(String),
    fc.boolean().map(String),
  ),
).filter((t) => outOfRangeIntegerLiteral(t) === undefined);

/** Integer literals beyond uint64 or int64: from 2^64 and from -2^63-1 outwards, or runs of nines. */
export const hugeIntegerLiteral: fc.Arbitrary<string> = fc.oneof(
  CROSS,
  fc.bigInt({ min: 2n ** 64n, max: 2n ** 256n }).map(String),
  fc.bigInt({ min: -(2n ** 256n), max: -(2n ** 63n) - 1n }).map(String),
  fc.integer({ min: 20, max: 400 }).map((n) => '9'.repeat(n)),
);

const jsonKey = fc.string({ maxLength: 6 });
const objectEntries = fc.dictionary(jsonKey, safeJsonText, { maxKeys: 3 });
/** One nesting step around the literal: under a key, or in an array after some siblings. */
const step = fc.oneof(
  jsonKey.map((k) => (inner: string) => `{${JSON.stringify(k)}:${inner}}`),
  fc.array(safeJsonText, { maxLength: 2 }).map((before) => (inner: string) => `[${[...before, inner].join(',')}]`),
);

/** JSON objects holding an integer literal beyond 2^64-1 or below -2^63, at the root or nested in objects and arrays. */
export const jsonWithHugeInteger: fc.Arbitrary<string> = fc
  .tuple(hugeIntegerLiteral, fc.array(step, { maxLength: 3 }), jsonKey, objectEntries)
  .map(([literal, steps, key, others]) => {
    const inner = steps.reduceRight((text, wrap) => wrap(text), literal);
    const siblings = Object.entries(others).filter(([k]) => k !== key).map(([k, v]) => `,${JSON.stringify(k)}:${v}`);
    return `{${JSON.stringify(key)}:${inner}${siblings.join('')}}`;
  });

/** Variables documents every gateway accepts: empty, blank, `null`, objects, 64-bit boundaries, big doubles. */
export const validVariables: fc.Arbitrary<string> = fc.oneof(
  CROSS,
  fc.constantFrom('', ' ', 'null', '{}', '{"a":18446744073709551615}', '{"a":-9223372036854775808}', '{"a":"18446744073709551616"}', '{"a":1.5e300}'),
  padded(objectEntries.map((o) => `{${Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`)),
);

/** int32 values of 0 or below, down to -2^31; shrinks to 0. */
export const nonPositiveInt32: fc.Arbitrary<number> = fc.integer({ min: -(2 ** 31), max: 0 });

/** int64 values of 0 or below as decimal strings, down to -2^63; shrinks to "0". */
export const nonPositiveInt64: fc.Arbitrary<string> = fc.bigInt({ min: -(2n ** 63n), max: 0n }).map(String);

/** int32 values of 1 or above, up to 2^31-1. */
export const positiveInt32: fc.Arbitrary<number> = fc.integer({ min: 1, max: 2 ** 31 - 1 });

/** int64 values of 1 or above as decimal strings, up to 2^63-1. */
export const positiveInt64: fc.Arbitrary<string> = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String);

/** Non-zero int64 values as decimal strings, negative ones included. */
export const nonZeroInt64: fc.Arbitrary<string> = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((v) => v !== 0n).map(String);

const PARTITION_SHIFT = 51n;
const MAX_INT64 = 2n ** 63n - 1n;

/** Positive keys whose partition (`key >> 51`) is 0 or above `partitions`, as decimal strings; shrinks to "0". */
export function keyOnMissingPartition(partitions: number): fc.Arbitrary<string> {
  return fc
    .oneof(CROSS, fc.bigInt({ min: 0n, max: (1n << PARTITION_SHIFT) - 1n }), fc.bigInt({ min: (BigInt(partitions) + 1n) << PARTITION_SHIFT, max: MAX_INT64 }))
    .map(String);
}

/** Keys on an existing partition (1 to `partitions`), as decimal strings: routable, naming nothing in particular. */
export function keyOnPartition(partitions: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max: partitions }), fc.bigInt({ min: 1n, max: (1n << PARTITION_SHIFT) - 1n }))
    .map(([p, n]) => String((BigInt(p) << PARTITION_SHIFT) + n));
}

/** Bearer tokens no target issues: random printable text, JWT-shaped garbage, unsigned (`alg: none`) JWTs. */
export const invalidToken: fc.Arbitrary<string> = fc.oneof(
  CROSS,
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 64 }),
  fc.array(fc.base64String({ maxLength: 40 }).map(base64Url), { minLength: 3, maxLength: 3 }).map((parts) => parts.join('.')),
  fc.array(fc.string({ unit: legalChar, maxLength: 8 }), { maxLength: 3 }).map((tenants) => unsignedJwt({ sub: 'conformance', tenants })),
);

function base64Url(text: string): string {
  return text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unsignedJwt(payload: object): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...payload, exp: 4102444800 })}.`;
}
