/**
 * Call activities: exactly one `zeebe:calledElement` with a process id (static or an expression), and whether
 * all child variables (default true) and all parent variables (default true) cross, as real Zeebe reads them.
 */
import { verifyExpression } from '../feel.js';
import { flag, text } from '../moddle-node.js';
import { problemAt, unsupported } from '../problems.js';
import { baseDraft, type ElementHandler } from './draft.js';
import { extensions } from './elements.js';

/** A call activity. */
export const callActivity: ElementHandler = (element, context) => {
  const [called, ...more] = extensions(element, 'zeebe:CalledElement');
  if (called === undefined || more.length > 0) {
    context.problems.push(problemAt(element, "Must have exactly one 'zeebe:calledElement' extension element"));
    return undefined;
  }
  if (text(called, 'businessId') !== undefined || text(called, 'processIdExpression') !== undefined) {
    context.problems.push(unsupported(element, text(called, 'businessId') !== undefined ? 'businessId' : 'processIdExpression'));
    return undefined;
  }
  const processId = text(called, 'processId') ?? '';
  const messages = [
    ...(processId.trim() === '' ? ["Attribute 'processId' must be present and not empty"] : []),
    ...verifyExpression(text(called, 'processId'), { mandatory: true, nonStatic: false }),
  ];
  if (messages.length > 0) {
    context.problems.push(...messages.map((message) => problemAt(called, message)));
    return undefined;
  }
  const calledElement = {
    processId,
    propagateAllChildVariables: flag(called, 'propagateAllChildVariables') ?? true,
    propagateAllParentVariables: flag(called, 'propagateAllParentVariables') ?? true,
  };
  return { ...baseDraft(element, 'callActivity', context), calledElement };
};
