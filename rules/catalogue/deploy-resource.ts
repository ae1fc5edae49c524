/** DeployResource: no resources, invalid resources, and the tenant family. */
import { pageRule } from '../build.js';
import { singleTenantRules } from '../tenant-rules.js';
import type { Rule } from '../types.js';

const rpc = 'DeployResource';
const status = 'INVALID_ARGUMENT';
const INVALID = 'At least one resource is invalid. A resource is considered invalid if:';
const ATOMIC = 'The call is atomic: nothing of the request is deployed.';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status, name: 'no-resources', layer: 'gateway', bullets: ['No resources given.'],
    condition: '`resources` is the empty list; `tenantId` valid for the MT mode.',
  }),
  pageRule({
    rpc, status, name: 'unsupported-type',
    bullets: [INVALID, 'The resource type is not supported (e.g. supported resources include BPMN and DMN files)'],
    condition:
      'One resource\'s `name` has an extension other than `.bpmn`, `.xml`, `.dmn` or `.form` (e.g. `notes.txt`); ' +
      `the other resources valid. ${ATOMIC}`,
    note: 'The supported set is the real gateway\'s (8.4+: BPMN as `.bpmn`/`.xml`, DMN, forms); the page names BPMN and DMN.',
  }),
  pageRule({
    rpc, status, name: 'not-deserializable',
    bullets: [INVALID, 'The content is not deserializable (e.g. detected as BPMN, but it\'s broken XML)'],
    condition:
      'One resource has a supported extension but content that does not parse (e.g. `x.bpmn` holding `<definitions`, ' +
      `or \`x.dmn\` holding non-XML bytes). ${ATOMIC}`,
  }),
  pageRule({
    rpc, status, name: 'invalid-content',
    bullets: [INVALID, 'The content is invalid (e.g. an event-based gateway has an outgoing sequence flow to a task)'],
    condition:
      'One resource parses but breaks a modelling rule (e.g. an event-based gateway with an outgoing sequence flow ' +
      `to a task, a process without a start event, a service task without a job type). ${ATOMIC}`,
  }),
  ...singleTenantRules(
    rpc,
    { documented: status },
    { section: rpc, heading: 'GRPC_STATUS_INVALID_ARGUMENT', field: 'tenantId' },
  ),
];
