/** The shape of the rules catalogue: plain data, shared by the engine, the suites and the reports. */

/** The RPCs of `gateway_protocol.Gateway`, as named on the page (plus the deprecated DeployProcess). */
export const RPC_NAMES = [
  'ActivateJobs',
  'BroadcastSignal',
  'CancelProcessInstance',
  'CompleteJob',
  'CreateProcessInstance',
  'CreateProcessInstanceWithResult',
  'DeleteResource',
  'DeployProcess',
  'DeployResource',
  'EvaluateDecision',
  'FailJob',
  'MigrateProcessInstance',
  'ModifyProcessInstance',
  'PublishMessage',
  'ResolveIncident',
  'SetVariables',
  'StreamActivatedJobs',
  'ThrowError',
  'Topology',
  'UpdateJobRetries',
  'UpdateJobTimeout',
] as const;
export type RpcName = (typeof RPC_NAMES)[number];

/** What a rule is about: one RPC, or `Gateway` for rules every RPC shares (identity, message size, key routing). */
export type RuleScope = RpcName | 'Gateway';

/** Profiles: what the page says, or what the real Zeebe 8.5 gateway does (spec/real-gateway.md). */
export const PROFILES = ['documented', 'zeebe-8.5'] as const;
export type Profile = (typeof PROFILES)[number];

/** gRPC status names a rule can expect. `OK` means "accepted": the condition is not an error in that profile. */
export type StatusName =
  | 'OK'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'FAILED_PRECONDITION'
  | 'UNAUTHENTICATED'
  | 'RESOURCE_EXHAUSTED'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'UNIMPLEMENTED'
  | 'INTERNAL';

/** Which multi-tenancy setting a rule applies under. */
export type MultiTenancyMode = 'on' | 'off' | 'any';

/**
 * Who enforces a rule in the reference engine: `gateway` checks need only the request and the caller;
 * `engine` checks need state (deployed processes, jobs, ...).
 */
export type Layer = 'gateway' | 'engine';

/** Where a rule comes from: a bullet of the page, or a fact of the real gateway the page does not state. */
export type RuleSource = 'page' | 'real-gateway';

/** An exact quote from spec/gateway-service.md: the RPC section, the status heading and the bullet path. */
export interface Quote {
  /** The `## \`Rpc\` RPC` section the bullet is under. */
  readonly section: RpcName;
  /** The status heading, e.g. `GRPC_STATUS_NOT_FOUND`. */
  readonly heading: string;
  /** The bullet text, outermost first: one line for a plain bullet, two for a sub-bullet. */
  readonly bullets: readonly string[];
}

/** What a profile expects when the rule's condition holds. */
export interface Expectation {
  readonly status: StatusName;
  /** Why this differs from the page, or how the page was read. Required wherever there is a choice. */
  readonly reason?: string;
}

/** One documented (or real-gateway) error condition. */
export interface Rule {
  /** Stable hierarchical id: `<Rpc>/<STATUS or tenant>/<condition>`. */
  readonly id: string;
  readonly rpc: RuleScope;
  /** The condition in plain words, precise enough to generate a violating request. */
  readonly condition: string;
  readonly source: RuleSource;
  /** The page's words; empty only for rules whose source is `real-gateway`. */
  readonly quotes: readonly Quote[];
  readonly multiTenancy: MultiTenancyMode;
  readonly layer: Layer;
  readonly expect: Readonly<Record<Profile, Expectation>>;
  /** A contradiction or ambiguity in the page, and the choice the catalogue made. */
  readonly note?: string;
}
