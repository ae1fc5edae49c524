/**
 * Escalation event definitions, checked like real Zeebe's `EscalationEventDefinitionValidator` and
 * `EscalationValidator`: a throw event references an escalation whose code is present (static or a FEEL
 * expression, evaluated when the event is reached); a catch event's code is static, and without an escalation it
 * catches every escalation.
 */
import { child, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { eventDefinitions, flowElementsWithin } from './elements.js';

const THROW_EVENTS = new Set(['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent']);

/** The code a throw event's escalation has (checked once per escalation, see `checkThrownEscalations`). */
export function readThrownEscalation(definition: ModdleNode, problems: Problem[]): string | undefined {
  const escalation = child(definition, 'escalationRef');
  if (escalation === undefined) {
    problems.push(problemAt(definition, 'Must reference an escalation'));
    return undefined;
  }
  return text(escalation, 'escalationCode');
}

/**
 * The code a catch event catches: `''` (every escalation) without an escalation, the escalation's code otherwise
 * (undefined when it has none: real Zeebe's catch event then catches nothing). An expression is not allowed.
 */
export function readCaughtEscalation(definition: ModdleNode, problems: Problem[]): string | undefined {
  const escalation = child(definition, 'escalationRef');
  if (escalation === undefined) return '';
  const code = text(escalation, 'escalationCode');
  if (code?.startsWith('=') === true) {
    problems.push(problemAt(definition, 'The escalationCode of the escalation catch event is not allowed to be an expression'));
  }
  return code;
}

/** The escalations the throw events of these processes reference, each once. */
function thrownEscalations(processes: readonly ModdleNode[]): Set<ModdleNode> {
  const thrown = new Set<ModdleNode>();
  for (const element of processes.flatMap(flowElementsWithin).filter((e) => THROW_EVENTS.has(e.$type))) {
    for (const definition of eventDefinitions(element)) {
      const escalation = definition.$type === 'bpmn:EscalationEventDefinition' ? child(definition, 'escalationRef') : undefined;
      if (escalation !== undefined) thrown.add(escalation);
    }
  }
  return thrown;
}

/** An escalation a throw event references has a code (reported once per escalation, as real Zeebe does). */
export function checkThrownEscalations(processes: readonly ModdleNode[], problems: Problem[]): void {
  for (const escalation of thrownEscalations(processes)) {
    const code = text(escalation, 'escalationCode');
    if (code === undefined || code === '') problems.push(problemAt(escalation, 'EscalationCode must be present and not empty'));
  }
}
