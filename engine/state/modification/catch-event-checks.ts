/**
 * The catch events (boundary events) of an active element a migration maps: each must keep its event type and stay
 * attached to the element's target, and no catch event may be the target of two mappings. The documented
 * behaviour (8.6) moves them; real Zeebe 8.5 maps none ("not possible yet"), the same status for another reason,
 * so its refusal names the rule whose condition holds. The checks hold for every event type; which boundary event
 * types migrate at all is the boundary checks' business (migration-checks.ts).
 */
import type { FlowNode } from '../../model/index.js';
import type { Rejection } from '../machine.js';
import type { ElementInstance } from '../types.js';
import { refusal, type Migration } from './migration-checks.js';

const start = (m: Migration): string => `Expected to migrate process instance '${m.pi.key}' but`;

/** The mapped boundary events of an element: source node, target id and target node. */
function mappedBoundaries(m: Migration, elementId: string): { source: FlowNode; targetId: string; target: FlowNode | undefined }[] {
  return [...m.pi.definition.process.elements.values()]
    .filter((n) => n.kind === 'boundaryEvent' && n.attachedTo === elementId && m.mapping.has(n.id))
    .map((source) => {
      const targetId = m.mapping.get(source.id) ?? '';
      return { source, targetId, target: m.target.process.elements.get(targetId) };
    });
}

/** The first rule a mapped boundary event breaks, with the documented reason. */
function brokenRule(m: Migration, element: ElementInstance, one: ReturnType<typeof mappedBoundaries>[number]): { rule: string; reason: string } | undefined {
  const { source, targetId, target } = one;
  const elementTarget = m.mapping.get(element.elementId) ?? '';
  if ([...m.mapping.values()].filter((id) => id === targetId).length > 1) {
    return { rule: 'catch-event-mapped-twice', reason: `${start(m)} multiple mapping instructions refer to the same catch event with id '${targetId}'. A catch event can only be mapped once.` };
  }
  if (target?.kind !== 'boundaryEvent' || target.eventKind !== source.eventKind) {
    return { rule: 'event-type-changed', reason: `${start(m)} catch event with id '${source.id}' and event type '${(source.eventKind ?? 'none').toUpperCase()}' is mapped to a catch event with id '${targetId}' and different event type '${(target?.eventKind ?? 'none').toUpperCase()}'. Catch events must be mapped to catch events of the same event type.` };
  }
  if (target.attachedTo !== elementTarget) {
    return { rule: 'boundary-event-detached', reason: `${start(m)} boundary event with id '${source.id}' attached to active element with id '${element.elementId}' is mapped to boundary event with id '${targetId}' attached to element with id '${target.attachedTo ?? ''}' instead of '${elementTarget}'. A boundary event cannot be detached from its element.` };
  }
  return undefined;
}

/** Checks the mapped catch events of an active element (and, in real Zeebe 8.5, that there are none). */
export function checkCatchEvents(m: Migration, element: ElementInstance): Rejection | undefined {
  for (const one of mappedBoundaries(m, element.elementId)) {
    const broken = brokenRule(m, element, one);
    if (!m.catchEvents) {
      return refusal('INVALID_STATE', broken?.rule ?? 'unsupported-scenario',
        `${start(m)} active element with id '${element.elementId}' is subscribed to mapped catch event with id '${one.source.id}'. Migrating active elements with mapped catch events is not possible yet.`);
    }
    if (broken) return refusal('INVALID_STATE', broken.rule, broken.reason);
  }
  return undefined;
}
