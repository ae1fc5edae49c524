import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../result.js';
import { refuse, type MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';
import { EVENTS } from '../execution.js';
import { messageIdKey, type BufferedMessage } from '../store.js';
import { documentOf } from './lookups.js';

interface PublishRequest {
  readonly name: string;
  readonly correlationKey: string;
  readonly timeToLive: string;
  readonly messageId: string;
  readonly variables: string;
}

/**
 * PublishMessage: the message lives on the partition of its correlation key. It correlates at once to message
 * start events and to the subscriptions waiting under its tenant, name and correlation key (once per process
 * instance); with a time to live it is buffered until then (by the engine's clock) for subscriptions that open
 * later, and a second message with the same id (same name, correlation key and tenant) while the first is alive
 * is ALREADY_EXISTS.
 */
export function publishMessage(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const request = command.request as PublishRequest;
  const tenantId = command.tenantIds[0] ?? '<default>';
  const live = ctx.state.messageIds.get(messageIdKey({ ...request, tenantId }));
  if (request.messageId !== '' && live !== undefined) {
    const refused = refuse(ctx, 'PublishMessage/ALREADY_EXISTS/duplicate-message-id', 'ALREADY_EXISTS', 'PUBLISH',
      `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`);
    if (refused) return err(refused);
  }
  const key = ctx.keys.next(partitionOf(request.correlationKey, ctx.partitions));
  const ttl = Number(request.timeToLive);
  const message: BufferedMessage = { key, name: request.name, correlationKey: request.correlationKey, messageId: request.messageId, tenantId, variables: documentOf(request.variables), deadline: ctx.clock.now() + ttl };
  EVENTS.publish(ctx, message, ttl > 0);
  return ok({ key, tenantId });
}

/** BroadcastSignal: starts the processes with a signal start event of that name and triggers the waiting signal events, in the tenant. */
export function broadcastSignal(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { signalName, variables } = command.request as { signalName: string; variables: string };
  const tenantId = command.tenantIds[0] ?? '<default>';
  const key = ctx.keys.next(1);
  EVENTS.broadcast(ctx, tenantId, signalName, documentOf(variables));
  return ok({ key, tenantId });
}

/** Messages go to the partition their correlation key hashes to, as in the real broker (a stable hash). */
function partitionOf(correlationKey: string, partitions: number): number {
  const hash = createHash('sha1').update(correlationKey).digest().readUInt32BE(0);
  return (hash % partitions) + 1;
}
