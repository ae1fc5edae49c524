/** Pieces of the BPMN documents the cases and properties deploy, so every model is written the same way. */

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
  'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="conformance-defs" targetNamespace="http://zeebe-conformance-kit">';

/** A document of one executable process `id` of `body`, after the root elements `roots` (messages, errors). */
export const processDocument = (id: string, body: string, roots = ''): Buffer =>
  Buffer.from(`${HEAD}${roots}<bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`);

/** A sequence flow. */
export const flow = (id: string, from: string, to: string): string => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;

/** A none start event with one outgoing flow. */
export const start = (id: string, out: string): string => `<bpmn:startEvent id="${id}"><bpmn:outgoing>${out}</bpmn:outgoing></bpmn:startEvent>`;

/** A none end event with one incoming flow. */
export const end = (id: string, incoming: string): string => `<bpmn:endEvent id="${id}"><bpmn:incoming>${incoming}</bpmn:incoming></bpmn:endEvent>`;

/** A job task of job `type` (`attributes` go on its task definition, e.g. ` retries="2"`). */
export const jobTask = (element: 'serviceTask' | 'sendTask', id: string, type: string, incoming: string, outgoing: string, attributes = ''): string =>
  `<bpmn:${element} id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"${attributes}/></bpmn:extensionElements>` +
  `<bpmn:incoming>${incoming}</bpmn:incoming><bpmn:outgoing>${outgoing}</bpmn:outgoing></bpmn:${element}>`;
