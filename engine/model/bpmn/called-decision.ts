/**
 * Business rule tasks: job-based (`zeebe:taskDefinition`), or a decision the engine evaluates
 * (`zeebe:calledDecision` with `decisionId` and `resultVariable`, after real Zeebe's `ZeebeCalledDecisionValidator`).
 */
import { verifyExpression } from '../feel.js';
import { text } from '../moddle-node.js';
import { problemAt } from '../problems.js';
import { baseDraft, type ElementHandler } from './draft.js';
import { extensions } from './elements.js';
import { eitherOrTask } from './job.js';

const jobBased = eitherOrTask('businessRuleTask', 'calledDecision', 'zeebe:CalledDecision');

/** A business rule task: a called decision when it has exactly one and no task definition, else job-based. */
export const businessRuleTask: ElementHandler = (element, context) => {
  const [called, ...more] = extensions(element, 'zeebe:CalledDecision');
  if (called === undefined || more.length > 0 || extensions(element, 'zeebe:TaskDefinition').length > 0) return jobBased(element, context);
  const before = context.problems.length;
  const decisionId = text(called, 'decisionId') ?? '';
  const resultVariable = text(called, 'resultVariable') ?? '';
  for (const [name, value] of [['decisionId', decisionId], ['resultVariable', resultVariable]] as const) {
    if (value.trim() === '') context.problems.push(problemAt(called, `Attribute '${name}' must be present and not empty`));
  }
  for (const message of verifyExpression(text(called, 'decisionId'), { mandatory: true, nonStatic: false })) context.problems.push(problemAt(called, message));
  return context.problems.length > before ? undefined : { ...baseDraft(element, 'businessRuleTask', context), calledDecision: { decisionId, resultVariable } };
};
