/**
 * Wire-compatibility comparison of two protobufjs roots describing the Zeebe gateway service.
 *
 * `compareGatewayProtos(ours, reference)` returns every difference that matters on the wire, each as a
 * `Difference` whose `message` names the exact element and both values, so a failing assertion explains itself.
 */
import protobuf from 'protobufjs';
import type { Enum, Field, Method, NamespaceBase, ReflectionObject, Root, Service, Type } from 'protobufjs';

/** missing: in the reference, not in ours; extra: in ours, not in the reference; mismatch: in both, different. */
export type DifferenceKind = 'missing' | 'extra' | 'mismatch';

/** One wire-relevant difference between our proto and the reference proto. */
export interface Difference {
  readonly kind: DifferenceKind;
  /** What differs, e.g. `field gateway_protocol.ActivateJobsRequest.maxJobsToActivate number`. */
  readonly where: string;
  readonly message: string;
}

/** Fully qualified service name compared by default. */
export const SERVICE_NAME = 'gateway_protocol.Gateway';

const strip = (fullName: string): string => fullName.replace(/^\./, '');

/** Loads a .proto file into a fresh, fully resolved protobufjs root (field names kept as written). */
export function loadRoot(path: string): Root {
  const root = new protobuf.Root().loadSync(path, { keepCase: true });
  root.resolveAll();
  return root;
}

/** Parses .proto source text into a fully resolved protobufjs root (field names kept as written). */
export function parseRoot(source: string): Root {
  const { root } = protobuf.parse(source, { keepCase: true });
  root.resolveAll();
  return root;
}

/** Collects differences; `add` records one, `same` records a mismatch when two values differ. */
class Collector {
  readonly differences: Difference[] = [];

  add(kind: DifferenceKind, where: string, detail: string): void {
    this.differences.push({ kind, where, message: `${kind}: ${where}${detail === '' ? '' : ` (${detail})`}` });
  }

  same(where: string, ours: unknown, reference: unknown): void {
    if (ours !== reference) this.add('mismatch', where, `ours ${String(ours)}, reference ${String(reference)}`);
  }
}

/** Calls `both` for names present on both sides and reports the others as missing or extra. */
function pairByName<T>(
  out: Collector,
  label: string,
  ours: ReadonlyMap<string, T>,
  reference: ReadonlyMap<string, T>,
  both: (name: string, a: T, b: T) => void,
): void {
  for (const [name, b] of reference) {
    const a = ours.get(name);
    if (a === undefined) out.add('missing', `${label}${name}`, '');
    else both(name, a, b);
  }
  for (const name of ours.keys()) {
    if (!reference.has(name)) out.add('extra', `${label}${name}`, '');
  }
}

/** The method path a gRPC client calls, e.g. `/gateway_protocol.Gateway/ActivateJobs`. */
export function methodPath(service: Service, method: Method): string {
  return `/${strip(service.fullName)}/${method.name}`;
}

function methodsByPath(service: Service): Map<string, Method> {
  return new Map(service.methodsArray.map((m) => [methodPath(service, m), m]));
}

/** The wire label of a field: repeated, proto3 `optional` (explicit presence), or singular. */
export function fieldLabel(field: Field): string {
  if (field.repeated) return field.packed ? 'repeated packed' : 'repeated';
  if (field.options?.['proto3_optional'] === true) return 'optional';
  return field.required ? 'required' : 'singular';
}

/** The type of a field: a scalar name, or the fully qualified message/enum name; map fields include the key. */
export function fieldType(field: Field): string {
  const valueType = field.resolvedType === null ? field.type : strip(field.resolvedType.fullName);
  return field instanceof protobuf.MapField ? `map<${field.keyType}, ${valueType}>` : valueType;
}

/** Messages and enums declared directly inside a namespace (a package or a message). */
function nestedTypes(ns: NamespaceBase): Map<string, Type | Enum> {
  const types = new Map<string, Type | Enum>();
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Type || child instanceof protobuf.Enum) types.set(child.name, child);
  }
  return types;
}

/** Walks messages reachable from the service on both sides at once, comparing each pair once. */
class TypeWalker {
  private readonly seen = new Set<string>();

  constructor(private readonly out: Collector) {}

