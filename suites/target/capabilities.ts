import { RPC_NAMES, type RpcName } from '../../rules/index.js';
import { STILL_OPEN, type CallOptions, type CallOutcome, type GatewayClient } from '../harness/client.js';
import { harmlessProbes, multiTenancyProbe } from './probes.js';
import type { TargetTokens } from './target-tokens.js';

/** What a target is, as its answers over gRPC show it. */
export interface Capabilities {
  readonly gatewayVersion: string;
  readonly partitions: number;
  readonly brokers: number;
  readonly multiTenancy: boolean;
  /** Whether a call without a bearer token is refused (UNAUTHENTICATED). */
  readonly authRequired: boolean;
  /** RPCs that answered UNIMPLEMENTED to a harmless probe, in catalogue order. */
  readonly unimplemented: readonly RpcName[];
}

/** The target cannot be used: Topology did not answer, or refused the caller; one line naming address and status. */
export class TargetUnreachableError extends Error {
  override readonly name = 'TargetUnreachableError';
}

/** How to probe. */
export interface DetectOptions {
  /** Named in error messages (the client does not know its address). */
  readonly address?: string;
  /** The authorized caller's tenant, for probes that carry one when multi-tenancy is on; default `<default>`. */
  readonly tenantId?: string;
  /** Deadline of each probe; default 5000 ms. */
  readonly deadlineMs?: number;
}

const DEFAULT_DEADLINE_MS = 5000;
/** A streaming probe still open after this long was accepted (and is cancelled). */
const STREAM_OPEN_MS = 1000;

/**
 * Probes the target over gRPC without side effects (see `probes.ts` for why each probe has none): Topology first,
 * as the authorized caller; then, concurrently, Topology without a token, the multi-tenancy probe and one probe
 * per RPC. Throws `TargetUnreachableError` when Topology does not answer OK.
 */
export async function detectCapabilities(client: GatewayClient, tokens: Pick<TargetTokens, 'authorized'>, options: DetectOptions = {}): Promise<Capabilities> {
  const where = options.address === undefined ? 'the target' : `the gateway at ${options.address}`;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const asAuthorized: CallOptions = {
    deadlineMs,
    openAfterMs: STREAM_OPEN_MS,
    ...(tokens.authorized !== undefined && { token: tokens.authorized }),
  };
  const topology = await client.call('Topology', {}, asAuthorized);
  if (topology.status !== 'OK') throw topologyError(where, topology, tokens.authorized !== undefined);
  const [anonymous, tenancy] = await Promise.all([
    tokens.authorized === undefined ? topology : client.call('Topology', {}, { deadlineMs }),
    client.call('ActivateJobs', multiTenancyProbe(), asAuthorized),
  ]);
  const multiTenancy = multiTenancyOf(where, tenancy);
  const tenantId = multiTenancy ? (options.tenantId ?? '<default>') : '';
  const probed = await Promise.all(harmlessProbes(tenantId).map(async ([rpc, request]) => ({ rpc, outcome: await client.call(rpc, request, asAuthorized) })));
  const unimplemented = new Set(probed.filter((p) => p.outcome.status === 'UNIMPLEMENTED').map((p) => p.rpc));
  if (tenancy.status === 'UNIMPLEMENTED') unimplemented.add('ActivateJobs');
  const answer = topology.responses[0] as { gatewayVersion?: string; partitionsCount?: number; brokers?: readonly unknown[] } | undefined;
  return {
    gatewayVersion: answer?.gatewayVersion ?? '',
    partitions: answer?.partitionsCount ?? 0,
    brokers: answer?.brokers?.length ?? 0,
    multiTenancy,
    authRequired: anonymous.status === 'UNAUTHENTICATED',
    unimplemented: RPC_NAMES.filter((rpc) => unimplemented.has(rpc)),
  };
}

/** `STATUS (details)`, on one line. */
function answerOf(outcome: CallOutcome): string {
  const details = outcome.details.replace(/\s+/g, ' ').trim();
  return details === '' ? outcome.status : `${outcome.status} (${details})`;
}

function topologyError(where: string, outcome: CallOutcome, hadToken: boolean): TargetUnreachableError {
  const answer = answerOf(outcome);
  switch (outcome.status) {
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
      return new TargetUnreachableError(`cannot reach ${where}: Topology answered ${answer}`);
    case 'UNAUTHENTICATED':
      return new TargetUnreachableError(
        hadToken
          ? `${where} refused the configured credentials: Topology answered ${answer}`
          : `${where} requires credentials: Topology answered ${answer}; set ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET and ZEEBE_AUTHORIZATION_SERVER_URL, or pass --token`,
      );
    default:
      return new TargetUnreachableError(`${where} is not a usable Zeebe gateway: Topology answered ${answer}`);
  }
}

/** INVALID_ARGUMENT to an empty tenant list: multi-tenancy on; accepted (or no ActivateJobs at all): off. */
function multiTenancyOf(where: string, outcome: CallOutcome): boolean {
  if (outcome.status === 'INVALID_ARGUMENT') return true;
  if (outcome.status === 'OK' || outcome.status === STILL_OPEN || outcome.status === 'UNIMPLEMENTED') return false;
  throw new TargetUnreachableError(`cannot tell whether ${where} has multi-tenancy on: ActivateJobs answered ${answerOf(outcome)}`);
}
