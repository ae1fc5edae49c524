/** parseResource: resource types, checksums, unreadable documents, and the DMN and form resources. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { parseResource } from '../../engine/model/index.js';
import { around, definitions, model, rejected, serviceTask, start } from './bpmn-builders.js';

const VALID_BPMN = model(...around('T', serviceTask('T')));

const dmn = (body: string, namespace = 'https://www.omg.org/spec/DMN/20191111/MODEL/'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="${namespace}" id="drg" name="Dishes" namespace="n">${body}</definitions>`;
const DECISION =
  '<decision id="dish" name="Dish"><decisionTable id="dt"><input id="i"><inputExpression id="ie" typeRef="string"><text>season</text></inputExpression></input>' +
  '<output id="o" name="dish" typeRef="string"/><rule id="r"><inputEntry id="ri"><text>"Fall"</text></inputEntry><outputEntry id="ro"><text>"Spareribs"</text></outputEntry></rule></decisionTable></decision>';

const parse = (name: string, text: string): ReturnType<typeof parseResource> => parseResource(name, Buffer.from(text, 'utf8'));

async function error(name: string, text: string): Promise<string> {
  const result = await parse(name, text);
  assert.ok(!result.ok, `expected ${name} to be rejected`);
  return result.error;
}

describe('parseResource', () => {
  describe('resource types (by name suffix, as real Zeebe)', () => {
    for (const name of ['order.bpmn', 'order.xml', 'dir/order.bpmn']) {
      it(`reads ${name} as BPMN`, async () => {
        const result = await parse(name, VALID_BPMN);
        assert.ok(result.ok && result.value.kind === 'bpmn');
      });
    }

    for (const name of ['order.txt', 'order.BPMN', 'order', 'order.bpmn.bak']) {
      it(`rejects ${name} as an unknown resource type`, async () => {
        assert.equal(await error(name, VALID_BPMN), `\n'${name}': unknown resource type`);
      });
    }
  });

  it('gives the sha256 hex of the bytes as checksum, the same for the same bytes', async () => {
    const bytes = Buffer.from(VALID_BPMN, 'utf8');
    const first = await parseResource('a.bpmn', bytes);
    const again = await parseResource('a.bpmn', Buffer.from(bytes));
    assert.ok(first.ok && again.ok);
    assert.equal(first.value.checksum, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(again.value.checksum, first.value.checksum);
    const changed = await parseResource('a.bpmn', Buffer.from(VALID_BPMN.replace('work', 'other'), 'utf8'));
    assert.ok(changed.ok && changed.value.checksum !== first.value.checksum);
  });

  describe('BPMN documents that cannot be read', () => {
    it('rejects broken XML', async () => {
      assert.match(await error('b.bpmn', '<bpmn:definitions'), /^'b\.bpmn': Failed to parse BPMN: /);
    });

    it('rejects a document that is not XML at all', async () => {
      assert.match(await error('b.bpmn', 'hello'), /^'b\.bpmn': Failed to parse BPMN: /);
    });

    it('rejects a root element other than bpmn:definitions', async () => {
      const reason = await error('b.bpmn', '<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="p"/>');
      assert.match(reason, /^'b\.bpmn': Failed to parse BPMN: .*<bpmn:process>/);
    });

    it('rejects duplicate element ids, naming the id', async () => {
      const reason = await rejected(model(start('s'), '<bpmn:endEvent id="s"/>'));
      assert.match(reason, /^'test\.bpmn': Failed to parse BPMN: .*duplicate ID <s>/);
    });

    it('rejects unknown BPMN elements', async () => {
      assert.match(await rejected(model('<bpmn:foo id="x"/>')), /Failed to parse BPMN: .*<bpmn:foo>/);
    });

    it('rejects text where only elements may be', async () => {
      assert.match(await rejected(model('<bpmn:task id="t"><bpmn:extensionElements>oops</bpmn:extensionElements></bpmn:task>')), /Failed to parse BPMN: .*oops/);
    });

    it('accepts a diagram that refers to a missing element, as real Zeebe does', async () => {
      const diagram = '<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="gone"/></bpmndi:BPMNDiagram>';
      const result = await parse('d.bpmn', VALID_BPMN.replace('</bpmn:definitions>', `${diagram}</bpmn:definitions>`));
      assert.ok(result.ok);
    });

    it('rejects a file without an executable process', async () => {
      const reason = await rejected(definitions('<bpmn:process id="p" isExecutable="false"><bpmn:startEvent id="s"/></bpmn:process>'));
      assert.equal(reason, "'test.bpmn': - Element: Definitions_1\n    - ERROR: Must contain at least one executable process\n");
    });
  });

  it('formats problems like real Zeebe: grouped per element, each line ending in a newline', async () => {
    const reason = await rejected(model(...around('T', '<bpmn:serviceTask id="T"/>'), '<bpmn:serviceTask id="U"/>'));
    assert.equal(
      reason,
      "'test.bpmn': - Element: T\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n" +
        "- Element: U\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element\n",
    );
  });

  describe('DMN', () => {
    it('reads the decision requirements graph and its decisions', async () => {
      const result = await parse('dishes.dmn', dmn(`${DECISION}<inputData id="season" name="Season"/>`));
      assert.ok(result.ok && result.value.kind === 'dmn');
      const { drg } = result.value;
      assert.deepEqual({ id: drg.id, name: drg.name, decisions: drg.decisions }, { id: 'drg', name: 'Dishes', decisions: [{ id: 'dish', name: 'Dish' }] });
      assert.equal((drg.definitions as { $type?: string }).$type, 'dmn:Definitions');
    });

    for (const [version, namespace] of [['1.1', 'http://www.omg.org/spec/DMN/20151101/dmn.xsd'], ['1.2', 'http://www.omg.org/spec/DMN/20180521/MODEL/']] as const) {
      it(`reads DMN ${version} too`, async () => {
        const result = await parse('dishes.dmn', dmn(DECISION, namespace));
        assert.ok(result.ok && result.value.kind === 'dmn' && result.value.drg.decisions.length === 1);
      });
    }

    it('rejects broken XML', async () => {
      assert.match(await error('d.dmn', '<definitions'), /^'d\.dmn': Failed to parse DMN: /);
    });

    it('rejects a document that is not DMN', async () => {
      assert.match(await error('d.dmn', VALID_BPMN), /^'d\.dmn': Failed to parse DMN: /);
    });

    it('rejects a DRG without decisions', async () => {
      assert.equal(
        await error('d.dmn', dmn('<inputData id="season" name="Season"/>')),
        "'d.dmn': Expected the decision requirements graph 'drg' to contain at least one decision, but none found",
      );
    });

    it('rejects a DRG without id', async () => {
      const text = dmn(DECISION).replace(' id="drg"', '');
      assert.equal(await error('d.dmn', text), "'d.dmn': Expected the decision requirements graph to have an id, but none given");
    });

    it('rejects a decision without id', async () => {
      const text = dmn(DECISION.replace('id="dish" ', ''));
      assert.equal(await error('d.dmn', text), "'d.dmn': Expected every decision to have an id, but a decision has none");
    });
  });

  describe('forms', () => {
    it('reads the form id', async () => {
      const result = await parse('f.form', JSON.stringify({ id: 'invoice', components: [] }));
      assert.ok(result.ok && result.value.kind === 'form');
      assert.deepEqual(result.value.form, { id: 'invoice' });
    });

    it('rejects JSON that does not parse, in real Zeebe words', async () => {
      assert.match(await error('f.form', '{"id": '), /^Failed to parse form JSON\. 'f\.form': /);
    });

    it('rejects JSON that is not an object', async () => {
      assert.match(await error('f.form', '["invoice"]'), /^Failed to parse form JSON\. 'f\.form': Expected a JSON object/);
    });

    it('rejects a form without id', async () => {
      assert.equal(await error('f.form', '{"components": []}'), 'Expected the form id to be present, but none given');
    });

    it('rejects a blank id', async () => {
      assert.equal(await error('f.form', '{"id": "  "}'), 'Expected the form id to be filled, but it is blank');
    });

    it('rejects an id that is an object', async () => {
      assert.match(await error('f.form', '{"id": {"a": 1}}'), /^Failed to parse form JSON\. 'f\.form': Expected the form id to be a string/);
    });
  });
});
