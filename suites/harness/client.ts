import { credentials as grpcCredentials, Metadata, status, type Client, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { createGatewayClientConstructor } from '../../proto/index.js';
import type { RpcName } from '../../rules/index.js';

/** The trailer in which the reference engine names the rule behind a rejection (other gateways send none). */
export const RULE_TRAILER = 'zeebe-conformance-rule';

/** What one call came back with: the status, its details, the rule trailer if any, and every response message. */
export interface CallOutcome {
  /** The gRPC status name as sent (`OK`, `NOT_FOUND`, ... or `CODE_<n>` for a code gRPC does not define). */
  readonly status: string;
  readonly details: string;
  readonly ruleId: string | undefined;
  readonly responses: readonly unknown[];
}

/** How to reach a target over gRPC. */
export interface TargetConnection {
  readonly address: string;
  readonly credentials?: ChannelCredentials;
  /** Told of every call as it is sent (benchmarks count RPCs with it). */
  readonly onCall?: (rpc: RpcName) => void;
}

/** A gRPC client for the Gateway service that turns every answer, success or failure, into data. */
export interface GatewayClient {
  call(rpc: RpcName, request: object, options?: CallOptions): Promise<CallOutcome>;
  close(): void;
}

/** Per-call options. */
export interface CallOptions {
  readonly token?: string;
  readonly deadlineMs?: number;
  /**
   * Streaming calls only: if no status has come this long after the call, cancel it and report status `OPEN`
   * (a stream that stays open was accepted: gateways refuse a bad stream request at once).
   */
  readonly openAfterMs?: number;
  /** Streaming calls only: once this many messages came, cancel the call and report status `OPEN` with them. */
  readonly untilMessages?: number;
}

/** The status reported for a stream the client closed because it was still open after `openAfterMs`. */
export const STILL_OPEN = 'OPEN';

type UnaryMethod = (req: object, md: Metadata, opts: object, cb: (e: ServiceError | null, r?: unknown) => void) => unknown;
type StreamMethod = (req: object, md: Metadata, opts: object) => NodeJS.EventEmitter;

/** Opens a client; the channel connects lazily on the first call. */
export function createGatewayClient(target: TargetConnection): GatewayClient {
  const Ctor = createGatewayClientConstructor();
  const client = new Ctor(target.address, target.credentials ?? grpcCredentials.createInsecure(), {
    'grpc.max_receive_message_length': -1,
    'grpc.max_send_message_length': -1,
  }) as Client & Record<string, unknown>;
  const streaming = new Set(Object.entries(Ctor.service).filter(([, m]) => m.responseStream).map(([name]) => name));
  return {
    call: (rpc, request, options = {}) => {
      target.onCall?.(rpc);
      const metadata = new Metadata();
      if (options.token !== undefined) metadata.set('authorization', `Bearer ${options.token}`);
      const callOptions = { deadline: Date.now() + (options.deadlineMs ?? 10_000) };
      const method = client[rpc] as UnaryMethod & StreamMethod;
      return streaming.has(rpc)
        ? callStreaming(method.bind(client), request, metadata, callOptions, options)
        : callUnary(method.bind(client), request, metadata, callOptions);
    },
    close: () => client.close(),
  };
}

function callUnary(method: UnaryMethod, request: object, metadata: Metadata, options: object): Promise<CallOutcome> {
  return new Promise((resolve) => {
    method(request, metadata, options, (error, response) => {
      resolve(error ? outcomeOf(error, []) : { status: 'OK', details: '', ruleId: undefined, responses: [response] });
    });
  });
}

function callStreaming(method: StreamMethod, request: object, metadata: Metadata, options: object, watch: CallOptions): Promise<CallOutcome> {
  return new Promise((resolve) => {
    const responses: unknown[] = [];
    const stream = method(request, metadata, options) as NodeJS.EventEmitter & { cancel(): void };
    const closeOpen = (details: string): void => {
      done({ status: STILL_OPEN, details, ruleId: undefined, responses });
      stream.cancel();
    };
    const { openAfterMs, untilMessages } = watch;
    const timer = openAfterMs === undefined ? undefined : setTimeout(() => closeOpen(`still open after ${openAfterMs} ms`), openAfterMs);
    const done = (outcome: CallOutcome): void => {
      clearTimeout(timer);
      resolve(outcome);
    };
    stream.on('data', (message: unknown) => {
      responses.push(message);
      if (untilMessages !== undefined && responses.length >= untilMessages) closeOpen(`closed after ${responses.length} messages`);
    });
    stream.on('error', (error: ServiceError) => done(outcomeOf(error, responses)));
    stream.on('end', () => done({ status: 'OK', details: '', ruleId: undefined, responses }));
  });
}

function outcomeOf(error: ServiceError, responses: readonly unknown[]): CallOutcome {
  const [ruleId] = error.metadata.get(RULE_TRAILER);
  return {
    status: statusName(error.code),
    details: error.details,
    ruleId: typeof ruleId === 'string' ? ruleId : undefined,
    responses,
  };
}

/** The status name of a gRPC code, kept truthful for codes gRPC does not define. */
export function statusName(code: number): string {
  const name: string | undefined = status[code];
  return name ?? `CODE_${code}`;
}
