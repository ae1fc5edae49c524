/**
 * A decision of a deployed DRG as plain data for evaluation (DMN 1.3): a decision table or a literal
 * expression, and the decisions it requires. Cell texts are FEEL (input entries: unary tests).
 */

/** DMN 1.3 hit policies. */
export type HitPolicy = 'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';

/** COLLECT aggregations. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

/** A table input: its expression and, when given, the allowed values (FEEL unary tests). */
export interface TableInput {
  readonly id: string;
  readonly name: string;
  readonly expression: string;
}

/** A table output: its name (the result key) and, when given, its output values (the priority order of PRIORITY and OUTPUT ORDER). */
export interface TableOutput {
  readonly id: string;
  readonly name: string;
  readonly outputValues?: readonly string[];
  readonly defaultOutputEntry?: string;
}

/** A rule: one unary-test text per input, one expression text per output. */
export interface TableRule {
  readonly id: string;
  readonly inputEntries: readonly string[];
  readonly outputEntries: readonly string[];
}

export interface DecisionTableLogic {
  readonly kind: 'DECISION_TABLE';
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  readonly inputs: readonly TableInput[];
  readonly outputs: readonly TableOutput[];
  readonly rules: readonly TableRule[];
}

export interface LiteralExpressionLogic {
  readonly kind: 'LITERAL_EXPRESSION';
  readonly expression: string;
}

/** One decision of a DRG, ready to evaluate. */
export interface DecisionModel {
  readonly id: string;
  readonly name: string;
  /** Ids of the decisions whose results this one reads (each under its `resultName`). */
  readonly requires: readonly string[];
  /** The name a requiring decision reads this one's result by: its `variable`'s name, else its id (dmn-scala). */
  readonly resultName: string;
  readonly logic: DecisionTableLogic | LiteralExpressionLogic;
  /** The `typeRef` of the decision's `variable`: the type its result is checked against (as dmn-scala does). */
  readonly resultType?: string;
}
