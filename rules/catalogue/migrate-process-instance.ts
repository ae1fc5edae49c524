/** MigrateProcessInstance: lookups, invalid mapping instructions, migrations the engine does not support. */
import { deviates, exp, otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'MigrateProcessInstance';
const NF = 'NOT_FOUND';
const IA = 'INVALID_ARGUMENT';
const FP = 'FAILED_PRECONDITION';
const NO_INSTANCE = 'No process instance exists with the given key, or it is not active';
const SPLIT = 'The bullet holds two conditions; one rule each.';
const MULTI_INSTANCE =
  'A mapping instruction changes a parallel multi-instance body to a sequential multi-instance body or vice versa';
const VERSIONED =
  'The page gives no list and the supported set grows with each version; the target engine\'s own list decides which ' +
  'elements or scenarios generate this condition.';
/** Real Zeebe 8.5 migrates no active multi-instance body: the same status, for another reason. */
const MI_IN_85 = deviates(exp(FP), FP, 'real Zeebe 8.5 migrates no multi-instance body at all: "The migration of a MULTI_INSTANCE_BODY is not supported."');
/** Real Zeebe 8.5 maps no catch event of an active element: the same status, for another reason. */
const CATCH_IN_85 = deviates(exp(FP), FP, 'real Zeebe 8.5 maps no catch event of an active element: "Migrating active elements with mapped catch events is not possible yet."');
const TYPE = 'A mapping instruction changes the type of an element or event';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: NF, name: 'no-such-instance', bullets: [NO_INSTANCE], note: SPLIT,
    condition: '`processInstanceKey` is on an existing partition but no process instance was ever created with it.',
  }),
  pageRule({
    rpc, status: NF, name: 'instance-not-active', bullets: [NO_INSTANCE], note: SPLIT,
    condition: '`processInstanceKey` names a process instance that has completed or been cancelled.',
  }),
  pageRule({
    rpc, status: NF, name: 'no-such-target-definition',
    bullets: ['No process definition exists with the given target definition key'],
    condition: '`migrationPlan.targetProcessDefinitionKey` names no deployed process definition.',
  }),
  otherTenantRule(
    rpc, 'processInstanceKey', 'process instance',
    'No process instance exists with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: IA, name: 'unknown-source-element',
    bullets: ['A `sourceElementId` does not refer to an element in the process instance\'s process definition'],
    condition: 'A mapping instruction\'s `sourceElementId` names no element of the instance\'s current process definition.',
  }),
  pageRule({
    rpc, status: IA, name: 'unknown-target-element',
    bullets: ['A `targetElementId` does not refer to an element in the target process definition'],
    condition: 'A mapping instruction\'s `targetElementId` names no element of the target process definition.',
  }),
  pageRule({
    rpc, status: IA, name: 'duplicate-source-mapping',
    bullets: [
      'A `sourceElementId` is mapped by multiple mapping instructions. For example, the engine cannot determine how to migrate a process instance when the instructions are: [A->B, A->C].',
    ],
    condition: 'Two mapping instructions share a `sourceElementId` (e.g. A->B and A->C).',
  }),
  pageRule({
    rpc, status: FP, name: 'unmapped-active-element',
    bullets: ['Not all active elements in the given process instance are mapped to the elements in the target process definition'],
    condition: 'An element of the instance is active and no mapping instruction has it as `sourceElementId`.',
  }),
  pageRule({
    rpc, status: FP, name: 'element-type-changed', bullets: [TYPE], note: SPLIT,
    condition: 'A mapping instruction maps an active element to one of another element type (e.g. service task -> user task).',
  }),
  pageRule({
    rpc, status: FP, name: 'event-type-changed', bullets: [TYPE], note: SPLIT,
    condition:
      'A mapping instruction maps a catch event to one of another event type (e.g. a message boundary event -> a ' +
      'timer boundary event).',
    expect: CATCH_IN_85,
  }),
  pageRule({
    rpc, status: FP, name: 'task-implementation-changed',
    bullets: ['A mapping instruction changes the implementation of a task'],
    condition: 'A mapping instruction maps an active task to a task of the same type but another implementation (e.g. a job-worker user task -> a Zeebe user task).',
  }),
  pageRule({
    rpc, status: FP, name: 'unsupported-element',
    bullets: ['A mapping instruction refers to an unsupported element (i.e. some elements will be supported later on)'],
    condition: 'A mapping instruction maps an active element of a type the migration does not support (yet).',
    note: VERSIONED,
  }),
  pageRule({
    rpc, status: FP, name: 'unsupported-scenario',
    bullets: [
      'A mapping instruction refers to element in unsupported scenarios. (i.e. migrating active elements with event subscriptions will be supported later on)',
    ],
    condition:
      'A mapping instruction maps an active element in a scenario the migration does not support (yet), e.g. an ' +
      'active element with an event subscription where the version does not migrate subscriptions.',
    note: VERSIONED,
  }),
  pageRule({
    rpc, status: FP, name: 'boundary-event-detached',
    bullets: ['A mapping instruction detaches a boundary event from an active element'],
    condition: 'A boundary event attached to an active element is mapped to a boundary event attached to another element than that element\'s target.',
    expect: CATCH_IN_85,
  }),
  pageRule({
    rpc, status: FP, name: 'catch-event-mapped-twice',
    bullets: ['Multiple mapping instructions refer to the same catch event'],
    condition: 'Two mapping instructions have the same catch event as `targetElementId`.',
    expect: CATCH_IN_85,
  }),
  pageRule({
    rpc, status: FP, name: 'multi-instance-parallel-to-sequential', bullets: [MULTI_INSTANCE], note: SPLIT,
    condition: 'An active parallel multi-instance body is mapped to a sequential multi-instance body.', expect: MI_IN_85,
  }),
  pageRule({
    rpc, status: FP, name: 'multi-instance-sequential-to-parallel', bullets: [MULTI_INSTANCE], note: SPLIT,
    condition: 'An active sequential multi-instance body is mapped to a parallel multi-instance body.', expect: MI_IN_85,
  }),
];
