/**
 * Multi-instance loop characteristics (parallel or sequential) with their `zeebe:loopCharacteristics`, checked
 * after real Zeebe's multi-instance validators: an input collection expression, an optional input element
 * variable, output collection and output element together or not at all, and a completion condition that is an
 * expression. A loop cardinality is not supported (real Zeebe neither).
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
  const inputCollection = read('inputCollection');
  const outputCollection = read('outputCollection');
  const outputElement = read('outputElement');
  const conditionNode = child(loop, 'completionCondition');
  const completionCondition = conditionNode === undefined ? undefined : (text(conditionNode, 'body') ?? '').trim();
  const messages = [
    ...(child(loop, 'loopCardinality') === undefined ? [] : ['The loopCardinality is not supported']),
    ...verifyExpression(inputCollection, EXPRESSION),
    ...optionalPath(read('inputElement')),
    ...optionalPath(outputCollection),
    ...(outputElement === undefined ? [] : verifyExpression(outputElement, EXPRESSION)),
    ...((outputCollection === undefined) === (outputElement === undefined) ? [] : ['Either both or none of the attributes outputCollection and outputElement must be set']),
    ...(completionCondition === undefined ? [] : verifyExpression(completionCondition, EXPRESSION)),
  ];
  if (messages.length > 0) {
    problems.push(...messages.map((message) => problemAt(zeebe, message)));
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
