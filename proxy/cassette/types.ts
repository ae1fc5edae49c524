/** Metadata as it crossed the wire: lower-case names, every value (binary `-bin` values stay base64). */
export type CassetteMetadata = Readonly<Record<string, readonly string[]>>;

/** One gRPC message: decoded proto-JSON (64-bit integers as strings, bytes as base64), or the raw frame. */
export type Payload = { readonly message: unknown } | { readonly raw: string; readonly compressed?: boolean };

/** The first line of a cassette. */
export interface CassetteHeader {
  readonly cassette: 'zeebe-conformance';
  readonly version: number;
  /** `sha256:<hex>` of the gateway.proto the messages were decoded with. */
  readonly proto: string;
  readonly target: string;
  /** ISO time of the first line; every event's `at` is milliseconds after it. */
  readonly startedAt: string;
}

/** Who ended a call: the target's trailers, the client (cancel or reset), or the proxy (target unreachable). */
export type EndedBy = 'target' | 'client' | 'proxy';

/** A call opened: method path, whether its messages are decoded (`proto`) or kept raw, request metadata. */
export interface CallEvent {
  readonly e: 'call';
  readonly id: number;
  readonly at: number;
  readonly method: string;
  readonly codec: 'proto' | 'raw';
  readonly metadata: CassetteMetadata;
}

/** A message the client sent. */
export interface RequestEvent {
  readonly e: 'request';
  readonly id: number;
  readonly at: number;
  readonly payload: Payload;
}

/** The target's response headers (absent for a trailers-only answer). */
export interface HeadersEvent {
  readonly e: 'headers';
  readonly id: number;
  readonly at: number;
  readonly metadata: CassetteMetadata;
}

/** A message the target sent. */
export interface ResponseEvent {
  readonly e: 'response';
  readonly id: number;
  readonly at: number;
  readonly payload: Payload;
}

/** The call's end: numeric gRPC status, decoded details, trailers other than grpc-status and grpc-message. */
export interface EndEvent {
  readonly e: 'end';
  readonly id: number;
  readonly at: number;
  readonly status: number;
  readonly details: string;
  readonly trailers: CassetteMetadata;
  readonly by: EndedBy;
}

/** Every line after the header is one event, written when it happens. */
export type CassetteEvent = CallEvent | RequestEvent | HeadersEvent | ResponseEvent | EndEvent;

/** A message with its offset from the cassette start. */
export interface TimedPayload {
  readonly at: number;
  readonly payload: Payload;
}

/** A call reassembled from its events. `end` is undefined for a call still in flight when recording stopped. */
export interface RecordedCall {
  readonly id: number;
  /** Line of the call's first event, for error messages. */
  readonly line: number;
  readonly method: string;
  readonly codec: 'proto' | 'raw';
  readonly at: number;
  readonly metadata: CassetteMetadata;
  readonly requests: readonly TimedPayload[];
  readonly headers: { readonly at: number; readonly metadata: CassetteMetadata } | undefined;
  readonly responses: readonly TimedPayload[];
  readonly end: Omit<EndEvent, 'e' | 'id'> | undefined;
}

/** A cassette as read: header and calls in the order they started. */
export interface Cassette {
  readonly path: string;
  readonly header: CassetteHeader;
  readonly calls: readonly RecordedCall[];
}
