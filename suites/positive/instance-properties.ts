/** Positive properties of process instances, variables, messages, signals and decisions. */
import fc from 'fast-check';
import { sizeDecision, straightThroughProcess } from '../cases/models.js';
import { nonBlankString, outOfRangeIntegerLiteral, validVariables } from '../properties/arbitraries.js';
import { deployOne, firstProcessKey } from './deployed-entries.js';
import { namesIn } from './job-properties.js';
import { positive, type AnyPositiveProperty, type Exchange, type Tenancy } from './positive-property.js';
import { empty, equals, fieldsOf, intAtLeast, jsonObject, key, keyAndTenant, sameKey, variableNames, type Problems } from './shape.js';

/** An instance answer (with or without result) against the definition it was created from. */
function instanceProblems(answer: Record<string, unknown>, deployed: { processDefinitionKey: string; bpmnProcessId: string }, tenancy: Tenancy): Problems {
  return [
    ...sameKey('processDefinitionKey', answer['processDefinitionKey'], deployed.processDefinitionKey),
    ...equals('bpmnProcessId', answer['bpmnProcessId'], deployed.bpmnProcessId),
    ...equals('version', answer['version'], 1),
    ...key('processInstanceKey', answer['processInstanceKey']),
    ...equals('tenantId', answer['tenantId'], tenancy.expected),
  ];
}

const createProcessInstance = positive({
  rpc: 'CreateProcessInstance',
  varies: 'variables, by id (latest version) or by definition key',
  maxRuns: 10,
  input: fc.record({ variables: validVariables, byKey: fc.boolean() }),
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const deployed = await fx.deploy();
    const which = input.byKey ? { processDefinitionKey: deployed.processDefinitionKey } : { bpmnProcessId: deployed.bpmnProcessId, version: -1 };
    const request = { ...which, variables: input.variables, tenantId: tenancy.tenantId };
    const outcome = await fx.call('CreateProcessInstance', request);
    const answer = fieldsOf(outcome.responses[0]);
    if (typeof answer['processInstanceKey'] === 'string') fx.track(answer['processInstanceKey']);
    return { request, outcome, problems: instanceProblems(answer, deployed, tenancy) };
  },
});

const createWithResult = positive({
  rpc: 'CreateProcessInstanceWithResult',
  varies: 'variables, fetchVariables',
  maxRuns: 10,
  input: fc.record({ variables: validVariables, fetchAll: fc.boolean() }),
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const bpmnProcessId = fx.uniqueId('straight');
    const entries = await deployOne(fx, `${bpmnProcessId}.bpmn`, straightThroughProcess(bpmnProcessId), tenancy.tenantId);
    const deployed = { bpmnProcessId, processDefinitionKey: firstProcessKey(entries) };
    const names = namesIn(input.variables);
    const fetchVariables = input.fetchAll ? [] : names.slice(0, 1);
    const request = { request: { bpmnProcessId, version: -1, variables: input.variables, tenantId: tenancy.tenantId }, requestTimeout: 10_000, fetchVariables };
    const outcome = await fx.call('CreateProcessInstanceWithResult', request);
    const answer = fieldsOf(outcome.responses[0]);
    return { request, outcome, problems: [...instanceProblems(answer, deployed, tenancy), ...variableNames('variables', answer['variables'], input.fetchAll ? names : fetchVariables)] };
  },
});

const cancelProcessInstance = positive({
  rpc: 'CancelProcessInstance',
  varies: 'nothing: a running instance',
  maxRuns: 5,
  input: fc.constant(null),
  exercise: async (fx): Promise<Exchange> => {
    const request = { processInstanceKey: (await fx.instance()).processInstanceKey };
    const outcome = await fx.call('CancelProcessInstance', request);
    return { request, outcome, problems: empty(outcome.responses[0]) };
  },
});

/**
 * Variables to set: a JSON object of at least one variable (an empty document sets nothing), without an integer
 * beyond 64 bits (fast-check's doubles like 2^64 print as one, and the gateway rightly refuses those).
 */
const objectVariables = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 4 })
  .map((o) => JSON.stringify(o))
  .filter((text) => outOfRangeIntegerLiteral(text) === undefined);

