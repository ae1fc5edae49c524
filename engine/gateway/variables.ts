import type { RpcName } from '../../rules/index.js';
import type { Check } from './check.js';
import { violation, type Violation } from '../violation.js';

const MAX_UINT64 = 2n ** 64n - 1n;
const MIN_INT64 = -(2n ** 63n);
/** Integer tokens outside strings; strings are matched first so their digits are skipped. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Why a variables document is refused, or `undefined` when it is an object (or empty or null: no variables). */
export function variablesProblem(text: string): { kind: 'not-json' | 'integer-overflow' | 'not-object'; detail: string } | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { kind: 'not-json', detail: e instanceof Error ? e.message : String(e) };
  }
  const overflow = findIntegerOverflow(text);
  if (overflow !== undefined) return { kind: 'integer-overflow', detail: overflow };
  // JSON null is read as "no variables", as the real broker reads a nil document.
  const type = jsonType(parsed);
  return type === 'OBJECT' || type === 'NULL' ? undefined : { kind: 'not-object', detail: type };
}

/** The variables rules of an RPC for one field, in the real gateway's wording. */
export function variablesCheck<R>(rpc: RpcName, pick: (request: R) => string, property = 'variables'): Check<R> {
  return (request) => variablesViolation(rpc, pick(request), property, 'variables');
}

/** Same as `variablesCheck`, for every document a request carries (e.g. modification instructions). */
export function variablesListCheck<R>(rpc: RpcName, pick: (request: R) => readonly string[], slug: string): Check<R> {
  return (request) => {
    for (const text of pick(request)) {
      const found = variablesViolation(rpc, text, 'variables', slug);
      if (found) return found;
    }
    return undefined;
  };
}

function variablesViolation(rpc: RpcName, text: string, property: string, slug: string): Violation | undefined {
  const problem = variablesProblem(text);
  if (!problem) return undefined;
  const prefix = `Property '${property}' is invalid: `;
  switch (problem.kind) {
    case 'not-json':
      return violation(`${rpc}/INVALID_ARGUMENT/${slug}-not-json`, `${prefix}Expected document to be valid JSON, but ${problem.detail}`);
    case 'integer-overflow':
      return violation(
        `${rpc}/INVALID_ARGUMENT/${slug}-integer-overflow`,
        `${prefix}Expected document to hold only 64-bit integers, but found '${problem.detail}'`,
      );
    case 'not-object':
      return violation(
        `${rpc}/INVALID_ARGUMENT/${slug}-not-object`,
        `${prefix}Expected document to be a root level object, but was '${problem.detail}'`,
      );
  }
}

function findIntegerOverflow(text: string): string | undefined {
  for (const [token] of text.matchAll(TOKENS)) {
    if (token.startsWith('"') || /[.eE]/.test(token)) continue;
    const value = BigInt(token);
    if (value > MAX_UINT64 || value < MIN_INT64) return token;
  }
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  return typeof value === 'object' ? 'OBJECT' : typeof value === 'string' ? 'STRING' : typeof value === 'number' ? 'NUMBER' : 'BOOLEAN';
}
