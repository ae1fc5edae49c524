/**
 * Script tasks: job-based (`zeebe:taskDefinition`), or a FEEL expression the engine evaluates (`zeebe:script` with
 * `expression` and `resultVariable`, after real Zeebe's `ZeebeScriptValidator`).
 */
import { verifyExpression } from '../feel.js';
import { text } from '../moddle-node.js';
import { problemAt } from '../problems.js';
import { baseDraft, type ElementHandler } from './draft.js';
import { extensions } from './elements.js';
import { eitherOrTask } from './job.js';

const jobBased = eitherOrTask('scriptTask', 'script', 'zeebe:Script');

/** A script task: a FEEL script when it has exactly one `zeebe:script` and no task definition, else job-based. */
export const scriptTask: ElementHandler = (element, context) => {
  const [script, ...more] = extensions(element, 'zeebe:Script');
  if (script === undefined || more.length > 0 || extensions(element, 'zeebe:TaskDefinition').length > 0) return jobBased(element, context);
  const before = context.problems.length;
  const expression = text(script, 'expression');
  const resultVariable = text(script, 'resultVariable') ?? '';
  if (expression === undefined || expression === '') context.problems.push(problemAt(script, "Attribute 'expression' must be present and not empty"));
  if (resultVariable.trim() === '') context.problems.push(problemAt(script, "Attribute 'resultVariable' must be present and not empty"));
  for (const message of verifyExpression(expression, { mandatory: true, nonStatic: true })) context.problems.push(problemAt(script, message));
  return context.problems.length > before || expression === undefined ? undefined
    : { ...baseDraft(element, 'scriptTask', context), script: { expression, resultVariable } };
};
