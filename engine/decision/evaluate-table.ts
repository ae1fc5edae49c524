/**
 * Evaluates a decision table: inputs (checked against their input values), rules (input entries as unary tests,
 * in rule order; FIRST stops at the first match), output entries of the matches (checked against the output
 * values), then the hit policy. No match for a single-hit policy gives the outputs' default entries, if any.
 */
import { err, ok } from '../result.js';
import type { EvalResult } from '../feel/index.js';
import { toJson } from '../feel/to-json.js';
import type { DecisionTableLogic, TableOutput } from '../model/dmn/decision-model.js';
import { evaluateCell, testCell } from './cells.js';
import { HIT_POLICIES, type Hit, type Match } from './hit-policies.js';
import type { EvaluatedInput, MatchedRule } from './types.js';

/** A table's result (feelin value), its matched rules and evaluated inputs. */
export interface TableEvaluation {
  readonly value: unknown;
  readonly matchedRules: readonly MatchedRule[];
  readonly evaluatedInputs: readonly EvaluatedInput[];
}

const json = (value: unknown): string => JSON.stringify(toJson(value));
const SINGLE_HIT = new Set(['UNIQUE', 'FIRST', 'PRIORITY', 'ANY']);

function evaluateInputs(table: DecisionTableLogic, context: Readonly<Record<string, unknown>>): EvalResult<unknown[]> {
  const values: unknown[] = [];
  for (const input of table.inputs) {
    const value = evaluateCell(input.expression, context);
    if (!value.ok) return value;
    if (input.inputValues !== undefined && value.value !== null) {
      const allowed = testCell(input.inputValues, value.value, context);
      if (!allowed.ok) return allowed;
      if (!allowed.value) return err(`Expected the value of input '${input.name}' to satisfy '${input.inputValues}', but found ${json(value.value)}`);
    }
    values.push(value.value);
  }
  return ok(values);
}

function checkOutput(output: TableOutput, value: unknown): string | undefined {
  if (output.outputValues === undefined || value === null) return undefined;
  const allowed = output.outputValues.map((text) => evaluateCell(text, {}));
  const listed = allowed.some((v) => v.ok && JSON.stringify(toJson(v.value)) === json(value));
  return listed ? undefined : `Expected the value of output '${output.name}' to be one of ${output.outputValues.join(', ')}, but found ${json(value)}`;
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
    for (const [i, entry] of rule.outputEntries.entries()) {
      const value = evaluateCell(entry, context);
      if (!value.ok) return value;
      const problem = table.outputs[i] && checkOutput(table.outputs[i], value.value);
      if (problem !== undefined) return err(problem);
      values.push(value.value);
    }
    matches.push({ index, ruleId: rule.id, values });
    if (table.hitPolicy === 'FIRST') break;
  }
  return ok(matches);
}

/** With no match, a single-hit table gives its outputs' default entries (when it has any). */
function withDefaults(table: DecisionTableLogic, hit: Hit, context: Readonly<Record<string, unknown>>): EvalResult<unknown> {
  if (hit.reported.length > 0 || !SINGLE_HIT.has(table.hitPolicy) || !table.outputs.some((o) => o.defaultOutputEntry !== undefined)) return ok(hit.value);
  const values: unknown[] = [];
  for (const output of table.outputs) {
    const value = evaluateCell(output.defaultOutputEntry ?? '', context);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return ok(table.outputs.length === 1 ? values[0] : Object.fromEntries(table.outputs.map((o, i) => [o.name, values[i]])));
}

/** Evaluates a decision table against a context (variables and required decisions' results). */
export function evaluateTable(table: DecisionTableLogic, context: Readonly<Record<string, unknown>>): EvalResult<TableEvaluation> {
  const inputs = evaluateInputs(table, context);
  if (!inputs.ok) return inputs;
  const matches = ruleMatches(table, inputs.value, context);
  if (!matches.ok) return matches;
  const hit = HIT_POLICIES[table.hitPolicy](matches.value, table);
  if (!hit.ok) return hit;
  const value = withDefaults(table, hit.value, context);
  if (!value.ok) return value;
  const matchedRules = hit.value.reported.map((m) => ({
    ruleId: m.ruleId,
    ruleIndex: m.index + 1,
    evaluatedOutputs: table.outputs.map((o, i) => ({ outputId: o.id, outputName: o.name, outputValue: json(m.values[i]) })),
  }));
  const evaluatedInputs = table.inputs.map((input, i) => ({ inputId: input.id, inputName: input.name, inputValue: json(inputs.value[i]) }));
  return ok({ value: value.value, matchedRules, evaluatedInputs });
}
