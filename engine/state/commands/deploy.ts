import type { ParsedResource } from '../../model/index.js';
import { err, ok, type Result } from '../../result.js';
import type { MachineContext } from '../context.js';
import type { Command, Rejection } from '../machine.js';
import { EVENTS } from '../execution.js';
import { addVersion, latest, versionKey, type Versions } from '../store.js';
import type { DecisionRequirementsRecord, FormRecord } from '../types.js';

/** Deployments live on the deployment partition, as in the real broker. */
const DEPLOYMENT_PARTITION = 1;

interface Resource {
  readonly name: string;
  readonly content: Buffer;
}

/** DeployResource: all resources or none; identical redeploys keep version and key. */
export async function deployResource(ctx: MachineContext, command: Command): Promise<Result<unknown, Rejection>> {
  const { resources } = command.request as { resources: Resource[] };
  const tenantId = command.tenantIds[0] ?? '<default>';
  const parsed = await parseAll(resources);
  if (!parsed.ok) return parsed;
  const deployments = parsed.value.flatMap(({ name, resource }) => store(ctx, tenantId, name, resource));
  return ok({ key: ctx.keys.next(DEPLOYMENT_PARTITION), deployments, tenantId });
}

/** The deprecated DeployProcess: BPMN only, default tenant, process metadata in the answer. */
export async function deployProcess(ctx: MachineContext, command: Command): Promise<Result<unknown, Rejection>> {
  const { processes } = command.request as { processes: { name: string; definition: Buffer }[] };
  const deployed = await deployResource(ctx, {
    ...command,
    request: { resources: processes.map((p) => ({ name: p.name, content: p.definition })) },
    tenantIds: ['<default>'],
  });
  if (!deployed.ok) return deployed;
  const { key, deployments } = deployed.value as { key: string; deployments: { process?: unknown }[] };
  return ok({ key, processes: deployments.flatMap((d) => (d.process === undefined ? [] : [d.process])) });
}

async function parseAll(resources: readonly Resource[]): Promise<Result<{ name: string; resource: ParsedResource }[], Rejection>> {
  // The BPMN and DMN parsers load on the first deployment, not at engine start (start-up time is a target).
  const { parseResource } = await import('../../model/index.js');
  const results = await Promise.all(resources.map(async (r) => ({ name: r.name, result: await parseResource(r.name, r.content) })));
  const errors = results.flatMap(({ result }) => (result.ok ? [] : [result.error]));
  const duplicate = duplicateProcessId(results.flatMap(({ name, result }) => (result.ok && result.value.kind === 'bpmn' ? result.value.processes.map((p) => ({ name, id: p.bpmnProcessId })) : [])));
  if (duplicate) errors.push(duplicate);
  if (errors.length > 0) {
    const reason = `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`;
    return err({ type: 'INVALID_ARGUMENT', intent: 'CREATE', reason, ruleId: deployRuleOf(errors) });
  }
  return ok(results.flatMap(({ name, result }) => (result.ok ? [{ name, resource: result.value }] : [])));
}

function duplicateProcessId(ids: readonly { name: string; id: string }[]): string | undefined {
  for (const [i, a] of ids.entries()) {
    const b = ids.slice(i + 1).find((x) => x.id === a.id);
    if (b) return `Duplicated process id in resources '${a.name}' and '${b.name}'`;
  }
  return undefined;
}

/** Which catalogue rule a failed deployment breaks, from the first problem's kind. */
function deployRuleOf(errors: readonly string[]): string {
  const first = errors[0] ?? '';
  if (/unknown resource type/.test(first)) return 'DeployResource/INVALID_ARGUMENT/unsupported-type';
  if (/Failed to parse/.test(first)) return 'DeployResource/INVALID_ARGUMENT/not-deserializable';
  return 'DeployResource/INVALID_ARGUMENT/invalid-content';
}

function store(ctx: MachineContext, tenantId: string, resourceName: string, resource: ParsedResource): unknown[] {
  switch (resource.kind) {
    case 'bpmn':
      return resource.processes.map((process) => {
        const before = latest(ctx.state.processes, tenantId, process.bpmnProcessId);
        const d = versioned(ctx, ctx.state.processes, tenantId, process.bpmnProcessId, resource.checksum, (key, version) => ({ key, version, bpmnProcessId: process.bpmnProcessId, tenantId, resourceName, checksum: resource.checksum, process }));
        if (d !== before) EVENTS.processDeployed(ctx, d);
        return { process: { bpmnProcessId: d.bpmnProcessId, version: d.version, processDefinitionKey: d.key, resourceName, tenantId } };
      });
    case 'dmn':
      return storeDrg(ctx, tenantId, resourceName, resource);
    case 'form': {
      const f = versioned(ctx, ctx.state.forms, tenantId, resource.form.id, resource.checksum, (key, version): FormRecord => ({ key, version, id: resource.form.id, tenantId, resourceName, checksum: resource.checksum }));
      return [{ form: { formId: f.id, version: f.version, formKey: f.key, resourceName, tenantId } }];
    }
  }
}

function storeDrg(ctx: MachineContext, tenantId: string, resourceName: string, resource: Extract<ParsedResource, { kind: 'dmn' }>): unknown[] {
  const { drg, checksum } = resource;
  const record = versioned(ctx, ctx.state.drgs, tenantId, drg.id, checksum, (key, version): DecisionRequirementsRecord => ({
    key,
    version,
    id: drg.id,
    name: drg.name,
    tenantId,
    resourceName,
    checksum,
    drg,
    decisions: drg.decisions.map((d) => ({ key: ctx.keys.next(DEPLOYMENT_PARTITION), id: d.id, name: d.name, version })),
  }));
  const requirements = { dmnDecisionRequirementsId: record.id, dmnDecisionRequirementsName: record.name, version: record.version, decisionRequirementsKey: record.key, resourceName, tenantId };
  const decisions = record.decisions.map((d) => ({
    decision: { dmnDecisionId: d.id, dmnDecisionName: d.name, version: d.version, decisionKey: d.key, dmnDecisionRequirementsId: record.id, decisionRequirementsKey: record.key, tenantId },
  }));
  return [{ decisionRequirements: requirements }, ...decisions];
}

/** The latest version if its content is identical, else a new version with a new key. */
function versioned<T extends { readonly key: string; readonly version: number; readonly checksum: string }>(
  ctx: MachineContext,
  family: Versions<T>,
  tenantId: string,
  id: string,
  checksum: string,
  make: (key: string, version: number) => T,
): T {
  const current = latest(family, tenantId, id);
  if (current?.checksum === checksum) return current;
  const version = (family.lastVersion.get(versionKey(tenantId, id)) ?? 0) + 1;
  const record = make(ctx.keys.next(DEPLOYMENT_PARTITION), version);
  addVersion(family, tenantId, id, record);
  return record;
}
