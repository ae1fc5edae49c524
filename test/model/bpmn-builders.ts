/** Small BPMN snippets for the model tests, and assertions on parse outcomes. */
import assert from 'node:assert/strict';

import { parseResource, type ExecutableProcess, type ParsedResource } from '../../engine/model/index.js';

const NAMESPACES =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** XML-escapes text for an attribute value or element body, so tests can write plain FEEL. */
export const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A whole BPMN document: `<definitions>` with the given root elements. */
export const definitions = (...roots: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions ${NAMESPACES} id="Definitions_1" targetNamespace="t">${roots.join('')}</bpmn:definitions>`;

/** An executable process with the given flow elements. */
export const process = (id: string, ...elements: string[]): string =>
  `<bpmn:process id="${id}" isExecutable="true">${elements.join('')}</bpmn:process>`;

/** A document with one executable process `p`. */
export const model = (...elements: string[]): string => definitions(process('p', ...elements));

export const extensionElements = (...values: string[]): string =>
  `<bpmn:extensionElements>${values.join('')}</bpmn:extensionElements>`;

export const start = (id = 'start', inner = ''): string => `<bpmn:startEvent id="${id}">${inner}</bpmn:startEvent>`;
export const end = (id = 'end', inner = ''): string => `<bpmn:endEvent id="${id}">${inner}</bpmn:endEvent>`;
export const task = (id: string, inner = ''): string => `<bpmn:task id="${id}">${inner}</bpmn:task>`;
export const taskDefinition = (type = 'work', retries?: string): string =>
  `<zeebe:taskDefinition type="${esc(type)}"${retries === undefined ? '' : ` retries="${esc(retries)}"`}/>`;
export const serviceTask = (id: string, ...extensions: string[]): string =>
  `<bpmn:serviceTask id="${id}">${extensionElements(...(extensions.length === 0 ? [taskDefinition()] : extensions))}</bpmn:serviceTask>`;
export const exclusiveGateway = (id: string, defaultFlow?: string): string =>
  `<bpmn:exclusiveGateway id="${id}"${defaultFlow === undefined ? '' : ` default="${defaultFlow}"`}/>`;
export const parallelGateway = (id: string): string => `<bpmn:parallelGateway id="${id}"/>`;
export const subProcess = (id: string, ...elements: string[]): string => `<bpmn:subProcess id="${id}">${elements.join('')}</bpmn:subProcess>`;
export const condition = (body: string): string =>
  `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(body)}</bpmn:conditionExpression>`;
export const flow = (id: string, source: string, target: string, conditionBody?: string): string =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"${
    conditionBody === undefined ? '/>' : `>${condition(conditionBody)}</bpmn:sequenceFlow>`
  }`;
export const errorBoundary = (id: string, attachedTo: string, errorRef?: string, interrupting = true): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"${interrupting ? '' : ' cancelActivity="false"'}>` +
  `<bpmn:errorEventDefinition id="${id}_def"${errorRef === undefined ? '' : ` errorRef="${errorRef}"`}/></bpmn:boundaryEvent>`;
export const error = (id: string, code?: string): string =>
  `<bpmn:error id="${id}"${code === undefined ? '' : ` errorCode="${code}"`}/>`;
export const ioMapping = (...mappings: string[]): string => `<zeebe:ioMapping>${mappings.join('')}</zeebe:ioMapping>`;
export const input = (source: string, target: string): string => `<zeebe:input source="${esc(source)}" target="${esc(target)}"/>`;
export const output = (source: string, target: string): string => `<zeebe:output source="${esc(source)}" target="${esc(target)}"/>`;

/** start → (one element `id`) → end, the smallest valid process around an element. */
export const around = (id: string, element: string): string[] => [
  start(), element, end(), flow('f1', 'start', id), flow('f2', id, 'end'),
];

/** Parses a document as `name` (default `test.bpmn`). */
export const parse = (xml: string, name = 'test.bpmn'): ReturnType<typeof parseResource> =>
  parseResource(name, Buffer.from(xml, 'utf8'));

/** Asserts the BPMN document is accepted and returns its processes. */
export async function accepted(xml: string): Promise<readonly ExecutableProcess[]> {
  const result = await parse(xml);
  assert.ok(result.ok, result.ok ? '' : `expected acceptance, got:\n${result.error}`);
  const value: ParsedResource = result.value;
  assert.ok(value.kind === 'bpmn', `expected BPMN, got ${value.kind}`);
  return value.processes;
}

/** Asserts the document is accepted and returns its only process. */
export async function acceptedProcess(xml: string): Promise<ExecutableProcess> {
  const [only, ...more] = await accepted(xml);
  assert.ok(only !== undefined && more.length === 0, 'expected exactly one process');
  return only;
}

/** Asserts the document is rejected and returns the whole reason. */
export async function rejected(xml: string, name = 'test.bpmn'): Promise<string> {
  const result = await parse(xml, name);
  assert.ok(!result.ok, 'expected a rejection, but the resource was accepted');
  return result.error;
}

/** Asserts the rejection names the element and says the message about it, in real Zeebe's format. */
export async function rejectedWith(xml: string, element: string, message: string): Promise<string> {
  const reason = await rejected(xml);
  const block = `- Element: ${element}\n`;
  const at = reason.indexOf(block);
  assert.ok(at >= 0, `expected a problem about '${element}', got:\n${reason}`);
  const lines: string[] = [];
  for (const line of reason.slice(at + block.length).split('\n')) {
    if (!line.startsWith('    - ')) {
      break;
    }
    lines.push(line);
  }
  assert.ok(
    lines.some((line) => line.includes(message)),
    `expected '${element}' to have the problem '${message}', got:\n${reason}`,
  );
  return reason;
}
