/**
 * The checks of a modification before anything changes, in real Zeebe's order (its
 * `ProcessInstanceModificationModifyProcessor`): activated elements exist and can be activated, terminated element
 * instances are active, variable scopes exist and are flow scopes of the activated element, selected ancestors are
 * active ancestors of it. Reasons are real Zeebe's.
 */
import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import type { Rejection } from '../machine.js';
import type { ProcessInstance } from '../types.js';
import { elementTypeOf, flowScopeChain, lookUp, lookupTypeOf } from './element-types.js';
import { selectedAncestor, type ModifyRequest } from './modify-request.js';

type Check = (ctx: MachineContext, pi: ProcessInstance, request: ModifyRequest) => Rejection | undefined;

/** A rejection of the modification; `rule` names the catalogue rule, where there is one. */
export function invalid(rule: string | undefined, reason: string): Rejection {
  return { type: 'INVALID_ARGUMENT', intent: 'MODIFY', reason, ...(rule !== undefined && { ruleId: `ModifyProcessInstance/INVALID_ARGUMENT/${rule}` }) };
}

const prefix = (pi: ProcessInstance): string => `Expected to modify instance of process '${pi.definition.bpmnProcessId}' but it contains one or more`;
const quoted = (ids: Iterable<string>): string => [...new Set(ids)].join("', '");

/** Flow node kinds real Zeebe refuses to activate (sequence flows and the process itself cannot be activated either). */
const UNSUPPORTED_KINDS: ReadonlySet<string> = new Set(['startEvent', 'boundaryEvent']);

const elementsExist: Check = (_ctx, pi, request) => {
  const unknown = request.activateInstructions.map((a) => a.elementId).filter((id) => lookUp(pi.definition, id).found === 'nothing');
  return unknown.length === 0 ? undefined : invalid('activate-unknown-element', `${prefix(pi)} activate instructions with an element that could not be found: '${quoted(unknown)}'`);
};

/** Events after an event-based gateway wait for it; kinds compared as strings, as the gateway kind comes with event support. */
const AFTER_EVENT_GATEWAY: ReadonlySet<string> = new Set(['eventBasedGateway']);

const notAfterEventGateway: Check = (_ctx, pi, request) => {
  const { elements, flows } = pi.definition.process;
  const bound = request.activateInstructions.map((a) => a.elementId).filter((id) =>
    (elements.get(id)?.incoming ?? []).some((flowId) => AFTER_EVENT_GATEWAY.has(elements.get(flows.get(flowId)?.sourceRef ?? '')?.kind ?? '')));
  return bound.length === 0 ? undefined
    : invalid(undefined, `${prefix(pi)} activate instructions for elements that are unsupported: '${quoted(bound)}'. The activation of events belonging to an event-based gateway is not supported.`);
};

const elementsSupported: Check = (_ctx, pi, request) => {
  const lookups = request.activateInstructions.map((a) => ({ id: a.elementId, lookup: lookUp(pi.definition, a.elementId) }));
  const unsupported = lookups.filter(({ lookup }) => lookup.found !== 'node' || UNSUPPORTED_KINDS.has(lookup.node.kind));
  if (unsupported.length === 0) return undefined;
  const types = quoted(unsupported.map(({ lookup }) => lookupTypeOf(lookup)));
  const supported = [...new Set([...pi.definition.process.elements.values()].filter((n) => !UNSUPPORTED_KINDS.has(n.kind)).map((n) => elementTypeOf(n)))].join(', ');
  return invalid(undefined, `${prefix(pi)} activate instructions for elements that are unsupported: '${quoted(unsupported.map((u) => u.id))}'. The activation of elements with type '${types}' is not supported. Supported element types are: [${supported}].`);
};

