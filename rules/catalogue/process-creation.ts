/** The CreateProcessInstanceWithResult error bullets, shared by CreateProcessInstance (the real gateway applies both). */
import { exp, pageRule, readAcross, realRule } from '../build.js';
import { singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

/** The two RPCs that create process instances. */
export type CreationRpc = 'CreateProcessInstance' | 'CreateProcessInstanceWithResult';

const section = 'CreateProcessInstanceWithResult';
const READING =
  'the page lists these errors only under CreateProcessInstanceWithResult; read as applying to CreateProcessInstance ' +
  '(the real gateway applies the same rules to both)';

type Field = (name: string) => string;

function lookupRules(rpc: CreationRpc, f: Field): readonly Rule[] {
  const common = { rpc, section, status: 'NOT_FOUND' } as const;
  return [
    pageRule({
      ...common, name: 'no-process-for-key',
      bullets: ['No process with the given key exists (if processKey was given).'],
      condition: `${f('processDefinitionKey')} is non-zero and no process definition has that key (${f('bpmnProcessId')} empty).`,
    }),
    pageRule({
      ...common, name: 'no-process-for-id',
      bullets: ['No process with the given process ID exists (if bpmnProcessId was given but version was -1).'],
      condition:
        `${f('processDefinitionKey')} is 0, ${f('bpmnProcessId')} names no process deployed for the request's tenant, ` +
        `${f('version')} is -1.`,
    }),
    pageRule({
      ...common, name: 'no-process-for-id-and-version',
      bullets: ['No process with the given process ID and version exists (if both bpmnProcessId and version were given).'],
      condition:
        `${f('processDefinitionKey')} is 0, ${f('bpmnProcessId')} names a deployed process, ${f('version')} is not -1 ` +
        'and that version does not exist (e.g. latest + 1, or 0: the proto default).',
      note: 'The real gateway looks up version 0 literally (NOT_FOUND); clients must send -1 for "latest".',
    }),
  ];
}

function otherTenantRule(rpc: CreationRpc, f: Field): Rule {
  return realRule({
    rpc, segment: 'NOT_FOUND', name: 'other-tenant', layer: 'engine', multiTenancy: 'on',
    condition:
      `MT on; the caller is authorized for tenants A and B; the process (by ${f('processDefinitionKey')} or by ` +
      `${f('bpmnProcessId')}) is deployed for A only; ${f('tenantId')} is B.`,
    expect: {
      documented: exp('NOT_FOUND', 'page: no process with that key or ID exists for the requested tenant'),
      'zeebe-8.5': exp('NOT_FOUND'),
    },
    note: 'Process definitions are versioned per tenant: another tenant\'s process is NOT_FOUND even for a caller authorized for both.',
  });
}

function startEventRule(rpc: CreationRpc, f: Field): Rule {
  return pageRule({
    rpc, section, status: 'FAILED_PRECONDITION', name: 'no-none-start-event',
    bullets: [
      'The process definition does not contain a none start event; only processes with none start event can be started manually.',
    ],
    condition:
      `The process named by ${f('processDefinitionKey')} or ${f('bpmnProcessId')} has no none start event ` +
      `(e.g. only a message or timer start event) and ${f('startInstructions')} is empty.`,
  });
}

/** Every rule of one creation RPC, in page order; quotes are the WithResult section's. */
export function creationRules(rpc: CreationRpc): readonly Rule[] {
  const prefix = rpc === section ? 'request.' : '';
  const f: Field = (name) => `\`${prefix}${name}\``;
  const heading = 'GRPC_STATUS_INVALID_ARGUMENT';
  const rules: readonly Rule[] = [
    ...lookupRules(rpc, f),
    otherTenantRule(rpc, f),
    startEventRule(rpc, f),
    ...variablesRules({
      rpc,
      field: `${prefix}variables`,
      quote: {
        section,
        heading,
        bullets: [
          'The given variables argument is not a valid JSON document; it is expected to be a valid JSON document where the root node is an object.',
        ],
      },
    }),
    ...singleTenantRules(rpc, { documented: 'INVALID_ARGUMENT' }, { section, heading, field: `${prefix}tenantId` }),
  ];
  return rpc === section ? rules : rules.map((r) => readAcross(r, READING));
}
