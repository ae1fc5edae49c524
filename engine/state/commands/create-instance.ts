import type { RpcName } from '../../../rules/index.js';
import { pickVariables } from '../../feel/index.js';
import type { FlowNode } from '../../model/index.js';
import { err, ok, type Result } from '../../result.js';
import { refuse, type MachineContext } from '../context.js';
import { activate, createRootScope, openScope, processStarted } from '../execution.js';
import type { Command, Rejection } from '../machine.js';
import { versionKey } from '../store.js';
import type { ElementInstance, ProcessDefinition, ProcessInstance } from '../types.js';
import { setLocal } from '../variables.js';
import { documentOf } from './lookups.js';
import { startInstructionTargets } from './start-instructions.js';

interface CreateRequest {
  readonly processDefinitionKey: string;
  readonly bpmnProcessId: string;
  readonly version: number;
  readonly variables: string;
  readonly startInstructions: readonly { readonly elementId: string }[];
}

/** The gateway's default request timeout, used when CreateProcessInstanceWithResult sends 0. */
const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** CreateProcessInstance: the instance runs until it waits (jobs) or completes, before the answer. */
export function createProcessInstance(ctx: MachineContext, command: Command): Result<unknown, Rejection> {
  const created = createInstance(ctx, command, 'CreateProcessInstance', command.request as CreateRequest, []);
  return created.ok ? ok(createdResponse(created.value)) : created;
}

/** CreateProcessInstanceWithResult: answers when the instance completes, or DEADLINE_EXCEEDED. */
export function createProcessInstanceWithResult(ctx: MachineContext, command: Command): Promise<Result<unknown, Rejection>> {
  const { request, requestTimeout, fetchVariables } = command.request as { request: CreateRequest | null; requestTimeout: string; fetchVariables: string[] };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Result<unknown, Rejection>): void => {
      if (!settled) resolve(result);
      settled = true;
    };
    const timeout = Number(requestTimeout) > 0 ? Number(requestTimeout) : DEFAULT_REQUEST_TIMEOUT_MS;
    const timer = ctx.clock.schedule(ctx.clock.now() + timeout, () => {
      finish(err({ type: 'DEADLINE_EXCEEDED', intent: 'CREATE_WITH_AWAITING_RESULT', reason: `Time out between gateway and broker: Request timed out after ${timeout} ms` }));
    });
    const onComplete = (pi: ProcessInstance) => (variables: Record<string, unknown>) => {
      timer.cancel();
      const result = fetchVariables.length > 0 ? pickVariables(variables, fetchVariables) : variables;
      finish(ok({ ...createdResponse(pi), variables: JSON.stringify(result) }));
    };
    const created = createInstance(ctx, command, 'CreateProcessInstanceWithResult', request ?? emptyRequest(), [onComplete]);
    if (!created.ok) {
      timer.cancel();
      finish(created);
    }
  });
}

function createdResponse(pi: ProcessInstance): Record<string, unknown> {
  const d = pi.definition;
  return { processDefinitionKey: d.key, bpmnProcessId: d.bpmnProcessId, version: d.version, processInstanceKey: pi.key, tenantId: pi.tenantId };
}

function createInstance(
  ctx: MachineContext,
  command: Command,
  rpc: RpcName,
  request: CreateRequest,
  waiting: readonly ((pi: ProcessInstance) => (variables: Record<string, unknown>) => void)[],
): Result<ProcessInstance, Rejection> {
  const tenantId = command.tenantIds[0] ?? '<default>';
  const found = findDefinition(ctx, rpc, request, tenantId);
  if (!found.ok) return found;
  const definition = found.value;
  // Start instructions make the none start event unnecessary (Zeebe 8.5 checks for it only without them).
  const noStart = definition.process.noneStartEvent === undefined && request.startInstructions.length === 0
    ? refuse(ctx, `${rpc}/FAILED_PRECONDITION/no-none-start-event`, 'INVALID_STATE', 'CREATE', 'Expected to create instance of process with none start event, but there is no such event')
    : undefined;
  if (noStart) return err(noStart);
  const targets = startTargets(definition, request);
  if (!targets.ok) return targets;
  const partition = ctx.nextPartition();
  const pi: ProcessInstance = { key: ctx.keys.next(partition), definition, tenantId, partition, onComplete: [] };
  pi.onComplete.push(...waiting.map((w) => w(pi)));
  ctx.state.instances.set(pi.key, pi);
  const root = createRootScope(ctx, pi);
  setLocal(ctx.state, root.key, documentOf(request.variables));
  for (const node of targets.value) activate(ctx, pi, node, openScopes(ctx, pi, node, root));
  processStarted(ctx, pi, root);
  return ok(pi);
}

function findDefinition(ctx: MachineContext, rpc: RpcName, request: CreateRequest, tenantId: string): Result<ProcessDefinition, Rejection> {
  const missing = (rule: string, reason: string): Result<ProcessDefinition, Rejection> =>
    err({ type: 'NOT_FOUND', intent: 'CREATE', reason, ruleId: `${rpc}/NOT_FOUND/${rule}` });
  if (request.processDefinitionKey !== '0') {
    const byKey = ctx.state.processes.byKey.get(request.processDefinitionKey);
    const reason = `Expected to find process definition with key '${request.processDefinitionKey}', but none found`;
    if (!byKey) return missing('no-process-for-key', reason);
    return byKey.tenantId === tenantId ? ok(byKey) : missing('other-tenant', reason);
  }
  const versions = ctx.state.processes.byId.get(versionKey(tenantId, request.bpmnProcessId)) ?? [];
  if (request.version === -1) {
    const latest = versions.at(-1);
    return latest ? ok(latest) : missing('no-process-for-id', `Expected to find process definition with process ID '${request.bpmnProcessId}', but none found`);
  }
  const exact = versions.find((d) => d.version === request.version);
  return exact
    ? ok(exact)
    : missing('no-process-for-id-and-version', `Expected to find process definition with process ID '${request.bpmnProcessId}' and version '${request.version}', but none found`);
}

/** The elements the start instructions name, or else the none start event. */
function startTargets(definition: ProcessDefinition, request: CreateRequest): Result<FlowNode[], Rejection> {
  if (request.startInstructions.length > 0) return startInstructionTargets(definition, request.startInstructions.map((s) => s.elementId));
  const { elements, noneStartEvent } = definition.process;
  const start = elements.get(noneStartEvent ?? '');
  // Reached without one only with `no-none-start-event` switched off: nothing to start at, answered with another status.
  return start ? ok([start]) : err({ type: 'INVALID_ARGUMENT', intent: 'CREATE', reason: 'Expected to create instance of process with none start event, but there is no such event' });
}

/** The flow scopes (embedded subprocesses) a start instruction's element lives in, opened (their events wait) without starting them. */
function openScopes(ctx: MachineContext, pi: ProcessInstance, node: FlowNode, root: ElementInstance): ElementInstance {
  const chain: FlowNode[] = [];
  for (let id = node.flowScope; id !== undefined; id = pi.definition.process.elements.get(id)?.flowScope) {
    const scope = pi.definition.process.elements.get(id);
    if (scope) chain.unshift(scope);
  }
  let scope = root;
  for (const parent of chain) scope = [...scope.children].map((k) => ctx.state.elements.get(k)).find((e) => e?.elementId === parent.id) ?? openScope(ctx, pi, parent, scope);
  return scope;
}

function emptyRequest(): CreateRequest {
  return { processDefinitionKey: '0', bpmnProcessId: '', version: -1, variables: '', startInstructions: [] };
}
