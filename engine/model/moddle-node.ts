/**
 * Typed reads of moddle trees (bpmn-moddle, dmn-moddle). Moddle elements are plain objects with a `$type`
 * (e.g. `bpmn:ServiceTask`), a `$parent`, attributes (defaults come from the prototype) and child collections.
 */

/** A moddle element, seen only through its `$type`; every other property is read with the helpers below. */
export interface ModdleNode {
  readonly $type: string;
  readonly [property: string]: unknown;
}

/** Whether a value is a moddle element. */
export function isNode(value: unknown): value is ModdleNode {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string attribute, or undefined. */
export function text(node: ModdleNode, property: string): string | undefined {
  const value = node[property];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean attribute (moddle applies the schema default), or undefined. */
export function flag(node: ModdleNode, property: string): boolean | undefined {
  const value = node[property];
  return typeof value === 'boolean' ? value : undefined;
}

/** A single child element or resolved reference, or undefined. */
export function child(node: ModdleNode, property: string): ModdleNode | undefined {
  const value = node[property];
  return isNode(value) ? value : undefined;
}

/** A child collection (empty when absent). */
export function children(node: ModdleNode, property: string): readonly ModdleNode[] {
  const value = node[property];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The element's id, when it has a non-empty one. */
export function idOf(node: ModdleNode): string | undefined {
  const id = text(node, 'id');
  return id === undefined || id === '' ? undefined : id;
}

/** The parent element, when moddle recorded one. */
export function parentOf(node: ModdleNode): ModdleNode | undefined {
  return child(node, '$parent');
}

/** The XML element name for a type without an id (`zeebe:TaskDefinition` → `taskDefinition`). */
function elementName(node: ModdleNode): string {
  if (node.$type === 'bpmn:FormalExpression' || node.$type === 'bpmn:Expression') {
    return 'conditionExpression';
  }
  const local = node.$type.slice(node.$type.indexOf(':') + 1);
  return local.charAt(0).toLowerCase() + local.slice(1);
}

/**
 * How real Zeebe names an element in a validation message: the closest ancestor with an id, then the element
 * names down to the element itself, e.g. `ServiceTask_1 > extensionElements > taskDefinition`.
 */
export function elementPath(node: ModdleNode): string {
  const chain: string[] = [];
  let current: ModdleNode | undefined = node;
  while (current !== undefined) {
    const id = idOf(current);
    chain.unshift(id ?? elementName(current));
    current = id === undefined ? parentOf(current) : undefined;
  }
  return chain.join(' > ');
}
