/**
 * Opening and closing subscriptions. A message subscription is indexed by (tenant, name, correlation key) and,
 * when it opens, takes the oldest buffered message under the same key that has not yet correlated to its process
 * instance; a signal subscription is indexed by (tenant, name); a timer subscription owns a pending timer.
 */
import type { MachineContext } from '../context.js';
import { runSchedule, type TimerSchedule } from '../timers.js';
import { addTo, correlationIndexKey, nameIndexKey, removeFrom, type Subscription, type SubscriptionGroup, type TimerSubscription, type TriggeredSubscription } from './event-state.js';

/** Who owns a new subscription and what it belongs to. */
export interface Owner {
  readonly owner: string;
  readonly processInstanceKey: string;
  readonly tenantId: string;
  readonly group: SubscriptionGroup;
  /** The catch event, where the owner waits for several (its boundary events). */
  readonly catchEventId?: string;
}

/** What runs when the event comes: its variables, and the catch event the subscription waits for by then. */
export type EventTrigger = (variables: Readonly<Record<string, unknown>>, catchEventId: string | undefined) => void;

/** Registers a subscription under its owner; `detach` removes it from its own index (closing it runs `detach` once). */
export function register<T extends Subscription>(ctx: MachineContext, owner: Owner, detach: () => void, extra: Omit<T, keyof Subscription>): T {
  const subscription = {
    ...extra,
    owner: owner.owner,
    processInstanceKey: owner.processInstanceKey,
    group: owner.group,
    catchEventId: owner.catchEventId,
    open: true,
    close: () => {
      if (!subscription.open) return;
      subscription.open = false;
      detach();
      removeFrom(ctx.state.events.byOwner, owner.owner, subscription);
    },
  } as unknown as T;
  addTo(ctx.state.events.byOwner, owner.owner, subscription);
  return subscription;
}

/** Opens a message subscription, then correlates the oldest fitting buffered message to it. */
export function openMessageSubscription(ctx: MachineContext, owner: Owner, name: string, correlationKey: string, trigger: EventTrigger): void {
  const { events } = ctx.state;
  const key = correlationIndexKey(owner.tenantId, name, correlationKey);
  const subscription: TriggeredSubscription = register(ctx, owner, () => { removeFrom(events.messageSubscriptions, key, subscription); }, {
    trigger: (variables) => { trigger(variables, subscription.catchEventId); },
  });
  addTo(events.messageSubscriptions, key, subscription);
  for (const messageKey of events.buffered.get(key) ?? []) {
    const message = ctx.state.messages.get(messageKey);
    const correlated = events.correlated.get(messageKey);
    if (message && !correlated?.has(owner.processInstanceKey)) {
      correlated?.add(owner.processInstanceKey);
      subscription.trigger(message.variables);
      return;
    }
  }
}

/** Opens a signal subscription. */
export function openSignalSubscription(ctx: MachineContext, owner: Owner, name: string, trigger: EventTrigger): void {
  const { events } = ctx.state;
  const key = nameIndexKey(owner.tenantId, name);
  const subscription: TriggeredSubscription = register(ctx, owner, () => { removeFrom(events.signalSubscriptions, key, subscription); }, {
    trigger: (variables) => { trigger(variables, subscription.catchEventId); },
  });
  addTo(events.signalSubscriptions, key, subscription);
}

/** Opens a timer subscription; after its last firing it is closed. `fire` gets the catch event it waits for by then. */
export function openTimerSubscription(ctx: MachineContext, owner: Owner, schedule: TimerSchedule, fire: (catchEventId: string | undefined) => void): void {
  const subscription: TimerSubscription = register(ctx, owner, () => { timer.cancel(); }, { retime: (next) => { timer.retime(next); } });
  const timer = runSchedule(ctx, schedule, (last) => {
    if (!subscription.open) return;
    if (last) subscription.close();
    fire(subscription.catchEventId);
  });
}

/** Closes every subscription an element instance owns (it completed or was terminated), or those of one group. */
export function closeSubscriptions(ctx: MachineContext, owner: string, group?: SubscriptionGroup): void {
  for (const subscription of [...(ctx.state.events.byOwner.get(owner) ?? [])]) {
    if (group === undefined || subscription.group === group) subscription.close();
  }
}
