/**
 * Deployment-time checks of Zeebe expressions, after real Zeebe's `ZeebeExpressionValidator`: a value is a FEEL
 * expression when it is `=` followed by at least one character, otherwise a static value. FEEL syntax is checked
 * with feelin's parser (Camunda dialect); the reason text is feelin's, not feel-scala's.
 */
import { parseExpression } from 'feelin';
import { CAMUNDA_FUNCTIONS } from '../feel/camunda-functions.js';

/** What a value must be: present (mandatory) and/or an expression (non-static). */
export interface ExpressionRule {
  readonly mandatory: boolean;
  readonly nonStatic: boolean;
}

const EXPRESSION = /^=(.+)$/s;
const PATH = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const PATH_SOURCE = '[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*';
const RESERVED = ['null', 'true', 'false', 'function', 'if', 'then', 'else', 'for', 'between', 'instance', 'of'];

/** The FEEL body of an expression value (`=x > 1` → `x > 1`), or undefined for a static value. */
export function feelBody(value: string): string | undefined {
  return EXPRESSION.exec(value)?.[1];
}

/** The first syntax error of a FEEL expression, worded like feel-scala's failure, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  let errorAt: number | undefined;
  parseExpression(expression, CAMUNDA_FUNCTIONS, 'camunda').iterate({
    enter: (node) => {
      if (errorAt === undefined && node.type.isError) {
        errorAt = node.from;
      }
      return errorAt === undefined; // stop descending once an error is found
    },
  });
  if (errorAt === undefined) {
    return undefined;
  }
  const found = errorAt >= expression.length ? 'end of input' : `'${expression.slice(errorAt, errorAt + 10)}'`;
  return `failed to parse expression '${expression}': syntax error at position ${errorAt + 1}, unexpected ${found}`;
}

/** The problems of a value under a rule (empty when it is fine), in real Zeebe's words. */
export function verifyExpression(value: string | undefined, rule: ExpressionRule): string[] {
  if (value === undefined) {
    return rule.mandatory ? ['Expected expression but not found.'] : [];
  }
  const body = feelBody(value);
  if (body !== undefined) {
    const error = feelSyntaxError(body);
    return error === undefined ? [] : [error];
  }
  if (rule.nonStatic) {
    return [`Expected expression but found static value '${value}'. An expression must start with '=' (e.g. '=${value}').`];
  }
  return [];
}

/** The problems of a mapping target (a variable path), in real Zeebe's words. */
export function verifyPath(value: string | undefined): string[] {
  if (value === undefined || value === '') {
    return ['Expected path expression but not found.'];
  }
  const problems: string[] = [];
  if (!PATH.test(value)) {
    problems.push(`Expected path expression '${value}' but doesn't match the pattern '${PATH_SOURCE}'.`);
  }
  if (RESERVED.includes(value)) {
    problems.push(`Expected path expression '${value}' but is one of the reserved words (${RESERVED.join(', ')}).`);
  }
  return problems;
}
