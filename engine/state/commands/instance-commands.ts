import { ok, err, type Result } from '../../result.js';
import { refuse, type MachineContext } from '../context.js';
import { EVENTS, terminate } from '../execution.js';
import type { Command, Rejection } from '../machine.js';
import { removeVersion } from '../store.js';
import type { Resource } from '../types.js';
import { propagate, setLocal } from '../variables.js';
import { documentOf, findVisible } from './lookups.js';

/** CancelProcessInstance: terminates every element, job and incident of the instance, which then disappears. */
export function cancelProcessInstance(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { processInstanceKey: key } = command.request as { processInstanceKey: string };
  const found = findVisible(ctx, command, ctx.state.instances.get(key), {
    rpc: 'CancelProcessInstance',
    missing: 'no-such-instance',
    intent: 'CANCEL',
    reason: `Expected to cancel a process instance with key '${key}', but no such process was found`,
  });
  if (!found.ok) return found;
  const parent = found.value.parent;
  const child = parent && refuse(ctx, 'CancelProcessInstance/FAILED_PRECONDITION/child-instance', 'INVALID_STATE', 'CANCEL', `Expected to cancel a process instance with key '${key}', but it is created by a parent process instance. Cancel the root process instance '${rootOf(ctx, parent.processInstanceKey)}' instead.`);
  if (child) return err(child);
  const root = ctx.state.elements.get(key);
  if (root) terminate(ctx, root);
  ctx.state.instances.delete(key);
  return ok({});
}

/** The root process instance above a (child) process instance. */
function rootOf(ctx: MachineContext, key: string): string {
  const parent = ctx.state.instances.get(key)?.parent;
  return parent === undefined ? key : rootOf(ctx, parent.processInstanceKey);
}

/** SetVariables: local to the element's scope, or merged outwards as the page describes. */
export function setVariables(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { elementInstanceKey: key, variables, local } = command.request as { elementInstanceKey: string; variables: string; local: boolean };
  const element = ctx.state.elements.get(key);
  const instance = element && ctx.state.instances.get(element.processInstanceKey);
  const found = findVisible(ctx, command, instance, {
    rpc: 'SetVariables',
    missing: 'no-such-element',
    intent: 'UPDATE',
    reason: `Expected to update variables for element with key '${key}', but no such element was found`,
  });
  if (!found.ok) return found;
  const document = documentOf(variables);
  if (local) setLocal(ctx.state, key, document);
  else propagate(ctx.state, key, document);
  return ok({ key: ctx.keys.next(found.value.partition) });
}

/** DeleteResource: a process definition (not while instances run), a decision requirements graph or a form. */
export function deleteResource(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { resourceKey: key } = command.request as { resourceKey: string };
  const resource = resourceOf(ctx, key);
  const found = findVisible(ctx, command, resource && { tenantId: resource.record.tenantId, resource }, {
    rpc: 'DeleteResource',
    missing: 'no-such-resource',
    intent: 'DELETE',
    reason: `Expected to delete resource but no resource found with key \`${key}\``,
  });
  if (!found.ok) return found;
  const { resource: r } = found.value;
  if (r.kind === 'process' && [...ctx.state.instances.values()].some((pi) => pi.definition === r.record)) {
    const refused = refuse(ctx, 'DeleteResource/FAILED_PRECONDITION/running-instances', 'INVALID_STATE', 'DELETE', `Expected to delete resource with key \`${key}\` but there are still running instances`);
    if (refused) return err(refused);
  }
  if (r.kind === 'process') {
    removeVersion(ctx.state.processes, r.record.tenantId, r.record.bpmnProcessId, key);
    EVENTS.processDeleted(ctx, r.record);
  }
  if (r.kind === 'drg') removeVersion(ctx.state.drgs, r.record.tenantId, r.record.id, key);
  if (r.kind === 'form') removeVersion(ctx.state.forms, r.record.tenantId, r.record.id, key);
  return ok({});
}

function resourceOf(ctx: MachineContext, key: string): Resource | undefined {
  const process = ctx.state.processes.byKey.get(key);
  if (process) return { kind: 'process', record: process };
  const drg = ctx.state.drgs.byKey.get(key);
  if (drg) return { kind: 'drg', record: drg };
  const form = ctx.state.forms.byKey.get(key);
  return form && { kind: 'form', record: form };
}

/** ResolveIncident: the incident goes, and what failed is tried again. */
export function resolveIncident(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const { incidentKey: key } = command.request as { incidentKey: string };
  const found = findVisible(ctx, command, ctx.state.incidents.get(key), {
    rpc: 'ResolveIncident',
    missing: 'no-such-incident',
    intent: 'RESOLVE',
    reason: `Expected to resolve incident with key '${key}', but no such incident was found`,
  });
  if (!found.ok) return found;
  ctx.state.incidents.delete(key);
  found.value.resume();
  return ok({});
}
