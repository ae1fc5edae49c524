/** ModifyProcessInstance: instance lookup, invalid activate / variable / terminate instructions. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'ModifyProcessInstance';
const status = 'INVALID_ARGUMENT';
const NO_INSTANCE = 'No process instance exists with the given key, or it is not active.';
const ACTIVATE = 'At least one activate instruction is invalid. An activate instruction is considered invalid if:';
const VARIABLE = 'At least one variable instruction is invalid. A variable instruction is considered invalid if:';
const TERMINATE = 'At least one terminate instruction is invalid. A terminate instruction is considered invalid if:';
const TERMINATE_GONE = 'No element instance exists with the given key, or it is not active.';
const SPLIT = 'The bullet holds two conditions (never existed / no longer active); one rule each.';
const VAR_FIELD = 'activateInstructions[].variableInstructions[].variables';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-instance', bullets: [NO_INSTANCE], note: SPLIT,
    condition: '`processInstanceKey` is on an existing partition but no process instance was ever created with it.',
  }),
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'instance-not-active', bullets: [NO_INSTANCE], note: SPLIT,
    condition: '`processInstanceKey` names a process instance that has completed or been cancelled.',
  }),
  otherTenantRule(
    rpc, 'processInstanceKey', 'process instance',
    'No process instance was found with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status, name: 'activate-unknown-element',
    bullets: [ACTIVATE, 'The process doesn\'t contain an element with the given ID.'],
    condition: 'An activate instruction\'s `elementId` names no element of the instance\'s process definition.',
  }),
  pageRule({
    rpc, status, name: 'activate-flow-scope-not-creatable',
    bullets: [ACTIVATE, 'A flow scope of the given element can\'t be created.'],
    condition:
      'An activate instruction targets an element whose flow scope cannot be created, e.g. an element nested in a ' +
      'multi-instance subprocess that has no active instance (`ancestorElementInstanceKey` -1).',
  }),
  pageRule({
    rpc, status, name: 'activate-ambiguous-flow-scope',
    bullets: [ACTIVATE, 'The given element has more than one active instance of its flow scope.'],
    condition:
      'An activate instruction with `ancestorElementInstanceKey` -1 targets an element whose flow scope has two or ' +
      'more active instances (e.g. inside a subprocess entered twice in parallel).',
  }),
  pageRule({
    rpc, status, name: 'variable-unknown-scope',
    bullets: [VARIABLE, 'The process doesn\'t contain an element with the given scope ID.'],
    condition: 'A variable instruction\'s `scopeId` is non-empty and names no element of the process definition.',
  }),
  pageRule({
    rpc, status, name: 'variable-scope-outside-flow-scope',
    bullets: [VARIABLE, 'The given element doesn\'t belong to the activating element\'s flow scope.'],
    condition:
      'A variable instruction\'s `scopeId` names an element of the process that is not the activated element nor ' +
      'one of its flow scopes (e.g. a sibling task).',
  }),
  ...variablesRules({
    rpc,
    field: VAR_FIELD,
    stem: 'variable-instruction',
    quote: { section: rpc, heading: 'GRPC_STATUS_INVALID_ARGUMENT', bullets: [VARIABLE, 'The given variables are not a valid JSON document.'] },
    objectReading: 'reading: the bullet names invalid JSON only; the field\'s comment says the root must be an object',
  }),
  pageRule({
    rpc, status, name: 'terminate-unknown-element', bullets: [TERMINATE, TERMINATE_GONE], note: SPLIT,
    condition: 'A terminate instruction\'s `elementInstanceKey` names no element instance that ever existed.',
  }),
  pageRule({
    rpc, status, name: 'terminate-inactive-element', bullets: [TERMINATE, TERMINATE_GONE], note: SPLIT,
    condition: 'A terminate instruction\'s `elementInstanceKey` names an element instance that has completed or been terminated.',
  }),
  pageRule({
    rpc, status, name: 'terminates-called-instance',
    bullets: [
      'The instructions would terminate all element instances of a process instance that was created by a call activity in the parent process.',
    ],
    condition:
      '`processInstanceKey` names a child instance created by a call activity; the terminate instructions cover ' +
      'every active element instance of it and there are no activate instructions.',
  }),
];
