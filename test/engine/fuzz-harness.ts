import { Client, credentials, Metadata, status, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import { GATEWAY_SERVICE, loadGatewayDefinition } from '../../proto/index.js';

/** How long the engine has to answer one fuzz call; it answers in milliseconds, so missing this is a hang. */
export const FUZZ_DEADLINE_MS = 5000;

/** What one raw call ended with: the status the client saw, how many messages came first, and whether it hung. */
export interface FuzzOutcome {
  readonly code: number;
  readonly details: string;
  readonly messages: number;
  readonly elapsedMs: number;
  /** True when the call only ended by its own deadline (or not at all): the server never answered. */
  readonly hung: boolean;
  /** An unhandled rejection raised while the call ran: it ends a standalone engine process. */
  readonly crash?: string;
}

/** One method of the service, addressed by path, with the serializer its request goes through. */
export interface FuzzMethod<T> {
  readonly name: string;
  readonly path: string;
  readonly responseStream: boolean;
  readonly serialize: (request: T) => Buffer;
}

const identity = (bytes: Buffer): Buffer => bytes;

/** How the engine words an INTERNAL status for an exception its handler did not expect. */
const UNEXPECTED = 'Unexpected error: ';

/** A defined gRPC status code: 0 (OK) to 16 (UNAUTHENTICATED). */
export function isValidStatus(code: unknown): boolean {
  return Number.isInteger(code) && (code as number) >= 0 && (code as number) <= 16;
}

/** Every method of `gateway_protocol.Gateway`, taking raw bytes (identity serializer). */
export function rawMethods(): FuzzMethod<Buffer>[] {
  return Object.entries(loadGatewayDefinition()).map(([name, m]) => ({
    name,
    path: `/${GATEWAY_SERVICE}/${name}`,
    responseStream: m.responseStream,
    serialize: identity,
  }));
}

/** The same methods, encoding plain objects with grpc-js's own serializer from the proto definition. */
export function encodingMethods(): FuzzMethod<object>[] {
  return Object.entries(loadGatewayDefinition()).map(([name, m]) => ({
    name,
    path: m.path,
    responseStream: m.responseStream,
    serialize: (request: object) => (m.requestSerialize as (r: object) => Buffer)(request),
  }));
}

/**
 * Calls a method and settles on the call's final status. A client-side DEADLINE_EXCEEDED, or no status a
 * second after the deadline (the call is then cancelled), counts as a hang. Streams are read to the end.
 */
export function invoke<T>(client: Client, method: FuzzMethod<T>, request: T, options: { metadata?: Metadata; deadlineMs?: number } = {}): Promise<FuzzOutcome> {
  const deadlineMs = options.deadlineMs ?? FUZZ_DEADLINE_MS;
  const metadata = options.metadata ?? new Metadata();
  const started = Date.now();
  return new Promise((resolve) => {
    let messages = 0;
    let settled = false;
    const handle: { call?: { cancel(): void } } = {};
    const timer = setTimeout(() => {
      settle({ code: status.DEADLINE_EXCEEDED, details: `no status ${deadlineMs + 1000} ms after the call` }, true);
      handle.call?.cancel();
    }, deadlineMs + 1000);
    const settle = (s: Pick<StatusObject, 'code' | 'details'>, watchdog: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const elapsedMs = Date.now() - started;
      const hung = watchdog || (s.code === status.DEADLINE_EXCEEDED && elapsedMs >= deadlineMs - 20);
      resolve({ code: s.code, details: s.details, messages, elapsedMs, hung });
    };
    const callOptions = { deadline: started + deadlineMs };
    const opened = method.responseStream
      ? client.makeServerStreamRequest(method.path, method.serialize, identity, request, metadata, callOptions)
      : client.makeUnaryRequest(method.path, method.serialize, identity, request, metadata, callOptions, (_e: ServiceError | null, r?: Buffer) => {
          if (r !== undefined) messages += 1;
        });
    handle.call = opened;
    opened.on('data', () => (messages += 1));
    opened.on('error', () => undefined);
    opened.on('status', (s: StatusObject) => settle(s, false));
  });
}

/**
 * RPCs for which staying open is a correct answer: a parked ActivateJobs long poll (a positive requestTimeout) and
 * a StreamActivatedJobs stream, which never ends by itself. For them the deadline is not a hang; that the engine
 * still answers afterwards is checked separately.
 */
const MAY_STAY_OPEN = new Set(['ActivateJobs', 'StreamActivatedJobs']);
/** How long such a call is watched for a refusal, which gateways send at once. */
const OPEN_WATCH_MS = 300;

/** Throws unless the call ended, in time, with a defined gRPC status (or legitimately stayed open). */
export function assertAnswered(outcome: FuzzOutcome, what: string): void {
  if (outcome.hung && MAY_STAY_OPEN.has(what.split(' ')[0] ?? '') && outcome.crash === undefined) return;
  if (outcome.crash !== undefined) throw new Error(`${what}: the engine left a promise rejection unhandled, which ends its process: ${outcome.crash}`);
  const details = outcome.details.length > 300 ? `${outcome.details.slice(0, 300)}... (${outcome.details.length} chars)` : outcome.details;
  if (outcome.hung) throw new Error(`${what}: no answer within ${outcome.elapsedMs} ms (${details})`);
  if (!isValidStatus(outcome.code)) throw new Error(`${what}: undefined gRPC status ${outcome.code} (${details})`);
  // The engine's catch-all (engine/transport/server.ts): a valid status, but the handler threw.
  if (status[outcome.code] === 'INTERNAL' && outcome.details.startsWith(UNEXPECTED)) throw new Error(`${what}: the engine threw while handling it (${details})`);
}

/**
 * Records unhandled promise rejections. Mocha swallows them, but a standalone engine (Node's default
 * `--unhandled-rejections=throw`) dies of one, so each counts as a crash.
 */
export class CrashWatch {
  readonly reasons: string[] = [];
  readonly #seen = new Set<unknown>();
  readonly #listener = (reason: unknown): void => {
    if (this.#seen.has(reason)) return; // mocha re-emits what it traps
    this.#seen.add(reason);
    this.reasons.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
  };

  start(): void {
    process.on('unhandledRejection', this.#listener);
  }

  stop(): void {
    process.off('unhandledRejection', this.#listener);
  }
}

/** A generic client of its own connection, renewed after a hang so one stuck connection does not spread. */
export class FuzzChannel {
  #client: Client;

  /** `tally` counts the calls per status seen (or `HUNG`), for the run's summary. */
  constructor(
    private readonly address: string,
    private readonly tally: Map<string, number>,
    private readonly crashes: CrashWatch,
  ) {
    this.#client = FuzzChannel.open(address);
  }

  private static open(address: string): Client {
    return new Client(address, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
  }

  async call<T>(method: FuzzMethod<T>, request: T, metadata?: Metadata): Promise<FuzzOutcome> {
    const known = this.crashes.reasons.length;
    // A long poll or stream that was accepted stays open: watch it briefly, not for the full deadline.
    const deadlineMs = MAY_STAY_OPEN.has(method.name) ? OPEN_WATCH_MS : FUZZ_DEADLINE_MS;
    const answer = await invoke(this.#client, method, request, { deadlineMs, ...(metadata !== undefined && { metadata }) });
    const crash = this.crashes.reasons[known];
    const outcome = crash === undefined ? answer : { ...answer, crash };
    const key = crash !== undefined ? 'CRASH' : outcome.hung ? 'HUNG' : (status[outcome.code] ?? `CODE_${outcome.code}`);
    this.tally.set(key, (this.tally.get(key) ?? 0) + 1);
    if (outcome.hung || crash !== undefined) {
      this.#client.close();
      this.#client = FuzzChannel.open(this.address);
    }
    return outcome;
  }

  close(): void {
    this.#client.close();
  }
}
