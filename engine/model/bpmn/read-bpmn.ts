/**
 * Reads BPMN XML with bpmn-moddle and the zeebe-bpmn-moddle descriptor. Broken XML, unknown BPMN elements,
 * text where only elements may be, duplicate ids and a root other than `bpmn:definitions` are fatal (real Zeebe
 * rejects them when it validates against the BPMN schema); unresolved references are not, because only the
 * semantic ones matter and the validators report those (diagram references may dangle, as in real Zeebe).
 */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

import { err, ok, type Result } from '../../result.js';
import { isNode, type ModdleNode } from '../moddle-node.js';
import { describeWarning, messageOf } from '../moddle-warning.js';

/** The raw id an element referenced through a property (e.g. `bpmn:targetRef`), resolved or not. */
export type ReferenceIndex = (element: ModdleNode, property: string) => string | undefined;

/** A parsed BPMN document. */
export interface BpmnDocument {
  readonly definitions: ModdleNode;
  readonly references: ReferenceIndex;
}

const zeebeDescriptor: unknown = createRequire(import.meta.url)('zeebe-bpmn-moddle/resources/zeebe.json');

function indexReferences(references: readonly unknown[]): ReferenceIndex {
  const index = new Map<ModdleNode, Map<string, string>>();
  for (const reference of references) {
    const { element, property, id } = reference as { element?: unknown; property?: unknown; id?: unknown };
    if (isNode(element) && typeof property === 'string' && typeof id === 'string') {
      const byProperty = index.get(element) ?? new Map<string, string>();
      byProperty.set(property, id);
      index.set(element, byProperty);
    }
  }
  return (element, property) => index.get(element)?.get(property);
}

/** Parses BPMN XML; the error is the reason, without the resource name. */
export async function readBpmn(xml: string): Promise<Result<BpmnDocument, string>> {
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  let parsed;
  try {
    parsed = await moddle.fromXML(xml.replace(/^\uFEFF/, ''), 'bpmn:Definitions');
  } catch (error: unknown) {
    const warnings = (error as { warnings?: unknown } | null)?.warnings;
    const first = Array.isArray(warnings) && warnings.length > 0 ? `: ${describeWarning(messageOf(warnings[0]))}` : '';
    return err(`${describeWarning(messageOf(error))}${first}`);
  }
  const fatal = parsed.warnings.map(messageOf).find((message) => !message.startsWith('unresolved reference'));
  if (fatal !== undefined) {
    return err(describeWarning(fatal));
  }
  const root = parsed.rootElement;
  if (!isNode(root) || root.$type !== 'bpmn:Definitions') {
    return err(`expected the root element to be <bpmn:definitions>, but found ${isNode(root) ? root.$type : 'none'}`);
  }
  return ok({ definitions: root, references: indexReferences(parsed.references) });
}
