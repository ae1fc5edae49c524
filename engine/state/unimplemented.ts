import { err } from '../result.js';
import type { StateMachine } from './machine.js';

/**
 * The state machine until deployments, instances and jobs exist: every command is refused as not implemented,
 * so no caller mistakes this engine's silence for success.
 */
export function createUnimplementedMachine(): StateMachine {
  return {
    execute: (command) =>
      Promise.resolve(
        err({
          type: 'NOT_IMPLEMENTED',
          intent: command.rpc,
          reason: `the reference engine does not implement ${command.rpc} yet: the request passed every gateway check, but the engine has no state to execute it on`,
        }),
      ),
  };
}