  visit(ours: ReflectionObject | null, reference: ReflectionObject | null): void {
    if (ours === null || reference === null) return;
    const name = strip(reference.fullName);
    if (this.seen.has(name)) return;
    this.seen.add(name);
    if (ours instanceof protobuf.Enum && reference instanceof protobuf.Enum) this.compareEnums(name, ours, reference);
    else if (ours instanceof protobuf.Type && reference instanceof protobuf.Type) this.compareTypes(name, ours, reference);
    else this.out.add('mismatch', `type ${name}`, `ours ${ours.constructor.name}, reference ${reference.constructor.name}`);
  }

  private compareEnums(name: string, ours: Enum, reference: Enum): void {
    pairByName(this.out, `enum value ${name}.`, new Map(Object.entries(ours.values)), new Map(Object.entries(reference.values)),
      (value, a, b) => { this.out.same(`enum value ${name}.${value} number`, a, b); });
  }

  private compareTypes(name: string, ours: Type, reference: Type): void {
    pairByName(this.out, `field ${name}.`, new Map(Object.entries(ours.fields)), new Map(Object.entries(reference.fields)),
      (field, a, b) => { this.compareField(`field ${name}.${field}`, a, b); });
    // Nested types missing on one side are reported once, by allTypeNames; here only pairs are walked.
    const ourNested = nestedTypes(ours);
    for (const [nested, b] of nestedTypes(reference)) this.visit(ourNested.get(nested) ?? null, b);
  }

  private compareField(where: string, ours: Field, reference: Field): void {
    this.out.same(`${where} number`, ours.id, reference.id);
    this.out.same(`${where} type`, fieldType(ours), fieldType(reference));
    this.out.same(`${where} label`, fieldLabel(ours), fieldLabel(reference));
    this.out.same(`${where} oneof`, ours.partOf?.name ?? 'none', reference.partOf?.name ?? 'none');
    this.visit(ours.resolvedType, reference.resolvedType);
  }
}

/** Compares method paths, request/response types and streaming flags; returns the method pairs found in both. */
function compareMethods(out: Collector, ours: Service, reference: Service): [Method, Method][] {
  const pairs: [Method, Method][] = [];
  pairByName(out, 'method ', methodsByPath(ours), methodsByPath(reference), (path, a, b) => {
    out.same(`method ${path} request type`, strip(a.resolvedRequestType?.fullName ?? a.requestType), strip(b.resolvedRequestType?.fullName ?? b.requestType));
    out.same(`method ${path} response type`, strip(a.resolvedResponseType?.fullName ?? a.responseType), strip(b.resolvedResponseType?.fullName ?? b.responseType));
    out.same(`method ${path} requestStream`, a.requestStream === true, b.requestStream === true);
    out.same(`method ${path} responseStream`, a.responseStream === true, b.responseStream === true);
    pairs.push([a, b]);
  });
  return pairs;
}

/** Every message and enum of a root, by fully qualified name (nested ones included). */
export function allTypeNames(root: Root): Map<string, true> {
  const names = new Map<string, true>();
  const walk = (ns: NamespaceBase): void => {
    for (const child of ns.nestedArray) {
      if (child instanceof protobuf.Type || child instanceof protobuf.Enum) names.set(strip(child.fullName), true);
      if (child instanceof protobuf.Namespace || child instanceof protobuf.Type) walk(child);
    }
  };
  walk(root);
  return names;
}

/** Returns all wire-relevant differences between `ours` and `reference` for the given service. */
export function compareGatewayProtos(ours: Root, reference: Root, serviceName = SERVICE_NAME): Difference[] {
  const out = new Collector();
  const ourService = ours.lookupService(serviceName);
  const refService = reference.lookupService(serviceName);
  const walker = new TypeWalker(out);
  for (const [a, b] of compareMethods(out, ourService, refService)) {
    walker.visit(a.resolvedRequestType, b.resolvedRequestType);
    walker.visit(a.resolvedResponseType, b.resolvedResponseType);
  }
  pairByName(out, 'type ', allTypeNames(ours), allTypeNames(reference), () => undefined);
  return out.differences;
}

/** Formats differences one per line, for assertion messages. */
export function formatDifferences(differences: readonly Difference[]): string {
  return differences.length === 0 ? '(none)' : differences.map((d) => `  - ${d.message}`).join('\n');
}
