import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../result.js';
import { refuse, type MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';
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
 * PublishMessage: the message lives on the partition of its correlation key; with a time to live it is buffered
 * until then (by the engine's clock), and a second message with the same id (same name, correlation key and
 * tenant) while the first is alive is ALREADY_EXISTS. Catch events that correlate messages come with issue 4:
 * until then the engine refuses to deploy them, so a published message has nothing to correlate to yet.
 */
export function publishMessage(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const request = command.request as PublishRequest;
  const tenantId = command.tenantIds[0] ?? '<default>';
  const now = ctx.clock.now();
  const live = ctx.state.messageIds.get(messageIdKey({ ...request, tenantId }));
  if (request.messageId !== '' && live !== undefined) {
    const refused = refuse(ctx, 'PublishMessage/ALREADY_EXISTS/duplicate-message-id', 'ALREADY_EXISTS', 'PUBLISH',
      `Expected to publish a new message with id '${request.messageId}', but a message with that id was already published`);
    if (refused) return err(refused);
  }
  const key = ctx.keys.next(partitionOf(request.correlationKey, ctx.partitions));
  const ttl = Number(request.timeToLive);
  if (ttl > 0) buffer(ctx, { key, name: request.name, correlationKey: request.correlationKey, messageId: request.messageId, tenantId, variables: documentOf(request.variables), deadline: now + ttl });
  return ok({ key, tenantId });
}

/** BroadcastSignal: a signal reaches the signal events waiting at that moment (none can be deployed before issue 4). */
export function broadcastSignal(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const tenantId = command.tenantIds[0] ?? '<default>';
  return ok({ key: ctx.keys.next(1), tenantId });
}

function buffer(ctx: MachineContext, message: BufferedMessage): void {
  const idKey = message.messageId === '' ? undefined : messageIdKey(message);
  ctx.state.messages.set(message.key, message);
  if (idKey !== undefined) ctx.state.messageIds.set(idKey, message.key);
  ctx.clock.schedule(message.deadline, () => {
    ctx.state.messages.delete(message.key);
    if (idKey !== undefined && ctx.state.messageIds.get(idKey) === message.key) ctx.state.messageIds.delete(idKey);
  });
}

/** Messages go to the partition their correlation key hashes to, as in the real broker (a stable hash). */
function partitionOf(correlationKey: string, partitions: number): number {
  const hash = createHash('sha1').update(correlationKey).digest().readUInt32BE(0);
  return (hash % partitions) + 1;
}
