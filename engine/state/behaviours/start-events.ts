/**
 * Message, signal and timer start events of deployed processes. Deploying a new version indexes its message and
 * signal start events and schedules its timer start events (cancelling the previous version's timers); a message,
 * signal or due timer then creates an instance of the latest version at that start event.
 */
import { evaluateString } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import type { MachineContext } from '../context.js';
import { latest, versionKey, type BufferedMessage } from '../store.js';
import { addTo, correlationIndexKey, nameIndexKey } from '../subscriptions/event-state.js';
import { register } from '../subscriptions/subscriptions.js';
import { runSchedule, timerSchedule } from '../timers.js';
import type { ElementInstance, ProcessDefinition, ProcessInstance } from '../types.js';
import { setLocal } from '../variables.js';
import type { EventFlow } from './event-flow.js';

/** The start events of a process (not of its subprocesses) of one kind, with their static names. */
function startEventsOf(definition: ProcessDefinition, kind: 'message' | 'signal' | 'timer'): FlowNode[] {
  return [...definition.process.elements.values()].filter((n) => n.kind === 'startEvent' && n.flowScope === undefined && n.eventKind === kind);
}

/** A start event's message or signal name (an expression is evaluated without variables, as at deployment). */
function nameOf(node: FlowNode): string | undefined {
  const name = evaluateString(node.message?.name ?? node.signalName ?? '', {});
  return name.ok ? name.value : undefined;
}

