import type { Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';
import type { ProcessInstance } from '../types.js';
import { findVisible } from '../commands/lookups.js';

/**
 * The live process instance a Modify or Migrate command names, for its caller. A key never handed out, one whose
 * instance ended, and another tenant's instance are all NOT_FOUND with the same reason; the rule ids tell them apart.
 */
export function findLiveInstance(ctx: MachineContext, command: Command, rpc: 'ModifyProcessInstance' | 'MigrateProcessInstance', intent: string, reason: string): Result<ProcessInstance, Rejection> {
  const { processInstanceKey: key } = command.request as { processInstanceKey: string };
  const missing = ctx.keys.issued(key) ? 'instance-not-active' : 'no-such-instance';
  return findVisible(ctx, command, ctx.state.instances.get(key), { rpc, missing, intent, reason });
}
