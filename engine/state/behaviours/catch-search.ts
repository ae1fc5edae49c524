/**
 * Where a thrown error or escalation is caught, as real Zeebe's `CatchEventAnalyzer` finds it: from the throwing
 * element outwards, at each level first an event subprocess of that scope, then a boundary event attached to it; a
 * handler for the exact code beats a catch-all one at the same level, and an event subprocess does not catch what
 * is thrown inside it. What a called instance does not catch goes on from its parent's call activity.
 */
import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import type { ElementInstance, ProcessInstance } from '../types.js';
import { propagate } from '../variables.js';
import { eventSubprocessesIn } from './attached-events.js';
import { enterWithVariables, parentOf, type EventFlow } from './event-flow.js';

/** How a catch event (boundary or event subprocess start) takes the thrown code: exactly, as a catch-all, or not. */
export type CodeMatch = (catchEvent: FlowNode) => 'exact' | 'any' | undefined;

/** The handler that catches: an event subprocess of `scope`, or a boundary event of `activity` entered in `scope`. */
export interface Caught {
  readonly kind: 'eventSubprocess' | 'boundary';
  readonly pi: ProcessInstance;
  readonly node: FlowNode;
  readonly interrupting: boolean;
  readonly scope: ElementInstance;
  readonly activity: ElementInstance;
}

interface Handler {
  readonly kind: Caught['kind'];
  readonly node: FlowNode;
  readonly catchEvent: FlowNode;
}

/** The handlers of an event kind at one level: the scope's event subprocesses, then the boundary events on it (if it owns them). */
function handlersAt(pi: ProcessInstance, element: ElementInstance, ownsBoundaries: boolean, eventKind: FlowNode['eventKind']): Handler[] {
  const isScope = element.node === undefined || element.node.kind === 'subProcess';
  const subprocesses: Handler[] = isScope
    ? eventSubprocessesIn(pi, element.node?.id)
        .filter(({ start }) => start.eventKind === eventKind)
        .map(({ eventSubprocess, start }) => ({ kind: 'eventSubprocess', node: eventSubprocess, catchEvent: start }))
    : [];
  const boundaries: Handler[] = element.node === undefined || !ownsBoundaries
    ? []
    : [...pi.definition.process.elements.values()]
        .filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === element.elementId && n.eventKind === eventKind)
        .map((node) => ({ kind: 'boundary', node, catchEvent: node }));
  return [...subprocesses, ...boundaries];
}

/** The handler for the exact code at a level, else its catch-all one. */
function matchAt(handlers: readonly Handler[], matches: CodeMatch): Handler | undefined {
  return handlers.find((h) => matches(h.catchEvent) === 'exact') ?? handlers.find((h) => matches(h.catchEvent) === 'any');
}

const interrupts = ({ kind, catchEvent }: Handler): boolean =>
  kind === 'boundary' ? catchEvent.cancelActivity !== false : catchEvent.interrupting !== false;

/** Finds the handler of a thrown error or escalation, from `from` outwards and up through call activities. */
export function findCatch(ctx: MachineContext, pi: ProcessInstance, from: ElementInstance, eventKind: 'error' | 'escalation', matches: CodeMatch): Caught | undefined {
  let inner: ElementInstance | undefined;
  for (let level: ElementInstance | undefined = from; level; inner = level, level = parentOf(ctx, level)) {
    // An inner instance of a multi-instance activity: its boundary events belong to the body around it.
    const parent = parentOf(ctx, level);
    const ownsBoundaries = !(parent?.node?.kind === 'multiInstanceBody' && parent.elementId === level.elementId);
    const candidates = handlersAt(pi, level, ownsBoundaries, eventKind).filter((h) => h.node.id !== inner?.elementId);
    const handler = matchAt(candidates, matches);
    if (handler?.kind === 'eventSubprocess') return { ...handler, pi, interrupting: interrupts(handler), scope: level, activity: level };
    if (handler && parent) return { ...handler, pi, interrupting: interrupts(handler), scope: parent, activity: level };
  }
  const callActivity = pi.parent && ctx.state.elements.get(pi.parent.elementInstanceKey);
  const parent = pi.parent && ctx.state.instances.get(pi.parent.processInstanceKey);
  return callActivity !== undefined && parent !== undefined ? findCatch(ctx, parent, callActivity, eventKind, matches) : undefined;
}

/**
 * Enters the handler with the event's variables: an interrupting event subprocess first terminates everything in
 * its scope, an interrupting boundary event its activity (a called child goes with its call activity).
 */
export function enterHandler(flow: EventFlow, interruptScope: (ctx: MachineContext, scope: ElementInstance) => void, ctx: MachineContext, caught: Caught, variables: Readonly<Record<string, unknown>>): void {
  if (caught.kind === 'eventSubprocess') {
    if (caught.interrupting) interruptScope(ctx, caught.scope);
    propagate(ctx.state, caught.scope.key, variables);
    flow.activate(ctx, caught.pi, caught.node, caught.scope);
    return;
  }
  if (caught.interrupting) flow.terminate(ctx, caught.activity);
  enterWithVariables(flow, ctx, caught.pi, caught.node, caught.scope, variables);
}