const setVariables = positive({
  rpc: 'SetVariables',
  varies: 'variables, local or propagated',
  maxRuns: 10,
  input: fc.record({ variables: objectVariables, local: fc.boolean() }),
  exercise: async (fx, input): Promise<Exchange> => {
    const request = { elementInstanceKey: (await fx.instance()).processInstanceKey, ...input };
    const outcome = await fx.call('SetVariables', request);
    return { request, outcome, problems: key('key', fieldsOf(outcome.responses[0])['key']) };
  },
});

const publishMessage = positive({
  rpc: 'PublishMessage',
  varies: 'correlation key, time to live, message id, variables',
  maxRuns: 10,
  input: fc.record({ correlationKey: fc.string({ maxLength: 20 }), timeToLive: fc.integer({ min: 0, max: 3_600_000 }), withId: fc.boolean(), variables: validVariables }),
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const { withId, ...fields } = input;
    const request = { name: fx.uniqueId('message'), ...fields, messageId: withId ? fx.uniqueId('id') : '', tenantId: tenancy.tenantId };
    const outcome = await fx.call('PublishMessage', request);
    const answer = fieldsOf(outcome.responses[0]);
    return { request, outcome, problems: keyAndTenant(answer, tenancy.expected) };
  },
});

const broadcastSignal = positive({
  rpc: 'BroadcastSignal',
  varies: 'signal names, variables',
  maxRuns: 10,
  input: fc.record({ name: nonBlankString, variables: validVariables }),
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const request = { signalName: `${fx.uniqueId('signal')}-${input.name}`, variables: input.variables, tenantId: tenancy.tenantId };
    const outcome = await fx.call('BroadcastSignal', request);
    const answer = fieldsOf(outcome.responses[0]);
    return { request, outcome, problems: keyAndTenant(answer, tenancy.expected) };
  },
});

/** An evaluation of the size decision: every field of the page, and the label the table gives for `size`. */
function decisionProblems(answer: Record<string, unknown>, decisionId: string, size: number, tenancy: Tenancy): Problems {
  const output = jsonObject('decisionOutput', `{"v":${String(answer['decisionOutput'])}}`);
  const evaluated = (answer['evaluatedDecisions'] as unknown[] | undefined) ?? [];
  return [
    ...key('decisionKey', answer['decisionKey']),
    ...equals('decisionId', answer['decisionId'], decisionId),
    ...equals('decisionName', answer['decisionName'], 'Size label'),
    ...intAtLeast('decisionVersion', answer['decisionVersion'], 1),
    ...equals('decisionRequirementsId', answer['decisionRequirementsId'], `${decisionId}-drg`),
    ...key('decisionRequirementsKey', answer['decisionRequirementsKey']),
    ...output.problems,
    ...equals('decisionOutput', output.value['v'], size < 10 ? 'small' : 'large'),
    ...(evaluated.length > 0 ? [] : ['evaluatedDecisions is empty']),
    ...equals('failedDecisionId', answer['failedDecisionId'], ''),
    ...equals('failureMessage', answer['failureMessage'], ''),
    ...equals('tenantId', answer['tenantId'], tenancy.expected),
    ...key('decisionInstanceKey', answer['decisionInstanceKey']),
  ];
}

const evaluateDecision = positive({
  rpc: 'EvaluateDecision',
  varies: 'the input value, by decision id or by decision key',
  maxRuns: 10,
  input: fc.record({ size: fc.integer({ min: -1000, max: 1000 }), byKey: fc.boolean() }),
  exercise: async (fx, input, tenancy): Promise<Exchange> => {
    const decisionId = fx.uniqueId('decision');
    const entries = await deployOne(fx, `${decisionId}.dmn`, sizeDecision(decisionId), tenancy.tenantId);
    const decision = entries.map((d) => fieldsOf(d['decision'])).find((d) => d['dmnDecisionId'] === decisionId);
    const which = input.byKey ? { decisionKey: String(decision?.['decisionKey']) } : { decisionId };
    const request = { ...which, variables: JSON.stringify({ size: input.size }), tenantId: tenancy.tenantId };
    const outcome = await fx.call('EvaluateDecision', request);
    return { request, outcome, problems: decisionProblems(fieldsOf(outcome.responses[0]), decisionId, input.size, tenancy) };
  },
});

/** The positive properties of instances, variables, messages, signals and decisions. */
export const INSTANCE_PROPERTIES: readonly AnyPositiveProperty[] = [createProcessInstance, createWithResult, cancelProcessInstance, setVariables, publishMessage, broadcastSignal, evaluateDecision];
