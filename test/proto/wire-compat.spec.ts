// Wire compatibility of proto/gateway.proto with the real 8.6 gateway.proto shipped by @camunda8/sdk.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Root } from 'protobufjs';
import {
  GATEWAY_SERVICE,
  PROTO_PATH,
  createGatewayClientConstructor,
  loadGatewayDefinition,
} from '../../proto/index.js';
import type { Difference, DifferenceKind } from './compare.js';
import { compareGatewayProtos, formatDifferences, loadRoot, methodPath, parseRoot } from './compare.js';

/** The SDK's copy of the real gateway.proto (8.6), found through its package.json. */
const require = createRequire(import.meta.url);
const SDK_PROTO = join(dirname(require.resolve('@camunda8/sdk/package.json')), 'dist', 'proto', 'zeebe.proto');

/** The 21 RPCs with their streaming kinds: [name, requestStream, responseStream]. */
const EXPECTED_METHODS: readonly (readonly [string, boolean, boolean])[] = [
  ['ActivateJobs', false, true], ['StreamActivatedJobs', false, true], ['CancelProcessInstance', false, false],
  ['CompleteJob', false, false], ['CreateProcessInstance', false, false], ['CreateProcessInstanceWithResult', false, false],
  ['EvaluateDecision', false, false], ['DeployProcess', false, false], ['DeployResource', false, false],
  ['FailJob', false, false], ['ThrowError', false, false], ['PublishMessage', false, false],
  ['ResolveIncident', false, false], ['SetVariables', false, false], ['Topology', false, false],
  ['UpdateJobRetries', false, false], ['ModifyProcessInstance', false, false], ['MigrateProcessInstance', false, false],
  ['UpdateJobTimeout', false, false], ['DeleteResource', false, false], ['BroadcastSignal', false, false],
];

const ofKind = (diffs: readonly Difference[], kind: DifferenceKind): Difference[] => diffs.filter((d) => d.kind === kind);
const about = (diffs: readonly Difference[], prefix: string): Difference[] => diffs.filter((d) => d.where.startsWith(prefix));

/** Asserts that no difference of `kind` whose location starts with `prefix` exists, listing them all if any. */
function assertNone(diffs: readonly Difference[], kind: DifferenceKind, prefix: string, what: string): void {
  const found = about(ofKind(diffs, kind), prefix);
  assert.equal(found.length, 0, `${what}:\n${formatDifferences(found)}`);
}

describe('proto/gateway.proto wire compatibility with the SDK gateway.proto (8.6)', () => {
  let ours: Root;
  let reference: Root;
  let diffs: Difference[];

  before(() => {
    ours = loadRoot(PROTO_PATH);
    reference = loadRoot(SDK_PROTO);
    diffs = compareGatewayProtos(ours, reference);
  });

  it('declares the same method paths, request/response types and streaming flags', () => {
    assertNone(diffs, 'missing', 'method ', 'methods of the SDK proto missing from ours');
    assertNone(diffs, 'extra', 'method ', 'methods of ours not in the SDK proto');
    assertNone(diffs, 'mismatch', 'method ', 'methods that differ');
    const paths = ours.lookupService(GATEWAY_SERVICE).methodsArray.map((m) => methodPath(ours.lookupService(GATEWAY_SERVICE), m));
    assert.deepEqual([...paths].sort(), EXPECTED_METHODS.map(([name]) => `/${GATEWAY_SERVICE}/${name}`).sort());
  });

  it('has every field of the SDK proto, in every reachable message', () => {
    assertNone(diffs, 'missing', 'field ', 'fields of the SDK proto missing from ours');
  });

  it('gives shared fields the same number, type, label and oneof', () => {
    assertNone(diffs, 'mismatch', 'field ', 'fields that differ');
  });

  it('has no field the SDK proto lacks', () => {
    assertNone(diffs, 'extra', 'field ', 'fields of ours not in the SDK proto');
  });

  it('declares the same enums with the same values and numbers', () => {
    assertNone(diffs, 'missing', 'enum value ', 'enum values missing from ours');
    assertNone(diffs, 'extra', 'enum value ', 'enum values of ours not in the SDK proto');
    assertNone(diffs, 'mismatch', 'enum value ', 'enum values that differ');
  });

  it('declares the same set of messages and enums', () => {
    assertNone(diffs, 'missing', 'type ', 'types of the SDK proto missing from ours');
    assertNone(diffs, 'extra', 'type ', 'types of ours not in the SDK proto');
  });

  it('reports no difference at all', () => {
    assert.equal(diffs.length, 0, `differences:\n${formatDifferences(diffs)}`);
  });
});

