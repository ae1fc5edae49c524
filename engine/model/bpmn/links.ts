/**
 * Link events, checked like real Zeebe's `LinkEventDefinitionValidator` and `ModelUtil.verifyLinkIntermediateEvents`
 * (run for the process and for every subprocess): a link has a name; no two catch links of a scope, nested
 * subprocesses included, share a name; every throw link's name has a catch link directly in the throw's scope.
 */
import { children, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { eventDefinitions, flowElementsWithin } from './elements.js';

/** The name of a link event definition. */
export function readLinkName(definition: ModdleNode, problems: Problem[]): string | undefined {
  const name = text(definition, 'name');
  if (name === undefined || name === '') {
    problems.push(problemAt(definition, 'Link name must be present and not empty.'));
    return undefined;
  }
  return name;
}

/** The (non-empty) link names of the events of a type in a container; `nested`: in its subprocesses too. */
function linkNames(container: ModdleNode, eventType: string, nested: boolean): string[] {
  return (nested ? flowElementsWithin(container) : children(container, 'flowElements'))
    .filter((e) => e.$type === eventType)
    .flatMap((e) => eventDefinitions(e))
    .filter((d) => d.$type === 'bpmn:LinkEventDefinition')
    .map((d) => text(d, 'name') ?? '')
    .filter((name) => name !== '');
}

/** The link rules of one process or subprocess; problems are about the container, as in real Zeebe. */
export function checkLinks(container: ModdleNode, problems: Problem[]): void {
  const catches = linkNames(container, 'bpmn:IntermediateCatchEvent', true);
  for (const name of new Set(catches.filter((n, i) => catches.indexOf(n) !== i))) {
    problems.push(problemAt(container, `Multiple intermediate catch link event definitions with the same name '${name}' are not allowed.`));
  }
  const catchesHere = new Set(linkNames(container, 'bpmn:IntermediateCatchEvent', false));
  for (const name of new Set(linkNames(container, 'bpmn:IntermediateThrowEvent', false))) {
    if (!catchesHere.has(name)) {
      problems.push(problemAt(container, `Can't find an catch link event for the throw link event with the name '${name}'.`));
    }
  }
}
