/**
 * Evaluates a decision table as dmn-scala (Zeebe's DMN engine) does: inputs, rules (input entries as unary tests, in
 * rule order; FIRST stops at the first match), output entries of the matches, then the hit policy. No match, whatever
 * the hit policy, gives the outputs' default entries, else null. Input and output values restrict nothing (dmn-scala
 * checks neither); output values only order PRIORITY and OUTPUT ORDER.
 */
import { ok } from '../result.js';
import type { EvalResult } from '../feel/index.js';
import { toJson } from '../feel/to-json.js';
import type { DecisionTableLogic } from '../model/dmn/decision-model.js';
import { evaluateCell, testCell } from './cells.js';
import { HIT_POLICIES, type Match } from './hit-policies.js';
import type { EvaluatedInput, MatchedRule } from './types.js';

/** A table's result (feelin value), its matched rules and evaluated inputs. */
export interface TableEvaluation {
  readonly value: unknown;
  readonly matchedRules: readonly MatchedRule[];
  readonly evaluatedInputs: readonly EvaluatedInput[];
}

const json = (value: unknown): string => JSON.stringify(toJson(value));

function evaluateInputs(table: DecisionTableLogic, context: Readonly<Record<string, unknown>>): EvalResult<unknown[]> {
  const values: unknown[] = [];
  for (const input of table.inputs) {
    const value = evaluateCell(input.expression, context);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return ok(values);
}

function ruleMatches(table: DecisionTableLogic, inputs: readonly unknown[], context: Readonly<Record<string, unknown>>): EvalResult<Match[]> {
  const matches: Match[] = [];
  for (const [index, rule] of table.rules.entries()) {
    let all = true;
    for (const [i, tests] of rule.inputEntries.entries()) {
      const hit = testCell(tests, inputs[i], context);
      if (!hit.ok) return hit;
      if (!hit.value) { all = false; break; }
    }
    if (!all) continue;
    const values: unknown[] = [];
    for (const entry of rule.outputEntries) {
      const value = evaluateCell(entry, context);
      if (!value.ok) return value;
      values.push(value.value);
    }
    matches.push({ index, ruleId: rule.id, values });
    if (table.hitPolicy === 'FIRST') break;
  }
  return ok(matches);
}

/** No rule matched: the default entries of the outputs that have one (one: its value; several: a context), else null. */
function defaults(table: DecisionTableLogic, context: Readonly<Record<string, unknown>>): EvalResult<unknown> {
  const entries: [string, unknown][] = [];
  for (const output of table.outputs) {
    if (output.defaultOutputEntry === undefined) continue;
    const value = evaluateCell(output.defaultOutputEntry, context);
    if (!value.ok) return value;
    entries.push([output.name, value.value]);
  }
  const [only] = entries;
  return ok(entries.length === 0 ? null : entries.length === 1 && only ? only[1] : Object.fromEntries(entries));
}

/** Evaluates a decision table against a context (variables and required decisions' results). */
export function evaluateTable(table: DecisionTableLogic, context: Readonly<Record<string, unknown>>): EvalResult<TableEvaluation> {
  const inputs = evaluateInputs(table, context);
  if (!inputs.ok) return inputs;
  const evaluatedInputs = table.inputs.map((input, i) => ({ inputId: input.id, inputName: input.name, inputValue: json(inputs.value[i]) }));
  const matches = ruleMatches(table, inputs.value, context);
  if (!matches.ok) return matches;
  if (matches.value.length === 0) {
    const value = defaults(table, context);
    return value.ok ? ok({ value: value.value, matchedRules: [], evaluatedInputs }) : value;
  }
  const hit = HIT_POLICIES[table.hitPolicy](matches.value, table);
  if (!hit.ok) return hit;
  const matchedRules = hit.value.reported.map((m) => ({
    ruleId: m.ruleId,
    ruleIndex: m.index + 1,
    evaluatedOutputs: table.outputs.map((o, i) => ({ outputId: o.id, outputName: o.name, outputValue: json(m.values[i]) })),
  }));
  return ok({ value: hit.value.value, matchedRules, evaluatedInputs });
}
