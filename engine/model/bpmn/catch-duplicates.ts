/**
 * One catch event per code in a scope, and at most one that catches every code, after real Zeebe's
 * `ModelUtil.verifyNoDuplicatedErrorHandler` and `verifyNoDuplicatedEscalationHandler`: for the error and
 * escalation boundary events of an activity (`ActivityValidator`), and for the error and escalation event subprocesses
 * of a process or subprocess (`ProcessValidator`, `SubProcessValidator`); with the same places' name checks
 * (`name-duplicates.ts`) in Zeebe's order: names first.
 */
import { child, children, flag, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { eventDefinitions } from './elements.js';
import { duplicateNames, receiveTaskBoundaryProblem } from './name-duplicates.js';

/** How one kind of coded event definition names its reference and code, and how messages name it. */
interface CodedKind {
  readonly definition: string;
  readonly reference: string;
  readonly code: string;
  readonly noun: string;
}

const ERROR: CodedKind = { definition: 'bpmn:ErrorEventDefinition', reference: 'errorRef', code: 'errorCode', noun: 'error' };
const ESCALATION: CodedKind = { definition: 'bpmn:EscalationEventDefinition', reference: 'escalationRef', code: 'escalationCode', noun: 'escalation' };

const catchAll = ({ noun }: CodedKind): string =>
  `The same scope can not contain more than one ${noun} catch event without ${noun} code. An ${noun} catch event ` +
  `without ${noun} code catches all ${noun}s.`;

const sameCode = ({ noun }: CodedKind, code: string): string =>
  `Multiple ${noun} catch events with the same ${noun} code '${code}' are not supported on the same scope.`;

/** The duplicate problems among the definitions of one scope, for one kind, in real Zeebe's order. */
function duplicates(kind: CodedKind, definitions: readonly ModdleNode[]): string[] {
  const references = definitions.filter((d) => d.$type === kind.definition).map((d) => child(d, kind.reference));
  const messages = references.filter((r) => r === undefined).length > 1 ? [catchAll(kind)] : [];
  // a referenced error or escalation without a code counts as one more catch-all
  const codes = references.filter((r) => r !== undefined).map((r) => text(r, kind.code) ?? null);
  for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) {
    messages.push(code === null ? catchAll(kind) : sameCode(kind, code));
  }
  return messages;
}

/**
 * No activity has two message (or signal) boundary events of the same name, two error (or escalation) ones that
 * catch the same code, or two catch-all ones; a receive task none of its own message's name.
 */
export function checkBoundaryHandlers(elements: readonly ModdleNode[], problems: Problem[]): void {
  const byActivity = new Map<ModdleNode, ModdleNode[]>();
  for (const boundary of elements.filter((e) => e.$type === 'bpmn:BoundaryEvent')) {
    const activity = child(boundary, 'attachedToRef');
    if (activity !== undefined) byActivity.set(activity, [...(byActivity.get(activity) ?? []), ...eventDefinitions(boundary)]);
  }
  for (const [activity, definitions] of byActivity) {
    const receiveTask = receiveTaskBoundaryProblem(activity, definitions);
    const messages = [...duplicateNames(definitions), ...duplicates(ESCALATION, definitions), ...duplicates(ERROR, definitions)];
    for (const message of receiveTask === undefined ? messages : [...messages, receiveTask]) {
      problems.push(problemAt(activity, message));
    }
  }
}

/**
 * No process or subprocess has two message (or signal) event subprocesses of the same name, or two escalation (or
 * error) ones that catch the same code, or two catch-all ones.
 */
export function checkEventSubprocessHandlers(container: ModdleNode, problems: Problem[]): void {
  const definitions = children(container, 'flowElements')
    .filter((e) => e.$type === 'bpmn:SubProcess' && flag(e, 'triggeredByEvent') === true)
    .flatMap((e) => children(e, 'flowElements').filter((s) => s.$type === 'bpmn:StartEvent'))
    .flatMap((start) => eventDefinitions(start));
  for (const message of [...duplicateNames(definitions), ...duplicates(ESCALATION, definitions), ...duplicates(ERROR, definitions)]) {
    problems.push(problemAt(container, message));
  }
}
