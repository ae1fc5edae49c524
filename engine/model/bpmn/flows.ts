/**
 * Sequence flows: their ends, their conditions and the exclusive gateways' default flows, checked like real
 * Zeebe's `SequenceFlowValidator`, `ExclusiveGatewayValidator`, `FlowNodeValidator` and the condition
 * expression validator. Flows connect nodes by `sourceRef`/`targetRef`, as real Zeebe's transformer does; the
 * `<incoming>`/`<outgoing>` children of the nodes are not read.
 */
import type { SequenceFlow } from '../types.js';
import { verifyExpression } from '../feel.js';
import { child, idOf, parentOf, text, type ModdleNode } from '../moddle-node.js';
import { problemAt, type Problem } from '../problems.js';
import { opt } from './draft.js';
import type { ReferenceIndex } from './read-bpmn.js';

/** The connected flows and, per exclusive gateway id, its (valid) default flow id. */
export interface ConnectedFlows {
  readonly flows: readonly SequenceFlow[];
  readonly defaults: ReadonlyMap<string, string>;
}

const CONDITIONAL_SOURCES = new Set(['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway']);
const NOT_FLOW_NODES = new Set(['bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/**
 * The id of one end of a flow, or undefined after recording why it does not connect. The missing and unresolved
 * messages are those of Zeebe's later `SequenceFlowValidator` (added after 8.5, whose validators have no such check);
 * the scope message is this engine's own.
 */
function resolveEnd(flow: ModdleNode, end: 'source' | 'target', references: ReferenceIndex, problems: Problem[]): string | undefined {
  const attribute = `${end}Ref`;
  const raw = references(flow, `bpmn:${attribute}`);
  const node = child(flow, attribute);
  const id = node === undefined ? undefined : idOf(node);
  if (raw === undefined && node === undefined) {
    problems.push(problemAt(flow, `SequenceFlow is missing required attribute ${attribute}`));
  } else if (node === undefined || id === undefined || NOT_FLOW_NODES.has(node.$type)) {
    const gap = end === 'source' ? ' ' : '  '; // real Zeebe's targetRef message has two spaces here
    problems.push(problemAt(flow, `SequenceFlow has ${attribute} '${raw ?? id ?? ''}'${gap}which cannot be resolved`));
  } else if (parentOf(node) !== parentOf(flow)) {
    problems.push(problemAt(flow, `SequenceFlow has ${attribute} '${id}' which is not in the scope of the flow`));
  } else {
    return id;
  }
  return undefined;
}

/** The trimmed condition of a flow (undefined without one), checked as a mandatory non-static expression. */
function readCondition(flow: ModdleNode, problems: Problem[]): string | undefined {
  const expression = child(flow, 'conditionExpression');
  if (expression === undefined) {
    return undefined;
  }
  const condition = (text(expression, 'body') ?? '').trim();
  for (const message of verifyExpression(condition, { mandatory: true, nonStatic: true })) {
    problems.push(problemAt(expression, message));
  }
  return condition;
}

/**
 * An exclusive or inclusive gateway's default flow id when valid; records a default that is not one of its flows, and
 * each other flow without a condition (Zeebe's `SequenceFlowValidator` words it per gateway kind).
 */
function checkGateway(gateway: ModdleNode, outgoing: readonly ModdleNode[], references: ReferenceIndex, problems: Problem[]): string | undefined {
  const defaultFlow = child(gateway, 'default');
  const raw = references(gateway, 'bpmn:default');
  if (raw !== undefined && defaultFlow === undefined) {
    // this engine's own wording: Zeebe's validators have no message for a default that names no element
    problems.push(problemAt(gateway, `Default flow '${raw}' cannot be resolved`));
  } else if (defaultFlow !== undefined && (defaultFlow.$type !== 'bpmn:SequenceFlow' || child(defaultFlow, 'sourceRef') !== gateway)) {
    problems.push(problemAt(gateway, 'Default flow must start at gateway'));
  }
  if (outgoing.length > 1) {
    const message = gateway.$type === 'bpmn:InclusiveGateway' ? 'Must have a condition' : 'Must have a condition or be default flow';
    for (const flow of outgoing) {
      if (flow !== defaultFlow && child(flow, 'conditionExpression') === undefined) {
        problems.push(problemAt(flow, message));
      }
    }
  }
  return defaultFlow !== undefined && outgoing.includes(defaultFlow) ? idOf(defaultFlow) : undefined;
}

/** Connects the flows of a process, checks them and the exclusive gateways among `nodes`. */
export function connectFlows(
  flowElements: readonly ModdleNode[],
  nodes: readonly ModdleNode[],
  references: ReferenceIndex,
  problems: Problem[],
): ConnectedFlows {
  const flows: SequenceFlow[] = [];
  const conditionalSources = new Set<ModdleNode>();
  for (const flow of flowElements) {
    const id = idOf(flow);
    const sourceRef = resolveEnd(flow, 'source', references, problems);
    const targetRef = resolveEnd(flow, 'target', references, problems);
    const condition = readCondition(flow, problems);
    const source = child(flow, 'sourceRef');
    if (condition !== undefined && source !== undefined && !CONDITIONAL_SOURCES.has(source.$type)) {
      conditionalSources.add(source);
    }
    if (id === undefined) {
      problems.push(problemAt(flow, 'Link id must be present and not empty.'));
    } else if (sourceRef !== undefined && targetRef !== undefined) {
      flows.push({ id, sourceRef, targetRef, ...opt('condition', condition) });
    }
  }
  for (const source of conditionalSources) {
    problems.push(problemAt(source, 'Conditional sequence flows are only supported at exclusive or inclusive gateway'));
  }
  const defaults = new Map<string, string>();
  for (const gateway of nodes.filter((node) => CONDITIONAL_SOURCES.has(node.$type))) {
    const outgoing = flowElements.filter((flow) => child(flow, 'sourceRef') === gateway);
    const defaultFlow = checkGateway(gateway, outgoing, references, problems);
    const gatewayId = idOf(gateway);
    if (defaultFlow !== undefined && gatewayId !== undefined) {
      defaults.set(gatewayId, defaultFlow);
    }
  }
  return { flows, defaults };
}
