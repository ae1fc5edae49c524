// Incident wording of Zeebe's ExpressionProcessor, BpmnJobBehavior and ZeebeExpressionValidator.

/** The expression could not be parsed (Zeebe: InvalidExpression's failure message). */
export const parseFailure = (feel: string, reason: string): string =>
  `failed to parse expression '${feel}': ${reason}`;

/** The evaluation itself failed (not a null result, which is a value). */
export const evaluationFailure = (feel: string, reason: string): string =>
  `failed to evaluate expression '${feel}': ${reason}`;

/** The result has the wrong type (ExpressionProcessor.typeCheck). */
export const unexpectedType = (expression: string, expected: string, actual: string): string =>
  `Expected result of the expression '${expression}' to be '${expected}', but was '${actual}'.`;

/** A job type evaluated to '' (BpmnJobBehavior.evalTypeExp). */
export const emptyString = (expression: string): string =>
  `Expected result of the expression '${expression}' to be a not-empty string, but was an empty string.`;

/** A property that must be an expression holds a static value (ZeebeExpressionValidator). */
export const staticValueFound = (value: string): string =>
  `Expected expression but found static value '${value}'. An expression must start with '=' (e.g. '=${value}').`;

/** Appends the evaluation warnings as Zeebe does to every failure message (ExpressionProcessor.createFailureMessage). */
export function withWarnings(message: string, warnings: readonly string[]): string {
  return warnings.length === 0
    ? message
    : `${message} The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}
