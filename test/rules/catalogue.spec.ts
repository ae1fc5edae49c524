/** The catalogue's own consistency: ids, expectations, reasons, quotes, purity, and the ids the engine relies on. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  appliesTo,
  catalogue,
  expectationOf,
  PROFILES,
  RPC_NAMES,
  ruleById,
  rulesFor,
  type Rule,
  type StatusName,
} from '../../rules/index.js';

const SINGLE_TENANT_IDS = [
  'DeployResource/tenant/mt-on-blank', 'DeployResource/tenant/mt-on-too-long', 'DeployResource/tenant/mt-on-illegal-chars',
  'DeployResource/tenant/mt-on-unauthorized', 'DeployResource/tenant/mt-off-not-default',
  'PublishMessage/tenant/mt-on-blank', 'PublishMessage/tenant/mt-on-too-long', 'PublishMessage/tenant/mt-on-illegal-chars',
  'PublishMessage/tenant/mt-on-unauthorized', 'PublishMessage/tenant/mt-off-not-default',
  'CreateProcessInstance/tenant/mt-on-blank', 'CreateProcessInstance/tenant/mt-on-too-long',
  'CreateProcessInstance/tenant/mt-on-illegal-chars', 'CreateProcessInstance/tenant/mt-on-unauthorized',
  'CreateProcessInstance/tenant/mt-off-not-default',
  'CreateProcessInstanceWithResult/tenant/mt-on-blank', 'CreateProcessInstanceWithResult/tenant/mt-on-too-long',
  'CreateProcessInstanceWithResult/tenant/mt-on-illegal-chars', 'CreateProcessInstanceWithResult/tenant/mt-on-unauthorized',
  'CreateProcessInstanceWithResult/tenant/mt-off-not-default',
  'EvaluateDecision/tenant/mt-on-blank', 'EvaluateDecision/tenant/mt-on-too-long', 'EvaluateDecision/tenant/mt-on-illegal-chars',
  'EvaluateDecision/tenant/mt-on-unauthorized', 'EvaluateDecision/tenant/mt-off-not-default',
  'BroadcastSignal/tenant/mt-on-blank', 'BroadcastSignal/tenant/mt-on-too-long', 'BroadcastSignal/tenant/mt-on-illegal-chars',
  'BroadcastSignal/tenant/mt-on-unauthorized', 'BroadcastSignal/tenant/mt-off-not-default',
];

const TENANT_LIST_IDS = [
  'ActivateJobs/tenant/mt-on-empty-list', 'ActivateJobs/tenant/mt-on-blank-id', 'ActivateJobs/tenant/mt-on-too-long',
  'ActivateJobs/tenant/mt-on-illegal-chars', 'ActivateJobs/tenant/mt-on-unauthorized', 'ActivateJobs/tenant/mt-off-not-default',
  'StreamActivatedJobs/tenant/mt-on-empty-list', 'StreamActivatedJobs/tenant/mt-on-blank-id',
  'StreamActivatedJobs/tenant/mt-on-too-long', 'StreamActivatedJobs/tenant/mt-on-illegal-chars',
  'StreamActivatedJobs/tenant/mt-on-unauthorized', 'StreamActivatedJobs/tenant/mt-off-not-default',
];

const REQUEST_IDS = [
  'ActivateJobs/INVALID_ARGUMENT/type-empty', 'ActivateJobs/INVALID_ARGUMENT/type-whitespace',
  'ActivateJobs/INVALID_ARGUMENT/worker-blank', 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1',
  'ActivateJobs/INVALID_ARGUMENT/max-jobs-below-1',
  'StreamActivatedJobs/INVALID_ARGUMENT/type-empty', 'StreamActivatedJobs/INVALID_ARGUMENT/type-whitespace',
  'StreamActivatedJobs/INVALID_ARGUMENT/timeout-below-1',
  'DeployResource/INVALID_ARGUMENT/no-resources',
  'EvaluateDecision/INVALID_ARGUMENT/both-id-and-key', 'EvaluateDecision/INVALID_ARGUMENT/neither-id-nor-key',
  'UpdateJobRetries/INVALID_ARGUMENT/retries-below-1',
  'ModifyProcessInstance/INVALID_ARGUMENT/variable-instruction-not-json',
  'ModifyProcessInstance/INVALID_ARGUMENT/variable-instruction-not-object',
  'ModifyProcessInstance/INVALID_ARGUMENT/variable-instruction-integer-overflow',
];

const VARIABLES_IDS = [
  'CreateProcessInstance/INVALID_ARGUMENT/variables-not-json', 'CreateProcessInstance/INVALID_ARGUMENT/variables-not-object',
  'CreateProcessInstance/INVALID_ARGUMENT/variables-integer-overflow',
  'CreateProcessInstanceWithResult/INVALID_ARGUMENT/variables-not-json',
  'CreateProcessInstanceWithResult/INVALID_ARGUMENT/variables-not-object',
  'CreateProcessInstanceWithResult/INVALID_ARGUMENT/variables-integer-overflow',
  'SetVariables/INVALID_ARGUMENT/variables-not-json', 'SetVariables/INVALID_ARGUMENT/variables-not-object',
  'SetVariables/INVALID_ARGUMENT/variables-integer-overflow',
  'PublishMessage/INVALID_ARGUMENT/variables-not-json', 'PublishMessage/INVALID_ARGUMENT/variables-not-object',
  'PublishMessage/INVALID_ARGUMENT/variables-integer-overflow',
  'BroadcastSignal/INVALID_ARGUMENT/variables-not-json', 'BroadcastSignal/INVALID_ARGUMENT/variables-not-object',
  'BroadcastSignal/INVALID_ARGUMENT/variables-integer-overflow',
  'CompleteJob/INVALID_ARGUMENT/variables-not-json', 'CompleteJob/INVALID_ARGUMENT/variables-not-object',
  'CompleteJob/INVALID_ARGUMENT/variables-integer-overflow',
  'FailJob/INVALID_ARGUMENT/variables-not-json', 'FailJob/INVALID_ARGUMENT/variables-not-object',
  'FailJob/INVALID_ARGUMENT/variables-integer-overflow',
  'ThrowError/INVALID_ARGUMENT/variables-not-json', 'ThrowError/INVALID_ARGUMENT/variables-not-object',
  'ThrowError/INVALID_ARGUMENT/variables-integer-overflow',
  'EvaluateDecision/INVALID_ARGUMENT/variables-not-json', 'EvaluateDecision/INVALID_ARGUMENT/variables-not-object',
  'EvaluateDecision/INVALID_ARGUMENT/variables-integer-overflow',
];

const GATEWAY_IDS = [
  'Gateway/UNAUTHENTICATED/missing-token', 'Gateway/UNAUTHENTICATED/invalid-token',
  'Gateway/RESOURCE_EXHAUSTED/message-too-large', 'Gateway/tenant/mt-on-no-identity',
  'Gateway/NOT_FOUND/key-partition-unknown',
];

const ENGINE_LAYER_IDS = [
  'FailJob/FAILED_PRECONDITION/not-activated',
  'CancelProcessInstance/FAILED_PRECONDITION/child-instance',
  'CompleteJob/FAILED_PRECONDITION/error-thrown',
  'CancelProcessInstance/NOT_FOUND/other-tenant', 'CompleteJob/NOT_FOUND/other-tenant', 'FailJob/NOT_FOUND/other-tenant',
  'ModifyProcessInstance/NOT_FOUND/other-tenant', 'MigrateProcessInstance/NOT_FOUND/other-tenant',
  'ResolveIncident/NOT_FOUND/other-tenant', 'SetVariables/NOT_FOUND/other-tenant', 'ThrowError/NOT_FOUND/other-tenant',
  'UpdateJobRetries/NOT_FOUND/other-tenant', 'UpdateJobTimeout/NOT_FOUND/other-tenant',
  'DeleteResource/NOT_FOUND/other-tenant',
];

/** The ids the engine names in code: a hand list on purpose, so that a rename breaks this test. */
const ENGINE_IDS: readonly string[] = [
  ...SINGLE_TENANT_IDS,
  ...TENANT_LIST_IDS,
  ...REQUEST_IDS,
  ...VARIABLES_IDS,
  ...GATEWAY_IDS,
  ...ENGINE_LAYER_IDS,
];

