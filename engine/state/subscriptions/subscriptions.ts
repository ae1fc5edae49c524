/**
 * Opening and closing subscriptions. A message subscription is indexed by (tenant, name, correlation key) and,
 * when it opens, takes the oldest buffered message under the same key that has not yet correlated to its process
 * instance; a signal subscription is indexed by (tenant, name); a timer subscription owns a pending timer.
 */
import type { MachineContext } from '../context.js';
import { runSchedule, type TimerSchedule } from '../timers.js';
import { addTo, correlationIndexKey, nameIndexKey, removeFrom, type Subscription, type SubscriptionGroup, type TriggeredSubscription } from './event-state.js';

/** Who owns a new subscription and what it belongs to. */
export interface Owner {
  readonly owner: string;
  readonly processInstanceKey: string;
  readonly tenantId: string;
  readonly group: SubscriptionGroup;
}

type Trigger = TriggeredSubscription['trigger'];

/** Registers a subscription under its owner; `detach` removes it from its own index (closing it runs `detach` once). */
export function register<T extends Subscription>(ctx: MachineContext, owner: Owner, detach: () => void, extra: Omit<T, keyof Subscription>): T {
  const subscription = {
    ...extra,
    owner: owner.owner,
    processInstanceKey: owner.processInstanceKey,
    group: owner.group,
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
export function openMessageSubscription(ctx: MachineContext, owner: Owner, name: string, correlationKey: string, trigger: Trigger): void {
  const { events } = ctx.state;
  const key = correlationIndexKey(owner.tenantId, name, correlationKey);
  const subscription: TriggeredSubscription = register(ctx, owner, () => { removeFrom(events.messageSubscriptions, key, subscription); }, { trigger });
  addTo(events.messageSubscriptions, key, subscription);
  for (const messageKey of events.buffered.get(key) ?? []) {
    const message = ctx.state.messages.get(messageKey);
    const correlated = events.correlated.get(messageKey);
    if (message && !correlated?.has(owner.processInstanceKey)) {
      correlated?.add(owner.processInstanceKey);
      trigger(message.variables);
      return;
    }
  }
}

/** Opens a signal subscription. */
export function openSignalSubscription(ctx: MachineContext, owner: Owner, name: string, trigger: Trigger): void {
  const { events } = ctx.state;
  const key = nameIndexKey(owner.tenantId, name);
  const subscription: TriggeredSubscription = register(ctx, owner, () => { removeFrom(events.signalSubscriptions, key, subscription); }, { trigger });
  addTo(events.signalSubscriptions, key, subscription);
}

/** Opens a timer subscription; `fire` learns whether it was the last firing (the subscription is closed then). */
export function openTimerSubscription(ctx: MachineContext, owner: Owner, schedule: TimerSchedule, fire: () => void): void {
  const subscription: Subscription = register(ctx, owner, () => { timer.cancel(); }, {});
  const timer = runSchedule(ctx, schedule, (last) => {
    if (!subscription.open) return;
    if (last) subscription.close();
    fire();
  });
}

/** Closes every subscription an element instance owns (it completed or was terminated), or those of one group. */
export function closeSubscriptions(ctx: MachineContext, owner: string, group?: SubscriptionGroup): void {
  for (const subscription of [...(ctx.state.events.byOwner.get(owner) ?? [])]) {
    if (group === undefined || subscription.group === group) subscription.close();
  }
}
