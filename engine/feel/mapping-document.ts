import { isPlainObject } from './plain-object.js';

/**
 * The variables being built by a list of mappings (Zeebe's MappingResultBuilder): a level built by dotted targets,
 * a value written whole, or a poisoned level (an output target nested under an existing non-object value).
 */
type Node =
  | { readonly kind: 'level'; readonly children: Level }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'poison' };

type Level = Map<string, Node>;

/** The existing value at a target-path prefix that an output mapping merges into; undefined when there is none. */
export type MergeSource = (path: readonly string[]) => unknown;

/** A mutable document, local to one applyXMappings call. */
export interface MappingDocument {
  readonly root: Level;
  /** Output mappings merge nested targets with existing values; input mappings (undefined) never do. */
  readonly mergeSource: MergeSource | undefined;
}

/** An empty document; pass `mergeSource` for output mappings. */
export function createDocument(mergeSource: MergeSource | undefined): MappingDocument {
  return { root: new Map(), mergeSource };
}

/** Writes `value` at the target path 'a.b.c'; a value under a poisoned level is discarded, as in Zeebe. */
export function putValue(document: MappingDocument, target: string, value: unknown): void {
  const path = target.split('.');
  const last = path.length - 1;
  let level: Level | undefined = document.root;
  for (let depth = 0; depth < last && level !== undefined; depth += 1) {
    level = levelAt(document, level, path.slice(0, depth + 1));
  }
  level?.set(path[last] ?? target, { kind: 'value', value });
}

/** The document as plain JSON: poisoned levels are null. */
export function materialize(level: Level): Record<string, unknown> {
  return Object.fromEntries([...level].map(([key, node]) => [key, nodeValue(node)]));
}

/** The value at a path of plain objects, or undefined. */
export function valueAtPath(variables: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let current: unknown = variables;
  for (const key of path) {
    if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * The level at `prefix`, created when absent or holding a value written whole (last wins). An output level is
 * seeded with the existing object's entries; an existing non-object value poisons it.
 */
function levelAt(document: MappingDocument, parent: Level, prefix: readonly string[]): Level | undefined {
  const key = prefix[prefix.length - 1] ?? '';
  const node = parent.get(key);
  if (node?.kind === 'level') return node.children;
  if (node?.kind === 'poison') return undefined;
  const created = seededNode(document.mergeSource?.(prefix));
  parent.set(key, created);
  return created.kind === 'level' ? created.children : undefined;
}

function seededNode(existing: unknown): Node {
  if (existing === undefined || existing === null) return { kind: 'level', children: new Map() };
  if (!isPlainObject(existing)) return { kind: 'poison' };
  const children: Level = new Map(Object.entries(existing).map(([key, value]) => [key, { kind: 'value', value }]));
  return { kind: 'level', children };
}

function nodeValue(node: Node): unknown {
  if (node.kind === 'level') return materialize(node.children);
  return node.kind === 'value' ? node.value : null;
}
