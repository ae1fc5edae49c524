/**
 * DMN 1.3 hit policies: from the rules that matched (in rule order) to the decision's result and the rules the
 * result reports. Single-hit policies give one value (or null), multiple-hit policies a list or an aggregate.
 */
import { err, ok } from '../result.js';
import type { EvalResult } from '../feel/index.js';
import type { Aggregation, DecisionTableLogic, HitPolicy } from '../model/dmn/decision-model.js';
import { evaluateCell } from './cells.js';

/** A matched rule with its output values (feelin values, by output name). */
export interface Match {
  readonly index: number;
  readonly ruleId: string;
  readonly values: readonly unknown[];
}

/** The result of a hit policy: the value, and the matches the result stands on. */
export interface Hit {
  readonly value: unknown;
  readonly reported: readonly Match[];
}

type Policy = (matches: readonly Match[], table: DecisionTableLogic) => EvalResult<Hit>;

/** A rule's result: the single output's value, or a context of every output by name. */
export function ruleResult(match: Match, table: DecisionTableLogic): unknown {
  if (table.outputs.length === 1) return match.values[0] ?? null;
  return Object.fromEntries(table.outputs.map((output, i) => [output.name, match.values[i] ?? null]));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Rank of a match by the outputs' listed values (earlier value: higher priority). */
function priorityKey(match: Match, table: DecisionTableLogic): number[] {
  return table.outputs.map((output, i) => {
    const listed = (output.outputValues ?? []).map((text) => evaluateCell(text, {}));
    const at = listed.findIndex((v) => v.ok && same(v.value, match.values[i]));
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  });
}

function byPriority(matches: readonly Match[], table: DecisionTableLogic): Match[] {
  const keyed = matches.map((m) => ({ m, key: priorityKey(m, table) }));
  keyed.sort((a, b) => {
    const i = a.key.findIndex((k, n) => k !== b.key[n]);
    return i === -1 ? a.m.index - b.m.index : (a.key[i] ?? 0) - (b.key[i] ?? 0);
  });
  return keyed.map(({ m }) => m);
}

const single = (match: Match | undefined, table: DecisionTableLogic): Hit =>
  ({ value: match === undefined ? null : ruleResult(match, table), reported: match === undefined ? [] : [match] });

const list = (matches: readonly Match[], table: DecisionTableLogic): Hit =>
  ({ value: matches.map((m) => ruleResult(m, table)), reported: matches });

const AGGREGATE: Readonly<Record<Aggregation, (values: readonly number[]) => number | null>> = {
  SUM: (values) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0)),
  MIN: (values) => (values.length === 0 ? null : Math.min(...values)),
  MAX: (values) => (values.length === 0 ? null : Math.max(...values)),
  COUNT: (values) => values.length,
};

function collect(matches: readonly Match[], table: DecisionTableLogic): EvalResult<Hit> {
  const { aggregation } = table;
  if (aggregation === undefined) return ok(list(matches, table));
  if (table.outputs.length !== 1) return err(`multiple outputs aren't allowed for hit policy COLLECT with aggregator ${aggregation}`);
  const values = matches.map((m) => m.values[0]).filter((v) => v !== null && v !== undefined);
  if (aggregation !== 'COUNT' && values.some((v) => typeof v !== 'number')) {
    return err(`expected numeric values for hit policy COLLECT with aggregator ${aggregation}, but found ${JSON.stringify(values)}`);
  }
  return ok({ value: AGGREGATE[aggregation](values as number[]), reported: matches });
}

/** One handler per hit policy. */
export const HIT_POLICIES: Readonly<Record<HitPolicy, Policy>> = {
  UNIQUE: (matches, table) =>
    matches.length > 1
      ? err(`multiple rules matched for hit policy UNIQUE: ${matches.map((m) => `'${m.ruleId}'`).join(', ')}`)
      : ok(single(matches[0], table)),
  FIRST: (matches, table) => ok(single(matches[0], table)),
  PRIORITY: (matches, table) => ok(single(byPriority(matches, table)[0], table)),
  ANY: (matches, table) =>
    matches.some((m) => !same(ruleResult(m, table), ruleResult(matches[0] ?? m, table)))
      ? err(`different outputs aren't allowed for hit policy ANY: ${matches.map((m) => `'${m.ruleId}'`).join(', ')} matched`)
      : ok(single(matches[0], table)),
  COLLECT: collect,
  'RULE ORDER': (matches, table) => ok(list(matches, table)),
  'OUTPUT ORDER': (matches, table) => ok(list(byPriority(matches, table), table)),
};
