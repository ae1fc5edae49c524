import type { RpcName } from '../../rules/index.js';
import type { Authenticator } from '../identity/authenticate.js';
import { ANONYMOUS } from '../identity/caller.js';
import type { Failure } from '../failure.js';
import type { EngineOptions } from '../options.js';
import type { Enforcement } from '../enforcement.js';
import { err, ok, type Result } from '../result.js';
import type { Command, ResponseSink, StateMachine } from '../state/machine.js';
import { decide } from '../violation.js';
import { runChecks, type GatewayContext } from './check.js';
import { rejectionToFailure } from './rejections.js';
import { RPC_CHECKS } from './rpc-checks.js';
import { effectiveTenant, effectiveTenants } from './tenants.js';
import { topologyResponse } from './topology.js';

/** One call as the transport hands it over: the RPC, the decoded request and the `authorization` header. */
export interface GatewayCall {
  readonly rpc: RpcName;
  readonly request: unknown;
  readonly authorization: string | undefined;
}

/** The gateway layer: identity, then the RPC's checks, then the state machine. */
export interface Gateway {
  unary(call: GatewayCall): Promise<Result<unknown, Failure>>;
  /** Messages go to the sink; a failure before the first message is returned for the transport to send. */
  stream(call: GatewayCall, sink: ResponseSink): Promise<Failure | undefined>;
}

/** Wires the gateway layer; `port` is the engine's bound port (Topology reports brokers beside it). */
export function createGateway(deps: { options: EngineOptions; enforcement: Enforcement; port: () => number; authenticate: Authenticator; machine: StateMachine }): Gateway {
  const { options, machine, enforcement } = deps;
  const admit = async ({ rpc, request, authorization }: GatewayCall): Promise<Result<Command, Failure>> => {
    const identity = await deps.authenticate(authorization);
    const refused = identity.ok ? undefined : decide(identity.error, enforcement);
    if (refused) return err(refused);
    const context: GatewayContext = {
      enforcement,
      multiTenancy: options.multiTenancy,
      partitions: options.topology.partitions,
      caller: identity.ok ? identity.value : ANONYMOUS,
    };
    const failed = runChecks(RPC_CHECKS[rpc], request as never, context);
    if (failed) return err(failed);
    return ok({ rpc, request, caller: context.caller, tenantIds: tenantsOf(request, options.multiTenancy) });
  };
  return {
    unary: async (call) => {
      const admitted = await admit(call);
      if (!admitted.ok) return admitted;
      if (call.rpc === 'Topology') return ok(topologyResponse(options.topology, options.host, deps.port()));
      const executed = await machine.execute(admitted.value);
      if (executed.ok) return executed;
      // Fault injection only (no profile accepts these): a switched-off rule the engine cannot act past, such as a
      // key that names nothing, is answered the way a gateway ignoring the rule would: OK, with an empty response.
      const ruleId = executed.error.ruleId;
      if (ruleId !== undefined && enforcement.statusOf(ruleId) === 'OK') return ok({});
      return err(rejectionToFailure(executed.error, options.profile));
    },
    stream: async (call, sink) => {
      const admitted = await admit(call);
      if (!admitted.ok) return admitted.error;
      const started = machine.stream(admitted.value, sink);
      return started.ok ? undefined : rejectionToFailure(started.error, options.profile);
    },
  };
}

/** The tenants a validated request acts for, whichever tenant field its message has. */
function tenantsOf(request: unknown, multiTenancy: boolean): readonly string[] {
  const message = request as { tenantId?: unknown; tenantIds?: unknown; request?: { tenantId?: unknown } | null };
  if (Array.isArray(message.tenantIds)) return effectiveTenants(message.tenantIds as string[], multiTenancy);
  const single = message.tenantId ?? message.request?.tenantId;
  return typeof single === 'string' ? [effectiveTenant(single, multiTenancy)] : [];
}
