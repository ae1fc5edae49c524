import { createEventState, type EventState } from './subscriptions/event-state.js';
import type { CompensationSubscription, DecisionRequirementsRecord, ElementInstance, FormRecord, Incident, Job, ProcessDefinition, ProcessInstance, UserTask } from './types.js';

/** A family of versioned records (processes, DRGs, forms) per tenant and id; version numbers are never reused. */
export interface Versions<T extends { readonly key: string; readonly version: number }> {
  readonly byKey: Map<string, T>;
  /** `tenant \0 id` → live versions, oldest first. */
  readonly byId: Map<string, T[]>;
  /** `tenant \0 id` → the highest version ever given. */
  readonly lastVersion: Map<string, number>;
}

/** Everything the engine knows; one per engine instance (no module state), dropped whole by a reset. */
export interface EngineState {
  readonly processes: Versions<ProcessDefinition>;
  readonly drgs: Versions<DecisionRequirementsRecord>;
  readonly forms: Versions<FormRecord>;
  readonly instances: Map<string, ProcessInstance>;
  readonly elements: Map<string, ElementInstance>;
  /** Element instance key → its local variables. */
  readonly variables: Map<string, Map<string, unknown>>;
  readonly jobs: Map<string, Job>;
  /** Job type → keys of its activatable jobs, oldest first (what ActivateJobs scans). */
  readonly activatable: Map<string, Set<string>>;
  readonly incidents: Map<string, Incident>;
  /** Open Camunda user tasks, by key. */
  readonly userTasks: Map<string, UserTask>;
  /** Published messages still alive (time to live not yet over), by key. */
  readonly messages: Map<string, BufferedMessage>;
  /** `messageIdKey` of a live message with an id → its key (what ALREADY_EXISTS looks up). */
  readonly messageIds: Map<string, string>;
  /** Subscriptions, buffered-message index, timers and start events of message, signal and timer events. */
  readonly events: EventState;
  /** Process instance key → its compensation subscriptions, in the order the activities completed. */
  readonly compensations: Map<string, CompensationSubscription[]>;
}

/** A published message kept for its time to live, for catch events that open later. */
export interface BufferedMessage {
  readonly key: string;
  readonly name: string;
  readonly correlationKey: string;
  readonly messageId: string;
  readonly tenantId: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly deadline: number;
}

const versions = <T extends { readonly key: string; readonly version: number }>(): Versions<T> => ({
  byKey: new Map(),
  byId: new Map(),
  lastVersion: new Map(),
});

/** An empty state. */
export function createState(): EngineState {
  return {
    processes: versions(),
    drgs: versions(),
    forms: versions(),
    instances: new Map(),
    elements: new Map(),
    variables: new Map(),
    jobs: new Map(),
    activatable: new Map(),
    incidents: new Map(),
    userTasks: new Map(),
    messages: new Map(),
    messageIds: new Map(),
    events: createEventState(),
    compensations: new Map(),
  };
}

/** What makes a message id unique while the message lives: tenant, name, correlation key and id. */
export const messageIdKey = (m: Pick<BufferedMessage, 'tenantId' | 'name' | 'correlationKey' | 'messageId'>): string =>
  [m.tenantId, m.name, m.correlationKey, m.messageId].join('\u0000');

/** The key of a tenant's id in a `Versions` family. */
export const versionKey = (tenantId: string, id: string): string => `${tenantId}\u0000${id}`;

/** The latest live version of an id for a tenant. */
export function latest<T extends { readonly key: string; readonly version: number }>(family: Versions<T>, tenantId: string, id: string): T | undefined {
  return family.byId.get(versionKey(tenantId, id))?.at(-1);
}

/** Adds a new version. */
export function addVersion<T extends { readonly key: string; readonly version: number }>(family: Versions<T>, tenantId: string, id: string, record: T): void {
  const k = versionKey(tenantId, id);
  family.byKey.set(record.key, record);
  family.byId.set(k, [...(family.byId.get(k) ?? []), record]);
  family.lastVersion.set(k, record.version);
}

/** Removes a version; the one before it becomes the latest again. */
export function removeVersion<T extends { readonly key: string; readonly version: number }>(family: Versions<T>, tenantId: string, id: string, key: string): void {
  const k = versionKey(tenantId, id);
  family.byKey.delete(key);
  const rest = (family.byId.get(k) ?? []).filter((r) => r.key !== key);
  if (rest.length > 0) family.byId.set(k, rest);
  else family.byId.delete(k);
}
