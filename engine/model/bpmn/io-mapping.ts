/**
 * `zeebe:ioMapping`: input and output variable mappings, checked like real Zeebe's runtime validators: an input
 * source is mandatory (static or `=expression`), an output source must be an expression, a target must be a
 * variable path.
 */
import type { IoMapping, Mapping } from '../types.js';
import { verifyExpression, verifyPath, type ExpressionRule } from '../feel.js';
import { children, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { extensions } from './elements.js';

const INPUT_RULE: ExpressionRule = { mandatory: true, nonStatic: false };
const OUTPUT_RULE: ExpressionRule = { mandatory: true, nonStatic: true };

function readMappings(parameters: readonly ModdleNode[], rule: ExpressionRule, problems: Problem[]): Mapping[] {
  return parameters.map((parameter) => {
    const source = text(parameter, 'source');
    const target = text(parameter, 'target');
    for (const message of [...verifyExpression(source, rule), ...verifyPath(target)]) {
      problems.push(problemAt(parameter, message));
    }
    return { source: source ?? '', target: target ?? '' };
  });
}

/** The element's io mapping (the first `zeebe:ioMapping`), or undefined when it has none. */
export function readIoMapping(element: ModdleNode, problems: Problem[]): IoMapping | undefined {
  const [ioMapping] = extensions(element, 'zeebe:IoMapping');
  if (ioMapping === undefined) {
    return undefined;
  }
  return {
    inputs: readMappings(children(ioMapping, 'inputParameters'), INPUT_RULE, problems),
    outputs: readMappings(children(ioMapping, 'outputParameters'), OUTPUT_RULE, problems),
  };
}
