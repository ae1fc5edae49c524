/** The executable model of an accepted BPMN resource: every kind of node, flow, job and mapping. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import type { ExecutableProcess, FlowNode } from '../../engine/model/index.js';
import { accepted, around, extensionElements, model, serviceTask, taskDefinition } from './bpmn-builders.js';

const FIXTURE = new URL('../fixtures/bpmn/order-process.bpmn', import.meta.url);

function node(process: ExecutableProcess, id: string): FlowNode {
  const found = process.elements.get(id);
  assert.ok(found !== undefined, `no element '${id}'`);
  return found;
}

describe('BPMN model of an accepted resource', () => {
  let order: ExecutableProcess;

  before(async () => {
    const processes = await accepted(readFileSync(FIXTURE, 'utf8'));
    assert.deepEqual(processes.map((p) => p.bpmnProcessId), ['order-process'], 'the non-executable pool is skipped');
    const [first] = processes;
    assert.ok(first !== undefined);
    order = first;
  });

  it('names the process and its none start event', () => {
    assert.equal(order.name, 'Order process');
    assert.equal(order.noneStartEvent, 'start');
  });

  it('has every flow node, and nothing for data objects, lanes or annotations', () => {
    assert.deepEqual([...order.elements.keys()].sort(), [
      'any-error', 'approve', 'archive', 'big', 'charge', 'classify', 'done', 'failed', 'fork', 'join', 'merge',
      'notify', 'out-of-stock', 'pack', 'refund', 'ship', 'ship-end', 'ship-start', 'shipped', 'start',
    ]);
    const kinds = Object.fromEntries([...order.elements.values()].map((n) => [n.id, n.kind]));
    assert.deepEqual(kinds, {
      'any-error': 'boundaryEvent', approve: 'userTask', archive: 'task', big: 'exclusiveGateway', charge: 'serviceTask',
      classify: 'businessRuleTask', done: 'endEvent', failed: 'endEvent', fork: 'parallelGateway', join: 'parallelGateway',
      merge: 'exclusiveGateway', notify: 'sendTask', 'out-of-stock': 'boundaryEvent', pack: 'manualTask', refund: 'scriptTask',
      ship: 'subProcess', 'ship-end': 'endEvent', 'ship-start': 'startEvent', shipped: 'intermediateThrowEvent', start: 'startEvent',
    });
  });

  it('connects nodes through flows, in document order', () => {
    assert.deepEqual(node(order, 'big').outgoing, ['large', 'small']);
    assert.deepEqual(node(order, 'merge').incoming, ['small', 'f3']);
    assert.deepEqual(node(order, 'start').incoming, []);
    assert.deepEqual(order.flows.get('f1'), { id: 'f1', sourceRef: 'start', targetRef: 'charge' });
    assert.equal(order.flows.size, 19);
  });

  it('keeps conditions trimmed and the default flow of an exclusive gateway', () => {
    assert.equal(order.flows.get('large')?.condition, '= order.total > 1000');
    assert.equal(order.flows.get('small')?.condition, undefined);
    assert.equal(node(order, 'big').defaultFlow, 'small');
  });

  it('gives job-based tasks their job: type, retries (default 3) and valid headers', () => {
    assert.deepEqual(node(order, 'charge').job, { type: 'charge-card', retries: '=maxRetries', headers: { currency: 'EUR' } });
    assert.deepEqual(node(order, 'notify').job, { type: 'notify', retries: '3', headers: {} });
    assert.equal(node(order, 'refund').job?.type, 'refund');
    assert.equal(node(order, 'classify').job?.type, 'classify');
    assert.equal(node(order, 'archive').job, undefined);
  });

  it('gives a user task the job real Zeebe gives a job-based user task', () => {
    assert.deepEqual(node(order, 'approve').job, {
      type: 'io.camunda.zeebe:userTask',
      retries: '1',
      headers: {
        priority: 'high',
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:ApproveForm',
        'io.camunda.zeebe:assignee': 'boss',
        'io.camunda.zeebe:candidateGroups': '["sales","managers"]',
      },
    });
  });

  it('keeps a job-based user task\'s static values as headers and its expressions and linked form for job creation', async () => {
    const extensions = extensionElements(
      '<zeebe:formDefinition formId="review-form"/>',
      '<zeebe:assignmentDefinition assignee="=owner" candidateGroups="sales" candidateUsers="=users"/>',
      '<zeebe:taskSchedule dueDate="=due" followUpDate="2027-01-01T09:00:00Z"/>',
    );
    const [p] = await accepted(model(...around('U', `<bpmn:userTask id="U">${extensions}</bpmn:userTask>`)));
    assert.ok(p);
    assert.deepEqual(node(p, 'U').job, {
      type: 'io.camunda.zeebe:userTask',
      retries: '1',
      headers: { 'io.camunda.zeebe:candidateGroups': '["sales"]', 'io.camunda.zeebe:followUpDate': '2027-01-01T09:00Z' },
      userTask: { formId: 'review-form', assignee: '=owner', candidateUsers: '=users', dueDate: '=due' },
    });
  });

  it('keeps input and output mappings in order', () => {
    assert.deepEqual(node(order, 'charge').ioMapping, {
      inputs: [{ source: '=order.total', target: 'amount' }, { source: 'static text', target: 'note' }],
      outputs: [{ source: '=receipt', target: 'order.receipt' }],
    });
    assert.deepEqual(node(order, 'start').ioMapping, { inputs: [], outputs: [{ source: '=orderId', target: 'order.id' }] });
    assert.equal(node(order, 'archive').ioMapping, undefined);
  });

  it('puts subprocess contents in the subprocess scope', () => {
    assert.deepEqual(node(order, 'ship').startEvents, ['ship-start']);
    for (const id of ['ship-start', 'fork', 'notify', 'pack', 'join', 'ship-end']) {
      assert.equal(node(order, id).flowScope, 'ship', id);
    }
    assert.equal(node(order, 'ship').flowScope, undefined);
    assert.equal(node(order, 'out-of-stock').flowScope, undefined);
  });

  it('describes error boundary events', () => {
    assert.deepEqual(
      { ...node(order, 'out-of-stock') },
      { id: 'out-of-stock', kind: 'boundaryEvent', attachedTo: 'ship', cancelActivity: true, eventKind: 'error', errorCode: 'OUT_OF_STOCK', incoming: [], outgoing: ['f9'] },
    );
    assert.equal(node(order, 'any-error').errorCode, undefined, 'no errorRef catches every error');
  });

  it('tells none from terminate end events', () => {
    assert.equal(node(order, 'done').eventKind, 'none');
    assert.equal(node(order, 'failed').eventKind, 'terminate');
    assert.equal(node(order, 'shipped').eventKind, 'none');
  });

  it('deploys every executable process of a file', async () => {
    const two = `<bpmn:process id="q" isExecutable="true"><bpmn:startEvent id="qs"/></bpmn:process>`;
    const xml = model(...around('T', serviceTask('T'))).replace('</bpmn:definitions>', `${two}</bpmn:definitions>`);
    const processes = await accepted(xml);
    assert.deepEqual(processes.map((p) => p.bpmnProcessId), ['p', 'q']);
  });

  it('drops task headers with an empty key or value, as real Zeebe does', async () => {
    const headers = '<zeebe:taskHeaders><zeebe:header key="" value="x"/><zeebe:header key="a" value="1"/></zeebe:taskHeaders>';
    const [p] = await accepted(model(...around('T', `<bpmn:serviceTask id="T">${extensionElements(taskDefinition(), headers)}</bpmn:serviceTask>`)));
    assert.deepEqual(p?.elements.get('T')?.job?.headers, { a: '1' });
  });
});