/** Terminated keys must name active element instances of this process instance. */
const terminatedInstancesActive: Check = (ctx, pi, request) => {
  const gone = request.terminateInstructions.map((t) => t.elementInstanceKey).filter((key) => ctx.state.elements.get(key)?.processInstanceKey !== pi.key);
  const [first] = gone;
  if (first === undefined) return undefined;
  const rule = ctx.keys.issued(first) && !ctx.state.elements.has(first) ? 'terminate-inactive-element' : 'terminate-unknown-element';
  return invalid(rule, `${prefix(pi)} terminate instructions with an element instance that could not be found: '${quoted(gone)}'`);
};

const variableScopesExist: Check = (_ctx, pi, request) => {
  const scopes = request.activateInstructions.flatMap((a) => a.variableInstructions.map((v) => v.scopeId));
  const unknown = scopes.filter((id) => id !== '' && lookUp(pi.definition, id).found === 'nothing');
  return unknown.length === 0 ? undefined : invalid('variable-unknown-scope', `${prefix(pi)} variable instructions with a scope element id that could not be found: '${quoted(unknown)}'`);
};

/** A variable scope must be the activated element, one of its flow scopes, or the process. */
const variableScopesAreFlowScopes: Check = (_ctx, pi, request) => {
  const outside = request.activateInstructions.some((a) => {
    const allowed = allowedScopes(pi, a.elementId);
    return a.variableInstructions.some((v) => v.scopeId !== '' && !allowed.has(v.scopeId));
  });
  return outside
    ? invalid('variable-scope-outside-flow-scope', `${prefix(pi)} variable instructions with a scope element that doesn't belong to the activating element's flow scope. These variables should be set before or after the modification.`)
    : undefined;
};

function allowedScopes(pi: ProcessInstance, elementId: string): Set<string> {
  const node = pi.definition.process.elements.get(elementId);
  const chain = node ? flowScopeChain(pi.definition, node).map((n) => n.id) : [];
  return new Set([elementId, pi.definition.bpmnProcessId, ...chain]);
}

/** A selected ancestor must be an active element instance of this process instance, above the activated element. */
const ancestorsValid: Check = (ctx, pi, request) => {
  const selections = request.activateInstructions.flatMap((a) => {
    const key = selectedAncestor(a);
    return key === undefined ? [] : [{ key, elementId: a.elementId, ancestor: ctx.state.elements.get(key) }];
  });
  const missing = selections.filter((s) => !s.ancestor).map((s) => s.key);
  if (missing.length > 0) return invalid(undefined, `${prefix(pi)} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '${quoted(missing)}'`);
  const foreign = selections.filter((s) => s.ancestor?.processInstanceKey !== pi.key).map((s) => s.key);
  if (foreign.length > 0) return invalid(undefined, `${prefix(pi)} activate instructions with an ancestor scope key that does not belong to the modified process instance: '${quoted(foreign)}'`);
  const notAbove = selections.filter((s) => s.ancestor === undefined || !isAncestorElement(pi, s.ancestor.elementId, s.elementId));
  const lines = notAbove.map((s) => `\n- instance '${s.key}' of element '${s.ancestor?.elementId ?? ''}' is not an ancestor of element '${s.elementId}'`);
  return lines.length === 0 ? undefined : invalid(undefined, `${prefix(pi)} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:${lines.join('')}`);
};

function isAncestorElement(pi: ProcessInstance, ancestorId: string, elementId: string): boolean {
  return allowedScopes(pi, elementId).has(ancestorId) && ancestorId !== elementId;
}

const CHECKS: readonly Check[] = [elementsExist, notAfterEventGateway, elementsSupported, terminatedInstancesActive, variableScopesExist, variableScopesAreFlowScopes, ancestorsValid];

/** The first check the request fails, or OK. */
export function checkModification(ctx: MachineContext, pi: ProcessInstance, request: ModifyRequest): Result<void, Rejection> {
  for (const check of CHECKS) {
    const rejection = check(ctx, pi, request);
    if (rejection) return err(rejection);
  }
  return ok(undefined);
}

