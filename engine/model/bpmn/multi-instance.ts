/**
 * Multi-instance loop characteristics (parallel or sequential) with their `zeebe:loopCharacteristics`, checked
 * after real Zeebe's multi-instance validators (`ZeebeLoopCharacteristicsValidator` and the runtime expression
 * validators): an input collection expression, output collection and output element together or not at all, and a
 * completion condition that parses. This engine also refuses a loop cardinality and a static completion condition,
 * and checks the input element and output collection as variable paths, which Zeebe's validators do not.
 */
import type { MultiInstance } from '../types.js';
import { verifyExpression, verifyPath } from '../feel.js';
import { child, flag, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { opt } from './draft.js';
import { extensions } from './elements.js';

const EXPRESSION = { mandatory: true, nonStatic: true } as const;

function optionalPath(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : verifyPath(value);
}

/** Zeebe's words when only one of output collection and output element is set. */
function outputPairProblems(outputCollection: string | undefined, outputElement: string | undefined): string[] {
  if (outputCollection !== undefined && outputElement === undefined) return ["Attribute 'outputElement' must be present if the attribute 'outputCollection' is set"];
  if (outputElement !== undefined && outputCollection === undefined) return ["Attribute 'outputCollection' must be present if the attribute 'outputElement' is set"];
  return [];
}

/** Reads the loop characteristics, or records their problems and returns undefined. */
export function readMultiInstance(loop: ModdleNode, problems: Problem[]): MultiInstance | undefined {
  const [zeebe, ...more] = extensions(loop, 'zeebe:LoopCharacteristics');
  if (zeebe === undefined || more.length > 0) {
    problems.push(problemAt(loop, "Must have exactly one 'zeebe:loopCharacteristics' extension element"));
    return undefined;
  }
  const read = (name: string): string | undefined => {
    const value = text(zeebe, name);
    return value === undefined || value === '' ? undefined : value;
  };
  const rawInputCollection = text(zeebe, 'inputCollection');
  const inputCollection = read('inputCollection');
  const outputCollection = read('outputCollection');
  const outputElement = read('outputElement');
  const conditionNode = child(loop, 'completionCondition');
  const completionCondition = conditionNode === undefined ? undefined : (text(conditionNode, 'body') ?? '').trim();
  const messages = [
    ...(inputCollection === undefined ? ["Attribute 'inputCollection' must be present and not empty"] : []),
    ...outputPairProblems(outputCollection, outputElement),
    ...(child(loop, 'loopCardinality') === undefined ? [] : ['The loopCardinality is not supported']),
    ...verifyExpression(rawInputCollection, EXPRESSION),
    ...optionalPath(read('inputElement')),
    ...optionalPath(outputCollection),
    ...(outputElement === undefined ? [] : verifyExpression(outputElement, EXPRESSION)),
  ];
  // the completion condition belongs to the BPMN loop characteristics, where Zeebe reports it
  const conditionMessages = completionCondition === undefined ? [] : verifyExpression(completionCondition, EXPRESSION);
  if (messages.length + conditionMessages.length > 0) {
    problems.push(...messages.map((message) => problemAt(zeebe, message)), ...conditionMessages.map((message) => problemAt(loop, message)));
    return undefined;
  }
  return {
    sequential: flag(loop, 'isSequential') === true,
    inputCollection: inputCollection ?? '',
    ...opt('inputElement', read('inputElement')),
    ...opt('outputCollection', outputCollection),
    ...opt('outputElement', outputElement),
    ...opt('completionCondition', completionCondition),
  };
}