const STATUS_NAMES: readonly StatusName[] = [
  'OK', 'INVALID_ARGUMENT', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'FAILED_PRECONDITION',
  'UNAUTHENTICATED', 'RESOURCE_EXHAUSTED', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'UNIMPLEMENTED', 'INTERNAL',
];
const ID_PATTERN = new RegExp(`^(Gateway|${RPC_NAMES.join('|')})/(tenant|[A-Z_]+)/[a-z0-9-]+$`);
const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));

/** The ids of the rules for which `bad` returns a complaint, with the complaint. */
function offenders(bad: (rule: Rule) => string | undefined): string[] {
  return catalogue.flatMap((rule) => {
    const complaint = bad(rule);
    return complaint === undefined ? [] : [`${rule.id}: ${complaint}`];
  });
}

function segmentOf(rule: Rule): string {
  return rule.id.split('/')[1] ?? '';
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function specifiersOf(source: string): string[] {
  const patterns = [/\b(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(?\s*['"]([^'"]+)['"]/g];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

describe('rules catalogue', () => {
  it('has unique ids', () => {
    const seen = new Set<string>();
    const duplicates = catalogue.map((r) => r.id).filter((id) => seen.has(id) || !seen.add(id));
    assert.deepEqual(duplicates, [], `duplicate ids:\n${duplicates.join('\n')}`);
  });

  it('has well-formed ids whose first segment is the rule\'s rpc', () => {
    const bad = offenders((r) =>
      !ID_PATTERN.test(r.id) ? 'malformed' : r.id.split('/')[0] !== r.rpc ? `rpc is ${r.rpc}` : undefined,
    );
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('names a real status in the status segment, equal to the documented one unless a reason explains', () => {
    const bad = offenders((r) => {
      const segment = segmentOf(r);
      if (segment === 'tenant') return undefined;
      if (!STATUS_NAMES.includes(segment as StatusName)) return `unknown status segment ${segment}`;
      const documented = r.expect.documented;
      return segment !== documented.status && documented.reason === undefined
        ? `segment ${segment} but documented ${documented.status}, no reason`
        : undefined;
    });
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('gives a reason wherever the profiles differ, on the deviating (zeebe-8.5) side', () => {
    const bad = offenders((r) =>
      r.expect.documented.status !== r.expect['zeebe-8.5'].status && r.expect['zeebe-8.5'].reason === undefined
        ? `documented ${r.expect.documented.status}, zeebe-8.5 ${r.expect['zeebe-8.5'].status}, no reason`
        : undefined,
    );
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('quotes the page in every page rule, and explains every documented expectation the page does not state', () => {
    const bad = offenders((r) => {
      if (r.source === 'page' && r.quotes.length === 0) return 'source page, no quotes';
      if (r.source === 'real-gateway' && r.expect.documented.reason === undefined) return 'page silent, no documented reason';
      const heading = r.quotes.find((q) => q.heading !== `GRPC_STATUS_${r.expect.documented.status}`);
      if (heading !== undefined && r.expect.documented.reason === undefined) return `quotes ${heading.heading}, no reason`;
      const across = r.quotes.find((q) => q.section !== r.rpc);
      return across !== undefined && (r.expect.documented.reason === undefined || r.note === undefined)
        ? `quotes section ${across.section} without reason and note`
        : undefined;
    });
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('never expects a status named INVALID_STATE for GRPC_STATUS_INVALID_STATE quotes', () => {
    const quoting = catalogue.filter((r) => r.quotes.some((q) => q.heading === 'GRPC_STATUS_INVALID_STATE'));
    assert.ok(quoting.length > 0, 'no rule quotes GRPC_STATUS_INVALID_STATE');
    const bad = quoting.flatMap((r) =>
      PROFILES.filter((p) => (r.expect[p].status as string) === 'INVALID_STATE' || !STATUS_NAMES.includes(r.expect[p].status))
        .map((p) => `${r.id}: ${p} expects ${r.expect[p].status}`),
    );
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('matches multiTenancy to the id and to the Gateway scope', () => {
    const bad = offenders((r) => {
      const name = r.id.split('/')[2] ?? '';
      const wanted = name.startsWith('mt-on-') || name === 'other-tenant' ? 'on' : name.startsWith('mt-off-') ? 'off' : undefined;
      if (wanted !== undefined && r.multiTenancy !== wanted) return `multiTenancy ${r.multiTenancy}, id says ${wanted}`;
      return r.rpc === 'Gateway' && r.source !== 'real-gateway' ? 'Gateway rules come from the real gateway' : undefined;
    });
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('lists rules in a stable order: Gateway first, then RPC_NAMES order', () => {
    const rank = (r: Rule): number => (r.rpc === 'Gateway' ? -1 : RPC_NAMES.indexOf(r.rpc));
    const bad = catalogue.slice(1).flatMap((r, i) => (rank(r) < rank(catalogue[i]!) ? [`${r.id} after ${catalogue[i]!.id}`] : []));
    assert.deepEqual(bad, [], bad.join('\n'));
  });

  it('imports nothing outside rules/ (relative .js specifiers only)', () => {
    const bad = tsFiles(rulesDir).flatMap((file) =>
      specifiersOf(readFileSync(file, 'utf8'))
        .filter((spec) => {
          const inside = !relative(rulesDir, resolve(dirname(file), spec)).startsWith(`..${sep}`);
          return !/^\.\.?\//.test(spec) || !spec.endsWith('.js') || !inside;
        })
        .map((spec) => `${relative(rulesDir, file)}: ${spec}`),
    );
    assert.deepEqual(bad, [], `imports leaving rules/:\n${bad.join('\n')}`);
  });

  it('has every id the engine depends on', () => {
    const missing = ENGINE_IDS.filter((id) => ruleById(id) === undefined);
    assert.deepEqual(missing, [], `ids the engine uses but the catalogue lacks:\n${missing.join('\n')}`);
  });

  it('answers lookups: ruleById, rulesFor, expectationOf, appliesTo', () => {
    const rule = ruleById('StreamActivatedJobs/tenant/mt-on-unauthorized');
    assert.ok(rule);
    assert.equal(rule.source, 'real-gateway');
    assert.equal(expectationOf(rule, 'documented').status, 'PERMISSION_DENIED');
    assert.equal(ruleById('No/such/rule'), undefined);
    assert.ok(rulesFor('Gateway').every((r) => r.rpc === 'Gateway'));
    assert.deepEqual(rulesFor('Topology'), []);
    assert.equal(appliesTo(rule, { multiTenancy: true }), true);
    assert.equal(appliesTo(rule, { multiTenancy: false }), false);
    const any = ruleById('Gateway/UNAUTHENTICATED/missing-token')!;
    assert.equal(appliesTo(any, { multiTenancy: false }), true);
    assert.equal(expectationOf(ruleById('UpdateJobTimeout/FAILED_PRECONDITION/job-not-active')!, 'zeebe-8.5').status, 'FAILED_PRECONDITION');
  });
});
