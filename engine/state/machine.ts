import type { RpcName } from '../../rules/index.js';
import type { Caller } from '../identity/caller.js';
import type { Result } from '../result.js';

/** The broker's rejection types, plus NOT_IMPLEMENTED for commands whose state this engine does not have yet. */
export type RejectionType =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATE'
  | 'PROCESSING_ERROR'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_IMPLEMENTED';

/** A command the state machine refused: intent and reason as the broker words them, and the rule behind it. */
export interface Rejection {
  readonly type: RejectionType;
  readonly intent: string;
  readonly reason: string;
  readonly ruleId?: string;
}

/** A request that passed the gateway layer, with who sent it and the tenants it acts for. */
export interface Command {
  readonly rpc: RpcName;
  readonly request: unknown;
  readonly caller: Caller;
  /** The validated tenants (`[<default>]` with multi-tenancy off). */
  readonly tenantIds: readonly string[];
}

/** Where a streaming command writes its messages; the transport adapts a gRPC call to it. */
export interface ResponseSink {
  /** Sends one message. */
  write(message: unknown): void;
  /** Ends the call with OK. */
  end(): void;
  /** Whether the client has gone (cancelled, deadline passed, disconnected). */
  isCancelled(): boolean;
  /** Called once if the client goes away. */
  onCancel(listener: () => void): void;
}

/** Commands in, responses or rejections out. Knows nothing of gRPC. */
export interface StateMachine {
  /** A unary command: one response or one rejection. */
  execute(command: Command): Promise<Result<unknown, Rejection>>;
  /** A server-streaming command: messages go to the sink, which the machine ends; a rejection ends it at once. */
  stream(command: Command, sink: ResponseSink): Result<void, Rejection>;
}
