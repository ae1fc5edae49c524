/** Builds one executable process: walks its scopes, connects the flows, then applies the whole-scope rules. */
import type { ExecutableProcess, FlowNode, SequenceFlow } from '../types.js';
import { children, idOf, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, unsupported, type Problem } from '../problems.js';
import { opt, type HandlerContext, type NodeDraft } from './draft.js';
import { extensions } from './elements.js';
import { checkEventGateways } from './catch-events.js';
import { connectFlows } from './flows.js';
import { handleElement, NON_EXECUTABLE } from './handlers.js';
import type { ReferenceIndex } from './read-bpmn.js';
import { checkConnections, checkStartEvents } from './scopes.js';
import { checkBoundaryHandlers, checkEventSubprocessHandlers } from './catch-duplicates.js';
import { checkLinks } from './links.js';
import { checkStartEventNames } from './name-duplicates.js';
import { checkCompensations } from './compensations.js';

interface Walked {
  readonly drafts: NodeDraft[];
  readonly elements: ModdleNode[];
  readonly flowElements: ModdleNode[];
}

/** Walks the process and every embedded subprocess, turning flow elements into drafts. */
function walkProcess(process: ModdleNode, references: ReferenceIndex, problems: Problem[]): Walked {
  const walked: Walked = { drafts: [], elements: [], flowElements: [] };
  const walk = (container: ModdleNode, scope: string | undefined): void => {
    const context: HandlerContext = { scope, problems, references, walk };
    for (const element of children(container, 'flowElements')) {
      if (element.$type === 'bpmn:SequenceFlow') {
        walked.flowElements.push(element);
      } else if (!NON_EXECUTABLE.has(element.$type)) {
        walked.elements.push(element);
        const draft = handleElement(element, context);
        if (draft !== undefined) {
          walked.drafts.push(draft);
        }
      }
    }
    checkStartEvents(container, problems);
    checkEventSubprocessHandlers(container, problems);
    if (container.$type === 'bpmn:Process') checkStartEventNames(container, problems);
    checkLinks(container, problems);
  };
  walk(process, undefined);
  return walked;
}

/** The ids of the flows per node id, in document order. */
function flowIdsBy(flows: readonly SequenceFlow[], end: 'sourceRef' | 'targetRef'): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const flow of flows) {
    byNode.set(flow[end], [...(byNode.get(flow[end]) ?? []), flow.id]);
  }
  return byNode;
}

/** The drafts with their flows (and the exclusive gateways' default flows). */
function connectNodes(drafts: readonly NodeDraft[], flows: readonly SequenceFlow[], defaults: ReadonlyMap<string, string>): Map<string, FlowNode> {
  const incoming = flowIdsBy(flows, 'targetRef');
  const outgoing = flowIdsBy(flows, 'sourceRef');
  return new Map(
    drafts.map((draft) => [
      draft.id,
      {
        ...draft,
        incoming: incoming.get(draft.id) ?? [],
        outgoing: outgoing.get(draft.id) ?? [],
        ...opt('defaultFlow', defaults.get(draft.id)),
      },
    ]),
  );
}

/** Builds an executable process; its problems (if any) are appended to `problems`. */
export function buildProcess(process: ModdleNode, references: ReferenceIndex, problems: Problem[]): ExecutableProcess {
  const bpmnProcessId = idOf(process) ?? '';
  if (bpmnProcessId === '') {
    problems.push(problemAt(process, 'Link id must be present and not empty.'));
  }
  if (extensions(process, 'zeebe:ExecutionListeners').length > 0) {
    problems.push(unsupported(process, 'zeebe:executionListeners'));
  }
  const walked = walkProcess(process, references, problems);
  const { flows, defaults } = connectFlows(walked.flowElements, walked.elements, references, problems);
  const elements = connectNodes(walked.drafts, flows, defaults);
  checkConnections(elements.values(), problems);
  checkEventGateways(elements, flows, problems);
  checkBoundaryHandlers(walked.elements, problems);
  checkCompensations(elements, problems);
  const noneStartEvent = [...elements.values()].find((node) => node.kind === 'startEvent' && node.flowScope === undefined && node.eventKind === 'none');
  return {
    bpmnProcessId,
    ...opt('name', text(process, 'name')),
    elements,
    flows: new Map(flows.map((flow) => [flow.id, flow])),
    ...opt('noneStartEvent', noneStartEvent?.id),
  };
}
