/**
 * Reads a dmn-moddle decision into a `DecisionModel`, checking what the evaluator needs: a decision table or a
 * literal expression, known hit policy and aggregation, one entry per input/output in every rule, FEEL that
 * parses. The reasons are worded as deployment errors.
 */
import { parseUnaryTests } from 'feelin';
import { err, ok, type Result } from '../../result.js';
import { feelSyntaxError } from '../feel.js';
import { child, children, idOf, text, type ModdleNode } from '../moddle-node.js';
import type { Aggregation, DecisionModel, DecisionTableLogic, HitPolicy, TableRule } from './decision-model.js';

const HIT_POLICIES: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

const body = (node: ModdleNode | undefined): string => (node === undefined ? '' : (text(node, 'text') ?? '').trim());

/** The first syntax problem of a unary-tests cell, or undefined. */
function unaryTestsError(tests: string): string | undefined {
  if (tests === '' || tests === '-') return undefined;
  let found: number | undefined;
  parseUnaryTests(tests, {}, 'camunda').iterate({
    enter: (node) => {
      if (found === undefined && node.type.isError) found = node.from;
      return found === undefined;
    },
  });
  return found === undefined ? undefined : `failed to parse unary-tests '${tests}': syntax error at position ${found + 1}`;
}

/** The ids of the decisions a decision requires (`<requiredDecision href="#id"/>`). */
function requiredDecisions(decision: ModdleNode): string[] {
  return children(decision, 'informationRequirement').flatMap((requirement) => {
    const href = child(requirement, 'requiredDecision');
    const ref = href === undefined ? undefined : text(href, 'href');
    return ref === undefined ? [] : [ref.replace(/^#/, '')];
  });
}

function readRule(rule: ModdleNode, index: number, inputs: number, outputs: number): Result<TableRule, string> {
  const id = idOf(rule) ?? `rule-${index + 1}`;
  const inputEntries = children(rule, 'inputEntry').map((e) => body(e));
  const outputEntries = children(rule, 'outputEntry').map((e) => body(e));
  if (inputEntries.length !== inputs || outputEntries.length !== outputs) {
    return err(`Expected rule '${id}' to have ${inputs} input and ${outputs} output entries, but found ${inputEntries.length} and ${outputEntries.length}`);
  }
  const problem = inputEntries.map(unaryTestsError).find((e) => e !== undefined) ??
    outputEntries.map((e) => (e === '' ? undefined : feelSyntaxError(e))).find((e) => e !== undefined);
  return problem === undefined ? ok({ id, inputEntries, outputEntries }) : err(problem);
}

function readTable(table: ModdleNode, decisionId: string): Result<DecisionTableLogic, string> {
  const hitPolicy = (text(table, 'hitPolicy') ?? 'UNIQUE') as HitPolicy;
  const aggregation = text(table, 'aggregation') as Aggregation | undefined;
  if (!HIT_POLICIES.includes(hitPolicy)) return err(`Expected a known hit policy in decision '${decisionId}', but found '${hitPolicy}'`);
  if (aggregation !== undefined && (hitPolicy !== 'COLLECT' || !AGGREGATIONS.includes(aggregation))) {
    return err(`Expected aggregation '${aggregation}' only with hit policy COLLECT (SUM, MIN, MAX or COUNT) in decision '${decisionId}'`);
  }
  const inputs = children(table, 'input').map((input, i) => {
    const expression = body(child(input, 'inputExpression'));
    return { id: idOf(input) ?? `input-${i + 1}`, name: text(input, 'label') ?? expression, expression };
  });
  const outputs = children(table, 'output').map((output, i) => {
    const values = body(child(output, 'outputValues'));
    const fallback = body(child(output, 'defaultOutputEntry'));
    return {
      id: idOf(output) ?? `output-${i + 1}`,
      name: text(output, 'name') ?? text(output, 'label') ?? '',
      ...(values === '' ? {} : { outputValues: values.split(',').map((v) => v.trim()) }),
      ...(fallback === '' ? {} : { defaultOutputEntry: fallback }),
    };
  });
  const problem = inputs.map((i) => feelSyntaxError(i.expression === '' ? 'null' : i.expression)).find((e) => e !== undefined);
  if (problem !== undefined) return err(problem);
  const rules: TableRule[] = [];
  for (const [index, rule] of children(table, 'rule').entries()) {
    const read = readRule(rule, index, inputs.length, outputs.length);
    if (!read.ok) return read;
    rules.push(read.value);
  }
  return ok({ kind: 'DECISION_TABLE', hitPolicy, ...(aggregation === undefined ? {} : { aggregation }), inputs, outputs, rules });
}

/** A decision as a model for evaluation, or why it cannot be evaluated. */
export function readDecision(decision: ModdleNode, id: string, name: string): Result<DecisionModel, string> {
  const logic = child(decision, 'decisionLogic');
  const variable = child(decision, 'variable');
  const resultType = variable === undefined ? undefined : text(variable, 'typeRef');
  const resultName = (variable === undefined ? undefined : text(variable, 'name')) ?? id;
  const base = { id, name, requires: requiredDecisions(decision), resultName, ...(resultType === undefined ? {} : { resultType }) };
  if (logic?.$type === 'dmn:DecisionTable') {
    const table = readTable(logic, id);
    return table.ok ? ok({ ...base, logic: table.value }) : table;
  }
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = body(logic);
    const problem = feelSyntaxError(expression === '' ? 'null' : expression);
    return problem === undefined ? ok({ ...base, logic: { kind: 'LITERAL_EXPRESSION', expression } }) : err(problem);
  }
  return err(`Expected decision '${id}' to have a decision table or a literal expression, but found ${logic?.$type ?? 'none'}`);
}
