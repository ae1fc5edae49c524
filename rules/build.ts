/** Small constructors for catalogue entries: data in, data out. */
import type {
  Expectation,
  Layer,
  MultiTenancyMode,
  Profile,
  Quote,
  Rule,
  RpcName,
  RuleScope,
  StatusName,
} from './types.js';

/** Per-profile expectations. */
export type Expectations = Readonly<Record<Profile, Expectation>>;

/** One expectation, with a reason only when one is given (exactOptionalPropertyTypes). */
export function exp(status: StatusName, reason?: string): Expectation {
  return reason === undefined ? { status } : { status, reason };
}

/** The same status in both profiles; `reason` (if any) goes on both. */
export function both(status: StatusName, reason?: string): Expectations {
  return { documented: exp(status, reason), 'zeebe-8.5': exp(status, reason) };
}

/** The page's status as documented, and a real gateway that deviates for `reason`. */
export function deviates(documented: Expectation, real: StatusName, reason: string): Expectations {
  return { documented, 'zeebe-8.5': exp(real, reason) };
}

/** The page heading for a status name, e.g. `GRPC_STATUS_NOT_FOUND`. */
export function headingOf(status: StatusName | 'INVALID_STATE'): string {
  return `GRPC_STATUS_${status}`;
}

/** A quote of one bullet (or `[parent, sub]`) under `section` / `heading`. */
export function quote(section: RpcName, heading: string, bullets: readonly string[]): Quote {
  return { section, heading, bullets };
}

/** What a page-sourced rule needs; everything else has a default. */
export interface PageRuleInput {
  readonly rpc: RpcName;
  /** The id's status segment, and the status both profiles expect unless `expect` says otherwise. */
  readonly status: StatusName;
  /** The id's last segment (kebab case). */
  readonly name: string;
  readonly condition: string;
  /** The bullet path on the page: `[bullet]` or `[parent, sub-bullet]`. */
  readonly bullets: readonly string[];
  /** Default: `GRPC_STATUS_<status>`. */
  readonly heading?: string;
  /** Default: `rpc`. */
  readonly section?: RpcName;
  /** Default: `engine`. */
  readonly layer?: Layer;
  /** Default: `any`. */
  readonly multiTenancy?: MultiTenancyMode;
  /** Default: `both(status)`. */
  readonly expect?: Expectations;
  readonly note?: string;
}

/** A rule for one page bullet. */
export function pageRule(input: PageRuleInput): Rule {
  const section = input.section ?? input.rpc;
  const heading = input.heading ?? headingOf(input.status);
  return withNote(
    {
      id: `${input.rpc}/${input.status}/${input.name}`,
      rpc: input.rpc,
      condition: input.condition,
      source: 'page',
      quotes: [quote(section, heading, input.bullets)],
      multiTenancy: input.multiTenancy ?? 'any',
      layer: input.layer ?? 'engine',
      expect: input.expect ?? both(input.status),
    },
    input.note,
  );
}

/** What a real-gateway rule (no bullet on the page) needs. */
export interface RealRuleInput {
  readonly rpc: RuleScope;
  /** The id's middle segment: a status name, or `tenant`. */
  readonly segment: StatusName | 'tenant';
  readonly name: string;
  readonly condition: string;
  readonly layer: Layer;
  readonly expect: Expectations;
  /** Default: `any`. */
  readonly multiTenancy?: MultiTenancyMode;
  readonly note?: string;
}

/** A rule the page does not state: a fact of the real gateway (spec/real-gateway.md). */
export function realRule(input: RealRuleInput): Rule {
  return withNote(
    {
      id: `${input.rpc}/${input.segment}/${input.name}`,
      rpc: input.rpc,
      condition: input.condition,
      source: 'real-gateway',
      quotes: [],
      multiTenancy: input.multiTenancy ?? 'any',
      layer: input.layer,
      expect: input.expect,
    },
    input.note,
  );
}

/** `rule` with `note` set when there is one. */
export function withNote(rule: Rule, note: string | undefined): Rule {
  return note === undefined ? rule : { ...rule, note };
}

/** `<Rpc>/NOT_FOUND/other-tenant`: the "for the tenants the user is authorized to work with" bullet. */
export function otherTenantRule(rpc: RpcName, field: string, entity: string, bullet: string): Rule {
  return pageRule({
    rpc,
    status: 'NOT_FOUND',
    name: 'other-tenant',
    multiTenancy: 'on',
    condition:
      `MT on; \`${field}\` is the key of an existing ${entity} owned by a tenant the caller is not authorized for ` +
      `(the caller is authorized for at least one other tenant). The answer must not tell it apart from a missing ${entity}.`,
    bullets: [bullet],
  });
}

/** A page rule read across from another section: the reading becomes a documented reason and a note. */
export function readAcross(rule: Rule, reading: string): Rule {
  if (rule.source !== 'page') return rule;
  const documented = rule.expect.documented;
  const reason = documented.reason === undefined ? reading : `${documented.reason}; ${reading}`;
  const note = rule.note === undefined ? `${capitalize(reading)}.` : `${rule.note} ${capitalize(reading)}.`;
  return { ...rule, expect: { ...rule.expect, documented: exp(documented.status, reason) }, note };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
