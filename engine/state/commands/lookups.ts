import type { RpcName } from '../../../rules/index.js';
import { err, ok, type Result } from '../../result.js';
import { visibleTo, type MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';

/** Finds an entity by key for a caller: missing and another tenant's are both NOT_FOUND, with their own rule ids. */
export function findVisible<T extends { readonly tenantId: string }>(
  ctx: MachineContext,
  command: Command,
  found: T | undefined,
  rule: { rpc: RpcName; missing: string; intent: string; reason: string },
): Result<T, Rejection> {
  const rejection = (id: string): Rejection => ({ type: 'NOT_FOUND', intent: rule.intent, reason: rule.reason, ruleId: `${rule.rpc}/NOT_FOUND/${id}` });
  if (!found) return err(rejection(rule.missing));
  return visibleTo(ctx, command.caller.tenants, found.tenantId) ? ok(found) : err(rejection('other-tenant'));
}

/** Parses a variables document the gateway already validated (empty or null: no variables). */
export function documentOf(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const parsed = JSON.parse(text) as unknown;
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
