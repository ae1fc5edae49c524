/**
 * Small checks of a response's shape, each answering the problems it found (none: well-formed). Responses are as the
 * harness decodes them: 64-bit integers as decimal strings, enums as names, every field present.
 */

/** Problems found in a response, each naming the field. */
export type Problems = string[];

type Value = unknown;

const isInt64Text = (v: Value): v is string => typeof v === 'string' && /^-?\d+$/.test(v);

/** A key: a positive 64-bit integer. */
export function key(field: string, v: Value): Problems {
  return isInt64Text(v) && BigInt(v) > 0n ? [] : [`${field} is not a key (a positive 64-bit integer): ${show(v)}`];
}

/** The same 64-bit integer as `expected`. */
export function sameKey(field: string, v: Value, expected: string): Problems {
  return isInt64Text(v) && BigInt(v) === BigInt(expected) ? [] : [`${field} is ${show(v)}, expected ${expected}`];
}

/** An integer of at least `min`. */
export function intAtLeast(field: string, v: Value, min: number): Problems {
  const n = typeof v === 'string' && isInt64Text(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= min ? [] : [`${field} is ${show(v)}, expected an integer >= ${min}`];
}

/** Exactly `expected`. */
export function equals(field: string, v: Value, expected: Value): Problems {
  return v === expected ? [] : [`${field} is ${show(v)}, expected ${show(expected)}`];
}

/** A non-empty string. */
export function nonEmpty(field: string, v: Value): Problems {
  return typeof v === 'string' && v.length > 0 ? [] : [`${field} is ${show(v)}, expected a non-empty string`];
}

/** One of the given names (an enum). */
export function oneOf(field: string, v: Value, names: readonly string[]): Problems {
  return typeof v === 'string' && names.includes(v) ? [] : [`${field} is ${show(v)}, expected one of ${names.join(', ')}`];
}

/** A JSON document whose root is an object; answers it too, for further checks. */
export function jsonObject(field: string, v: Value): { problems: Problems; value: Record<string, unknown> } {
  if (typeof v !== 'string') return { problems: [`${field} is ${show(v)}, expected a JSON object document`], value: {} };
  try {
    const parsed: unknown = JSON.parse(v);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { problems: [], value: parsed as Record<string, unknown> };
  } catch {
    // reported below
  }
  return { problems: [`${field} is not a JSON object document: ${show(v)}`], value: {} };
}

/** The variable names of a JSON object document: exactly `expected` (order aside). */
export function variableNames(field: string, v: Value, expected: readonly string[]): Problems {
  const doc = jsonObject(field, v);
  if (doc.problems.length > 0) return doc.problems;
  const names = Object.keys(doc.value).sort();
  const want = [...expected].sort();
  return JSON.stringify(names) === JSON.stringify(want) ? [] : [`${field} holds variables [${names.join(', ')}], expected [${want.join(', ')}]`];
}

/** A list of exactly `length` entries. */
export function listOf(field: string, v: Value, length: number): Problems {
  return Array.isArray(v) && v.length === length ? [] : [`${field} has ${Array.isArray(v) ? v.length : show(v)} entries, expected ${length}`];
}

/** The answer of an RPC that makes one record: its `key` is a key and its `tenantId` is exactly `tenantId`. */
export function keyAndTenant(answer: Record<string, unknown>, tenantId: string): Problems {
  return [...key('key', answer['key']), ...equals('tenantId', answer['tenantId'], tenantId)];
}

/** An empty message (a response type without fields). */
export function empty(v: Value): Problems {
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0 ? [] : [`the response is ${show(v)}, expected an empty message`];
}

/** The fields of a message, or an empty record when it is not one. */
export function fieldsOf(v: Value): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function show(v: Value): string {
  const text = JSON.stringify(v) as string | undefined;
  return text === undefined ? String(v) : text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