/** Creates the start event operations; `openScopeEvents` opens the event subprocesses of a new instance. */
export function createStartEvents(flow: EventFlow, openScopeEvents: (ctx: MachineContext, pi: ProcessInstance, scope: ElementInstance) => void): {
  readonly startInstanceAt: (ctx: MachineContext, definition: ProcessDefinition, start: FlowNode, variables: Readonly<Record<string, unknown>>, before?: (pi: ProcessInstance) => void) => ProcessInstance;
  readonly processDeployed: (ctx: MachineContext, definition: ProcessDefinition) => void;
  readonly processDeleted: (ctx: MachineContext, definition: ProcessDefinition) => void;
  readonly startByMessage: (ctx: MachineContext, message: BufferedMessage, correlated: Set<string>) => void;
  readonly startBySignal: (ctx: MachineContext, tenantId: string, name: string, variables: Readonly<Record<string, unknown>>) => void;
} {
  const startInstanceAt = (ctx: MachineContext, definition: ProcessDefinition, start: FlowNode, variables: Readonly<Record<string, unknown>>, before?: (pi: ProcessInstance) => void): ProcessInstance => {
    const partition = ctx.nextPartition();
    const pi: ProcessInstance = { key: ctx.keys.next(partition), definition, tenantId: definition.tenantId, partition, onComplete: [] };
    ctx.state.instances.set(pi.key, pi);
    const root = flow.createRootScope(ctx, pi);
    setLocal(ctx.state, root.key, variables);
    before?.(pi);
    flow.activate(ctx, pi, start, root);
    if (ctx.state.elements.get(root.key) === root) openScopeEvents(ctx, pi, root);
    return pi;
  };

  /** The latest version of a process if it still has a start event of that kind and name. */
  const startFor = (ctx: MachineContext, tenantId: string, bpmnProcessId: string, kind: 'message' | 'signal', name: string) => {
    const definition = latest(ctx.state.processes, tenantId, bpmnProcessId);
    const start = definition && startEventsOf(definition, kind).find((n) => nameOf(n) === name);
    return definition && start ? { definition, start } : undefined;
  };

  const scheduleTimerStarts = (ctx: MachineContext, definition: ProcessDefinition): void => {
    const timers = startEventsOf(definition, 'timer').flatMap((start) => {
      const schedule = start.timer && timerSchedule(start.timer, {}, ctx.clock.now());
      // Deployment refused a start timer that fails without variables; only a clock-dependent FEEL result can fail here.
      if (!schedule?.ok) return [];
      return [runSchedule(ctx, schedule.value, () => {
        if (latest(ctx.state.processes, definition.tenantId, definition.bpmnProcessId) === definition) startInstanceAt(ctx, definition, start, {});
      })];
    });
    ctx.state.events.startTimers.set(versionKey(definition.tenantId, definition.bpmnProcessId), timers);
  };

  /**
   * Starts the latest version of one process for a message, unless the message already started it or (with a
   * correlation key) an instance that key started is still active. Once that instance is gone, the oldest buffered
   * message with the key and a start event's name starts the next one, as Zeebe does.
   */
  const startByMessageOf = (ctx: MachineContext, bpmnProcessId: string, message: BufferedMessage, correlated: Set<string>): void => {
    const { events } = ctx.state;
    const found = startFor(ctx, message.tenantId, bpmnProcessId, 'message', message.name);
    const activeKey = `${versionKey(message.tenantId, bpmnProcessId)}\u0000${message.correlationKey}`;
    if (!found || correlated.has(`start\u0000${bpmnProcessId}`) || (message.correlationKey !== '' && events.activeStartKeys.has(activeKey))) return;
    correlated.add(`start\u0000${bpmnProcessId}`);
    startInstanceAt(ctx, found.definition, found.start, message.variables, (pi) => {
      correlated.add(pi.key);
      if (message.correlationKey === '') return;
      events.activeStartKeys.set(activeKey, pi.key);
      register(ctx, { owner: pi.key, processInstanceKey: pi.key, tenantId: pi.tenantId, group: 'instance' }, () => {
        events.activeStartKeys.delete(activeKey);
        startFromBuffer(ctx, found.definition.tenantId, bpmnProcessId, message.correlationKey);
      }, {});
    });
  };

  /** The oldest buffered message for a process's message start events under a correlation key starts an instance. */
  const startFromBuffer = (ctx: MachineContext, tenantId: string, bpmnProcessId: string, correlationKey: string): void => {
    const definition = latest(ctx.state.processes, tenantId, bpmnProcessId);
    const names = definition ? startEventsOf(definition, 'message').map(nameOf) : [];
    for (const name of names) {
      for (const messageKey of ctx.state.events.buffered.get(correlationIndexKey(tenantId, name ?? '', correlationKey)) ?? []) {
        const message = ctx.state.messages.get(messageKey);
        const correlated = ctx.state.events.correlated.get(messageKey);
        if (message && correlated && !correlated.has(`start\u0000${bpmnProcessId}`)) {
          startByMessageOf(ctx, bpmnProcessId, message, correlated);
          return;
        }
      }
    }
  };

const processDeployed = (ctx: MachineContext, definition: ProcessDefinition): void => {
    const { events } = ctx.state;
    for (const timer of events.startTimers.get(versionKey(definition.tenantId, definition.bpmnProcessId)) ?? []) timer.cancel();
    for (const [kind, index] of [['message', events.messageStarts], ['signal', events.signalStarts]] as const) {
      for (const start of startEventsOf(definition, kind)) {
        const name = nameOf(start);
        if (name !== undefined) addTo(index, nameIndexKey(definition.tenantId, name), definition.bpmnProcessId);
      }
    }
    scheduleTimerStarts(ctx, definition);
  };

  return {
    startInstanceAt,
    processDeployed,
    processDeleted: (ctx, definition) => {
      // the version before it becomes the latest again: its timer start events are scheduled anew
      const now = latest(ctx.state.processes, definition.tenantId, definition.bpmnProcessId);
      if (now) processDeployed(ctx, now);
      else for (const timer of ctx.state.events.startTimers.get(versionKey(definition.tenantId, definition.bpmnProcessId)) ?? []) timer.cancel();
    },
    startByMessage: (ctx, message, correlated) => {
      for (const bpmnProcessId of [...(ctx.state.events.messageStarts.get(nameIndexKey(message.tenantId, message.name)) ?? [])]) {
        startByMessageOf(ctx, bpmnProcessId, message, correlated);
      }
    },
    startBySignal: (ctx, tenantId, name, variables) => {
      for (const bpmnProcessId of [...(ctx.state.events.signalStarts.get(nameIndexKey(tenantId, name)) ?? [])]) {
        const found = startFor(ctx, tenantId, bpmnProcessId, 'signal', name);
        if (found) startInstanceAt(ctx, found.definition, found.start, variables);
      }
    },
  };
}
