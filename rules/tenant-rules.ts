/** Builders for the tenant families: the same checks on every RPC that carries `tenantId` or `tenantIds`. */
import { both, exp, headingOf, quote, withNote, type Expectations } from './build.js';
import { TENANT_BULLETS as T } from './page-text.js';
import type { Expectation, MultiTenancyMode, Quote, Rule, RpcName, StatusName } from './types.js';

/** The status the page gives the invalid-tenant bullets, and what the real gateway answers instead (if it differs). */
export interface TenantStatuses {
  readonly documented: StatusName;
  readonly real?: { readonly status: StatusName; readonly reason: string };
  /** A note for the rules that carry these statuses (e.g. why the page's status is odd). */
  readonly note?: string;
}

/** BroadcastSignal and PublishMessage: the page files tenant errors under NOT_FOUND; the real gateway does not. */
export const NOT_FOUND_ON_THE_PAGE: TenantStatuses = {
  documented: 'NOT_FOUND',
  real: {
    status: 'INVALID_ARGUMENT',
    reason: 'the real gateway runs the same tenant check as every other RPC: INVALID_ARGUMENT, not NOT_FOUND',
  },
  note:
    'The page files these tenant bullets under NOT_FOUND for this RPC only (every other RPC: INVALID_ARGUMENT); ' +
    'documented follows the page.',
};

/** Where the page states the tenant bullets for an RPC, and the field that carries the tenant. */
export interface TenantQuotes {
  readonly section: RpcName;
  /** The heading the invalid-tenant bullets are under. */
  readonly heading: string;
  /** Request field path, e.g. `tenantId` or `request.tenantId`. */
  readonly field: string;
}

const ID_CHARS = 'ASCII letters, digits, `_`, `.`, `-`';
const MT_OFF_READING =
  'reading: the bullet literally rejects every non-blank value, `<default>` included; read as any value other than ' +
  'empty, whitespace-only or `<default>`';
const LIST_READING =
  'reading: a list holding any id other than `<default>`; an empty list and `[<default>]` are accepted';
const NOTE_BLANK = 'The page says blank is "empty string, null"; whitespace-only ids are read as blank too (the real gateway does).';
const NOTE_CHARS =
  '"alphanumeric" is read as ASCII letters and digits (the real gateway checks `^[\\w.-]{1,31}$` with ASCII `\\w`); ' +
  '`<default>` is exempt from the character mask.';
const NOTE_LENGTH = 'The real gateway checks length before characters: a long id with bad characters gets the length error.';

function joinReasons(...reasons: readonly (string | undefined)[]): string | undefined {
  const present = reasons.filter((r): r is string => r !== undefined);
  return present.length === 0 ? undefined : present.join('; ');
}

/** `reading` is how the page was read: a documented reason only (the real gateway is the fact the reading matches). */
function invalidExpect(statuses: TenantStatuses, reading?: string): Expectations {
  const real: Expectation = statuses.real
    ? exp(statuses.real.status, statuses.real.reason)
    : exp(statuses.documented);
  return { documented: exp(statuses.documented, reading), 'zeebe-8.5': real };
}

interface Entry {
  readonly name: string;
  readonly mode: MultiTenancyMode;
  readonly condition: string;
  readonly quotes: readonly Quote[];
  readonly expect: Expectations;
  readonly note?: string;
}

function toRule(rpc: RpcName, e: Entry, extraNote?: string): Rule {
  const rule: Rule = {
    id: `${rpc}/tenant/${e.name}`,
    rpc,
    condition: `${e.condition} Every other field valid.`,
    source: 'page',
    quotes: e.quotes,
    multiTenancy: e.mode,
    layer: 'gateway',
    expect: e.expect,
  };
  return withNote(rule, joinReasons(e.note, extraNote));
}

function unauthorizedEntry(q: TenantQuotes, what: string): Entry {
  return {
    name: 'mt-on-unauthorized',
    mode: 'on',
    condition:
      `MT on; the caller's authorized tenants are known; ${what} a well-formed id (or \`<default>\`) that is not ` +
      'among them.',
    quotes: [quote(q.section, headingOf('PERMISSION_DENIED'), [T.mtOnUnauthorized])],
    expect: both('PERMISSION_DENIED'),
  };
}

function idEntries(q: TenantQuotes, statuses: TenantStatuses, what: string): readonly Entry[] {
  const sub = (bullet: string): Quote => quote(q.section, q.heading, [T.mtOnInvalid, bullet]);
  const expect = invalidExpect(statuses);
  return [
    {
      name: 'mt-on-too-long',
      mode: 'on',
      condition: `MT on; ${what} an id of 32 or more characters, all of them ${ID_CHARS}.`,
      quotes: [sub(T.idTooLong)],
      expect,
      note: NOTE_LENGTH,
    },
    {
      name: 'mt-on-illegal-chars',
      mode: 'on',
      condition:
        `MT on; ${what} an id of 1 to 31 characters, not whitespace-only and not \`<default>\`, with at least one ` +
        `character outside ${ID_CHARS} (e.g. \`acme!\`, \`a b\`, \`tenant/1\`).`,
      quotes: [sub(T.idIllegalChars)],
      expect,
      note: NOTE_CHARS,
    },
  ];
}

