/**
 * Published messages: correlated at once to the open subscriptions under (tenant, name, correlation key), at most
 * once per process instance; with a time to live they are also buffered, indexed by the same key, for
 * subscriptions that open later, until the engine's clock passes their deadline.
 */
import type { MachineContext } from '../context.js';
import { messageIdKey, type BufferedMessage } from '../store.js';
import { scheduleTimer } from '../timers.js';
import { addTo, correlationIndexKey, removeFrom } from './event-state.js';

/** Triggers the subscriptions waiting for a message: one per process instance, oldest first. */
export function correlateToSubscriptions(ctx: MachineContext, message: BufferedMessage, correlated: Set<string>): void {
  const key = correlationIndexKey(message.tenantId, message.name, message.correlationKey);
  for (const subscription of [...(ctx.state.events.messageSubscriptions.get(key) ?? [])]) {
    if (!subscription.open || correlated.has(subscription.processInstanceKey)) continue;
    correlated.add(subscription.processInstanceKey);
    subscription.trigger(message.variables);
  }
}

/** Keeps a message until its deadline, indexed by id and by correlation; `correlated` remembers who had it. */
export function bufferMessage(ctx: MachineContext, message: BufferedMessage, correlated: Set<string>): void {
  const { state } = ctx;
  const idKey = message.messageId === '' ? undefined : messageIdKey(message);
  const key = correlationIndexKey(message.tenantId, message.name, message.correlationKey);
  state.messages.set(message.key, message);
  if (idKey !== undefined) state.messageIds.set(idKey, message.key);
  addTo(state.events.buffered, key, message.key);
  state.events.correlated.set(message.key, correlated);
  scheduleTimer(ctx, message.deadline, () => {
    state.messages.delete(message.key);
    state.events.correlated.delete(message.key);
    removeFrom(state.events.buffered, key, message.key);
    if (idKey !== undefined && state.messageIds.get(idKey) === message.key) state.messageIds.delete(idKey);
  });
}
