import { Client, credentials, type ChannelCredentials } from '@grpc/grpc-js';
import type { Cassette, RecordedCall } from '../cassette/types.js';
import { gatewayMethods, type MethodTable } from '../codec.js';
import type { TargetOptions } from '../upstream.js';
import { describeDifferences, differences, type Difference } from './diff.js';
import { createKeyMap, replacedKeys, type KeyMap } from './keys.js';
import { liveMetadata, liveRequest, recordedTimeout, sendLive, type LiveOutcome } from './live-call.js';
import { DEFAULT_NOISE, responseComparison } from './noise.js';
import { RESULTS_VERSION, type CallResult, type ReplayRunResults } from '../../reports/index.js';
import { dependenciesOf, progressBoard, type ProgressBoard } from './schedule.js';

/** Options of `replay verify`. */
export interface VerifyOptions {
  readonly target: TargetOptions;
  /** Response fields not compared, in addition to DEFAULT_NOISE. */
  readonly noise: readonly string[];
  /** Metadata sent with every call (e.g. authorization, since the cassette's is redacted). */
  readonly metadata: Readonly<Record<string, string>>;
  /** How long a call waits for the earlier calls it depends on before it goes anyway. */
  readonly waitMs: number;
  /** The kit's name and version, for the results. */
  readonly kit: ReplayRunResults['kit'];
}

/** The target did not answer a connection attempt: a usage error, not a regression. */
export class ReplayTargetError extends Error {
  override readonly name = 'ReplayTargetError';
}

interface Context {
  readonly client: Client;
  readonly methods: MethodTable;
  readonly keys: KeyMap;
  readonly board: ProgressBoard;
  readonly options: VerifyOptions;
  readonly compare: (path: string, recorded: unknown, live: unknown) => boolean;
}

/**
 * Re-sends the recorded calls to a live gateway, each when the calls it depended on while recording have come as
 * far live (ordered, yet long polls stay concurrent), with recorded keys replaced by the live keys learned from
 * earlier responses; compares status codes and responses field by field (noise and keys normalized).
 */
export async function verifyCassette(cassette: Cassette, options: VerifyOptions): Promise<ReplayRunResults> {
  const started = new Date();
  const client = new Client(`${options.target.host}:${options.target.port}`, channelCredentials(options.target));
  try {
    await connected(client, `${options.target.host}:${options.target.port}`);
    const keys = createKeyMap();
    const noise = [...DEFAULT_NOISE, ...options.noise];
    const context: Context = { client, methods: gatewayMethods(), keys, board: progressBoard(), options, compare: responseComparison(noise, keys) };
    const calls = await Promise.all(cassette.calls.map((call, i) => verifyCall(call, cassette.calls.slice(0, i), context)));
    const { header } = cassette;
    return {
      version: RESULTS_VERSION,
      kind: 'replay',
      kit: options.kit,
      target: { description: `${options.target.host}:${options.target.port}` },
      cassette: { path: cassette.path, proto: header.proto, recordedTarget: header.target, recordedAt: header.startedAt },
      startedAt: started.toISOString(),
      durationMs: Date.now() - started.getTime(),
      noise,
      calls,
      keys: Object.fromEntries(keys.entries()),
    };
  } finally {
    client.close();
  }
}

function channelCredentials(target: TargetOptions): ChannelCredentials {
  return target.tls ? credentials.createSsl(target.tls.ca ?? null) : credentials.createInsecure();
}

function connected(client: Client, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.waitForReady(Date.now() + 5000, (error) => {
      if (error) reject(new ReplayTargetError(`target ${address} unreachable: ${error.message}`));
      else resolve();
    });
  });
}

/** Why a recorded call cannot be replayed, or undefined when it can. */
function skipReason(call: RecordedCall): string | undefined {
  if (call.end === undefined) return 'still in flight when recording stopped';
  if (call.end.by === 'client') return 'cancelled by the client while recording (its outcome depends on timing)';
  if (call.end.by === 'proxy') return 'ended by the proxy while recording (target unreachable, or the proxy stopped)';
  if (call.requests.length !== 1) return `${call.requests.length} request messages (only calls with one request are replayed)`;
  return undefined;
}

async function verifyCall(call: RecordedCall, earlier: readonly RecordedCall[], context: Context): Promise<CallResult> {
  const recorded = { status: call.end?.status ?? -1, messages: call.responses.length };
  const base = { id: call.id, line: call.line, method: call.method, rpc: call.method.slice(call.method.lastIndexOf('/') + 1), recorded };
  const reason = skipReason(call);
  if (reason !== undefined || call.end === undefined) {
    context.board.update(call.id, { done: true });
    return { ...base, verdict: 'skipped', reason: reason ?? '', differences: [], keysMapped: {} };
  }
  await Promise.all(dependenciesOf(call, earlier).map((d) => context.board.reached(d.id, d.messages, d.done, context.options.waitMs)));
  const codec = context.methods.get(call.method);
  let keysMapped: Record<string, string> = {};
  const request = liveRequest(call.requests[0]?.payload ?? { raw: '' }, codec, (message) => {
    const sent = context.keys.mapRequest(message);
    keysMapped = replacedKeys(message, sent);
    return sent;
  });
  const metadata = liveMetadata(call.metadata, context.options.metadata);
  const sentAt = Date.now();
  const live = await sendLive(context.client, call.method, request, metadata, recordedTimeout(call.metadata), (messages) => context.board.update(call.id, { messages }));
  const found = compareOutcome(call, live, context);
  context.board.update(call.id, { done: true });
  const summary = { status: live.status, details: live.details, messages: live.messages.length, durationMs: Date.now() - sentAt };
  if (found.length === 0) return { ...base, verdict: 'matched', live: summary, differences: [], keysMapped };
  return { ...base, verdict: 'mismatched', reason: describeDifferences(found, 3), live: summary, differences: found, keysMapped };
}

/** Status code first (never the details text), then message count, then each message field by field. */
function compareOutcome(call: RecordedCall, live: LiveOutcome, context: Context): Difference[] {
  const status = call.end?.status ?? -1;
  if (status !== live.status) return [{ path: 'status', recorded: status, live: live.status }];
  const recorded = call.responses.map((r) => ('message' in r.payload ? r.payload.message : r.payload.raw));
  if (recorded.length !== live.messages.length) return [{ path: 'messages', recorded: recorded.length, live: live.messages.length }];
  return recorded.flatMap((message, i) => differences(message, live.messages[i], context.compare, `[${i}]`));
}
