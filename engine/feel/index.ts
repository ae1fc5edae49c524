// The expression and variable-mapping layer of the reference engine, on feelin (FEEL) with Zeebe's semantics:
// https://docs.camunda.io/docs/components/concepts/expressions/ and .../concepts/variables/
export type { EvalResult, Variables } from './types.js';
export type { Mapping } from './mappings.js';
export { evaluateCondition, evaluateExpression, evaluateInteger, evaluateString } from './expressions.js';
export { applyInputMappings, applyOutputMappings } from './mappings.js';
export { evaluateList } from './list.js';
export { evaluateDateTime, evaluateStringList, evaluateText } from './assignment.js';
export { evaluateTimerValue, type TimerValue } from './timer-value.js';
export { pickVariables } from './pick.js';