/** The five tenant rules of an RPC with a single `tenantId` (DeployResource, PublishMessage, ...). */
export function singleTenantRules(rpc: RpcName, statuses: TenantStatuses, q: TenantQuotes): readonly Rule[] {
  const what = `\`${q.field}\` is`;
  const invalid = invalidExpect(statuses);
  const entries: readonly Entry[] = [
    {
      name: 'mt-on-blank',
      mode: 'on',
      condition: `MT on; \`${q.field}\` is omitted, empty or whitespace-only.`,
      quotes: [quote(q.section, q.heading, [T.mtOnBlank]), quote(q.section, q.heading, [T.mtOnInvalid, T.idBlank])],
      expect: invalid,
      note: NOTE_BLANK,
    },
    ...idEntries(q, statuses, what),
    unauthorizedEntry(q, what),
    {
      name: 'mt-off-not-default',
      mode: 'off',
      condition:
        `MT off; \`${q.field}\` is any value other than empty, whitespace-only or \`<default>\` ` +
        '(e.g. `acme`, `default`, `<DEFAULT>`). Empty, blank and `<default>` are accepted and become `<default>`.',
      quotes: [quote(q.section, q.heading, [T.mtOffSingle])],
      expect: invalidExpect(statuses, MT_OFF_READING),
    },
  ];
  return entries.map((e) => toRule(rpc, e, e.name === 'mt-on-unauthorized' ? undefined : statuses.note));
}

/** Whether the page lists PERMISSION_DENIED for a list RPC; when it does not, the rule is a real-gateway fact. */
export interface TenantListOptions {
  readonly pageListsPermissionDenied: boolean;
}

function unauthorizedListRule(rpc: RpcName, q: TenantQuotes, opts: TenantListOptions): Rule {
  const what = `\`${q.field}\` holds`;
  const entry = unauthorizedEntry(q, what);
  if (opts.pageListsPermissionDenied) return toRule(rpc, entry);
  return {
    ...toRule(rpc, { ...entry, quotes: [] }),
    source: 'real-gateway',
    expect: { documented: exp('PERMISSION_DENIED', 'page is silent; read as ActivateJobs'), 'zeebe-8.5': exp('PERMISSION_DENIED') },
  };
}

/** The six tenant rules of an RPC with a `tenantIds` list (ActivateJobs, StreamActivatedJobs). */
export function tenantListRules(rpc: RpcName, q: TenantQuotes, opts: TenantListOptions): readonly Rule[] {
  const statuses: TenantStatuses = { documented: 'INVALID_ARGUMENT' };
  const what = `\`${q.field}\` holds`;
  const entries: readonly Entry[] = [
    {
      name: 'mt-on-empty-list',
      mode: 'on',
      condition: `MT on; \`${q.field}\` is the empty list.`,
      quotes: [quote(q.section, q.heading, [T.mtOnEmptyList])],
      expect: both('INVALID_ARGUMENT'),
    },
    {
      name: 'mt-on-blank-id',
      mode: 'on',
      condition: `MT on; ${what} an empty or whitespace-only id (the other ids, if any, valid and authorized).`,
      quotes: [quote(q.section, q.heading, [T.mtOnInvalid, T.idBlank])],
      expect: both('INVALID_ARGUMENT'),
      note: NOTE_BLANK,
    },
    ...idEntries(q, statuses, what),
  ];
  const offEntry: Entry = {
    name: 'mt-off-not-default',
    mode: 'off',
    condition:
      `MT off; \`${q.field}\` holds at least one id other than \`<default>\` (e.g. \`[acme]\`, \`[<default>, acme]\`, ` +
      '`[""]`). An empty list (becomes `[<default>]`) and `[<default>]` are accepted.',
    quotes: [quote(q.section, q.heading, [T.mtOffList])],
    expect: invalidExpect(statuses, LIST_READING),
    note:
      'Read literally, "is not empty (empty list)" would reject any non-empty list, `[<default>]` included, and its ' +
      'parenthesis names the empty list it should accept. Read as: any id other than `<default>` is rejected; an ' +
      'empty list and `[<default>]` are accepted (the real gateway turns an empty list into `[<default>]`).',
  };
  return [
    ...entries.map((e) => toRule(rpc, e)),
    unauthorizedListRule(rpc, q, opts),
    toRule(rpc, offEntry),
  ];
}
