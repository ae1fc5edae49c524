/** Builder for the variables-JSON family: invalid JSON, a root that is not an object, integers beyond uint64. */
import { exp, realRule, withNote, type Expectations } from './build.js';
import type { Quote, Rule, RpcName } from './types.js';

/** The three conditions of the family. */
export type VariablesKind = 'not-json' | 'not-object' | 'integer-overflow';

/** Which RPC and field, and the page bullet that states the rule (absent: the page is silent for this RPC). */
export interface VariablesTarget {
  readonly rpc: RpcName;
  /** Request field path, e.g. `variables`, `request.variables`. */
  readonly field: string;
  /** The id stem; default `variables`. */
  readonly stem?: string;
  readonly quote?: Quote;
  /** Documented reason for `not-object` when the bullet names invalid JSON only. */
  readonly objectReading?: string;
  /** Default: all three. */
  readonly kinds?: readonly VariablesKind[];
}

const SILENT = "page is silent; the field's comment says the root must be an object";
const OVERFLOW_REASON =
  'page is silent (such a document is valid JSON); follows the real gateway, which cannot store the number';
const NO_VARIABLES =
  'An empty string means "no variables" and is valid (the real gateway treats whitespace-only the same); ' +
  'every other field valid.';
const NOTE_NULL =
  'JSON `null` is left out of the condition: the real gateway accepts it as "no variables", the page does not say.';

function condition(kind: VariablesKind, field: string): string {
  switch (kind) {
    case 'not-json':
      return `\`${field}\` is a non-blank string that is not JSON (e.g. \`{\`, \`not json\`, \`{"a":1\`). ${NO_VARIABLES}`;
    case 'not-object':
      return (
        `\`${field}\` is valid JSON whose root is an array, string, number or boolean (e.g. \`[]\`, \`"a"\`, \`1\`, ` +
        `\`true\`). ${NO_VARIABLES}`
      );
    case 'integer-overflow':
      return (
        `\`${field}\` is a JSON object holding an integer literal above 2^64-1 ` +
        `(e.g. \`{"a": 18446744073709551616}\`). ${NO_VARIABLES}`
      );
  }
}

function documentedReason(kind: VariablesKind, t: VariablesTarget): string | undefined {
  if (t.quote === undefined) return SILENT;
  return kind === 'not-object' ? t.objectReading : undefined;
}

function pageKind(kind: VariablesKind, t: VariablesTarget, q: Quote): Rule {
  const rule: Rule = {
    id: `${t.rpc}/INVALID_ARGUMENT/${t.stem ?? 'variables'}-${kind}`,
    rpc: t.rpc,
    condition: condition(kind, t.field),
    source: 'page',
    quotes: [q],
    multiTenancy: 'any',
    layer: 'gateway',
    expect: { documented: exp('INVALID_ARGUMENT', documentedReason(kind, t)), 'zeebe-8.5': exp('INVALID_ARGUMENT') },
  };
  return withNote(rule, kind === 'not-object' ? NOTE_NULL : undefined);
}

function silentExpect(kind: VariablesKind, t: VariablesTarget): Expectations {
  const reason = kind === 'integer-overflow' ? OVERFLOW_REASON : documentedReason(kind, t);
  return { documented: exp('INVALID_ARGUMENT', reason), 'zeebe-8.5': exp('INVALID_ARGUMENT') };
}

function realKind(kind: VariablesKind, t: VariablesTarget): Rule {
  return realRule({
    rpc: t.rpc,
    segment: 'INVALID_ARGUMENT',
    name: `${t.stem ?? 'variables'}-${kind}`,
    condition: condition(kind, t.field),
    layer: 'gateway',
    expect: silentExpect(kind, t),
    ...(kind === 'not-object' ? { note: NOTE_NULL } : {}),
  });
}

/** The variables-JSON rules of one RPC field: page rules where the page has a bullet, real-gateway rules otherwise. */
export function variablesRules(t: VariablesTarget): readonly Rule[] {
  const kinds = t.kinds ?? (['not-json', 'not-object', 'integer-overflow'] as const);
  return kinds.map((kind) =>
    t.quote !== undefined && kind !== 'integer-overflow' ? pageKind(kind, t, t.quote) : realKind(kind, t),
  );
}
