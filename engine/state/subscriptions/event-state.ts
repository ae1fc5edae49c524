/**
 * What the engine keeps about events: open message and signal subscriptions (indexed by what they wait for and by
 * the element instance that owns them), buffered messages by correlation, pending timers, and the start events of
 * the deployed processes. Part of the engine state; dropped whole by a reset (after its timers are cancelled).
 */
import type { Timer } from '../clock.js';

/** Who opened a subscription: a catch element itself, an activity for its boundary events, or a scope for its event subprocesses. */
export type SubscriptionGroup = 'catch' | 'boundary' | 'eventSubprocess' | 'instance';

/** Something waiting for an event, owned by an element instance; closed when that instance goes. */
export interface Subscription {
  /** Element instance key of the owner. */
  readonly owner: string;
  readonly processInstanceKey: string;
  readonly group: SubscriptionGroup;
  /** The catch event it waits for, where its owner waits for several (boundary events); a migration may move it. */
  catchEventId: string | undefined;
  open: boolean;
  /** Removes it from every index (and cancels its timer). */
  readonly close: () => void;
}

/** A subscription that a message or signal triggers, with that event's variables. */
export interface TriggeredSubscription extends Subscription {
  readonly trigger: (variables: Readonly<Record<string, unknown>>) => void;
}

/** A timer's subscription; a migration may give the firings after the pending one the target event's interval. */
export interface TimerSubscription extends Subscription {
  readonly retime: (next: (after: number) => number | undefined) => void;
}

/** An event-based gateway's choice, handed to the catch event it activates so that it completes at once. */
export interface PendingTrigger {
  readonly scopeKey: string;
  readonly elementId: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The event part of the engine state. */
export interface EventState {
  /** `tenant \0 name \0 correlationKey` → open message subscriptions, oldest first. */
  readonly messageSubscriptions: Map<string, Set<TriggeredSubscription>>;
  /** `tenant \0 name` → open signal subscriptions, oldest first. */
  readonly signalSubscriptions: Map<string, Set<TriggeredSubscription>>;
  /** Element instance key → the subscriptions it owns. */
  readonly byOwner: Map<string, Set<Subscription>>;
  /** `tenant \0 name \0 correlationKey` → keys of the buffered messages, oldest first. */
  readonly buffered: Map<string, Set<string>>;
  /** Buffered message key → what it already correlated to (process instance keys, `start \0 bpmnProcessId`). */
  readonly correlated: Map<string, Set<string>>;
  /** `tenant \0 message name` → ids of processes with a message start event of that name. */
  readonly messageStarts: Map<string, Set<string>>;
  /** `tenant \0 signal name` → ids of processes with a signal start event of that name. */
  readonly signalStarts: Map<string, Set<string>>;
  /** `tenant \0 bpmnProcessId` → the timers of its latest version's timer start events. */
  readonly startTimers: Map<string, Timer[]>;
  /** `tenant \0 bpmnProcessId \0 correlationKey` → the active instance a message start event created for that key. */
  readonly activeStartKeys: Map<string, string>;
  /** Every pending timer, cancelled by a reset. */
  readonly timers: Set<Timer>;
  pendingTrigger: PendingTrigger | undefined;
}

/** An empty event state. */
export function createEventState(): EventState {
  return {
    messageSubscriptions: new Map(),
    signalSubscriptions: new Map(),
    byOwner: new Map(),
    buffered: new Map(),
    correlated: new Map(),
    messageStarts: new Map(),
    signalStarts: new Map(),
    startTimers: new Map(),
    activeStartKeys: new Map(),
    timers: new Set(),
    pendingTrigger: undefined,
  };
}

/** The index key of a message subscription or buffered message. */
export const correlationIndexKey = (tenantId: string, name: string, correlationKey: string): string =>
  `${tenantId}\u0000${name}\u0000${correlationKey}`;

/** The index key of a signal subscription or signal start event. */
export const nameIndexKey = (tenantId: string, name: string): string => `${tenantId}\u0000${name}`;

/** Adds a value to the set under a key of a map of sets. */
export function addTo<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Removes a value from the set under a key, dropping the key once its set is empty. */
export function removeFrom<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
