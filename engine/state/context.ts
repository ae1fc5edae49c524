import type { Enforcement } from '../enforcement.js';
import type { Clock } from './clock.js';
import type { KeyGenerator } from './keys.js';
import type { Rejection, RejectionType } from './machine.js';
import type { EngineState } from './store.js';
import type { Job } from './types.js';

/** What every command handler and behaviour works with. */
export interface MachineContext {
  readonly state: EngineState;
  readonly clock: Clock;
  readonly keys: KeyGenerator;
  readonly enforcement: Enforcement;
  readonly multiTenancy: boolean;
  readonly partitions: number;
  /** The partition the next process instance goes to (round-robin). */
  nextPartition(): number;
  /** A job became activatable: pushed to streams or parked polls once the current command is done. */
  jobActivatable(job: Job): void;
}

/**
 * A state rule's violation as a rejection, or `undefined` where the engine's profile accepts the condition
 * (the deviation is data in the catalogue, not a branch here).
 */
export function refuse(ctx: MachineContext, ruleId: string, type: RejectionType, intent: string, reason: string): Rejection | undefined {
  return ctx.enforcement.statusOf(ruleId) === 'OK' ? undefined : { type, intent, reason, ruleId };
}

/** Whether the caller may see an entity of this tenant (multi-tenancy off: everything is `<default>`). */
export function visibleTo(ctx: MachineContext, tenants: readonly string[] | undefined, tenantId: string): boolean {
  if (!ctx.multiTenancy) return true;
  return tenants?.includes(tenantId) ?? false;
}