describe('the comparison can fail', () => {
  const source = readFileSync(PROTO_PATH, 'utf8');
  const reference = (): Root => loadRoot(SDK_PROTO);

  /** Replaces exactly one occurrence of `from` in our proto text and compares the result with the SDK proto. */
  function compareMutated(from: string, to: string): Difference[] {
    assert.equal(source.split(from).length, 2, `mutation target must occur exactly once: ${from}`);
    return compareGatewayProtos(parseRoot(source.replace(from, to)), reference());
  }

  it('reports a changed field number', () => {
    const diffs = compareMutated('int32 maxJobsToActivate = 4;', 'int32 maxJobsToActivate = 8;');
    assert.deepEqual(diffs.map((d) => d.message), [
      'mismatch: field gateway_protocol.ActivateJobsRequest.maxJobsToActivate number (ours 8, reference 4)',
    ]);
  });

  it('reports a removed field, a changed type and a lost proto3 optional', () => {
    const removed = compareMutated('  string tenantId = 14;\n', '');
    assert.deepEqual(removed.map((d) => d.message), ['missing: field gateway_protocol.ActivatedJob.tenantId']);
    const retyped = compareMutated('int64 timeToLive = 3;', 'int32 timeToLive = 3;');
    assert.deepEqual(retyped.map((d) => d.where), ['field gateway_protocol.PublishMessageRequest.timeToLive type']);
    const plain = compareMutated('  int64 incidentKey = 1;\n  optional uint64', '  int64 incidentKey = 1;\n  uint64');
    assert.deepEqual(plain.map((d) => d.where).sort(), [
      'field gateway_protocol.ResolveIncidentRequest.operationReference label',
      'field gateway_protocol.ResolveIncidentRequest.operationReference oneof',
    ]);
  });

  it('reports a changed streaming flag and a changed enum number', () => {
    const unary = compareMutated('returns (stream ActivatedJob);', 'returns (ActivatedJob);');
    assert.deepEqual(unary.map((d) => d.message), [
      `mismatch: method /${GATEWAY_SERVICE}/StreamActivatedJobs responseStream (ours false, reference true)`,
    ]);
    const dead = compareMutated('DEAD = 2;', 'DEAD = 3;');
    assert.deepEqual(dead.map((d) => d.where), ['enum value gateway_protocol.Partition.PartitionBrokerHealth.DEAD number']);
  });
});

describe('proto/load.ts', () => {
  it('loads gateway_protocol.Gateway with @grpc/proto-loader: 21 methods, right streaming flags', () => {
    const definition = loadGatewayDefinition();
    const actual = Object.entries(definition)
      .map(([name, m]) => [name, m.requestStream, m.responseStream] as const)
      .sort(([a], [b]) => a.localeCompare(b));
    const expected = [...EXPECTED_METHODS].sort(([a], [b]) => a.localeCompare(b));
    assert.equal(actual.length, 21, `methods: ${actual.map(([n]) => n).join(', ')}`);
    assert.deepEqual(actual, expected);
    for (const [name, m] of Object.entries(definition)) {
      assert.equal(m.path, `/${GATEWAY_SERVICE}/${name}`);
    }
  });

  it('builds a grpc-js client constructor for the same service', () => {
    const Client = createGatewayClientConstructor();
    assert.equal(Client.serviceName, 'Gateway');
    assert.equal(Object.keys(Client.service).length, 21);
    assert.equal(Client.service['ActivateJobs']?.path, `/${GATEWAY_SERVICE}/ActivateJobs`);
    assert.equal(typeof Client.prototype, 'object');
  });

  it('decodes an 8.6 request carrying operationReference with int64 as strings', () => {
    const method = loadGatewayDefinition()['CancelProcessInstance'];
    assert.ok(method !== undefined);
    const request = { processInstanceKey: '2251799813685249', operationReference: '42' };
    const decoded: unknown = method.requestDeserialize(method.requestSerialize(request));
    // oneofs: true also names the set member of the synthetic oneof of a proto3 optional field.
    assert.deepEqual(decoded, { ...request, _operationReference: 'operationReference' });
  });
});
