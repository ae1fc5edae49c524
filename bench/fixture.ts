/** The process the message benchmark keeps waiting: start → message catch event (`bench`, key `=key`) → end. */
export function fixtureBpmn(): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
      'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench-defs" targetNamespace="http://zeebe-conformance-kit">' +
      '<bpmn:message id="m" name="bench"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message>' +
      '<bpmn:process id="message-bench" isExecutable="true"><bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>' +
      '<bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition id="md" messageRef="m"/></bpmn:intermediateCatchEvent>' +
      '<bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/><bpmn:endEvent id="end"/></bpmn:process></bpmn:definitions>',
  );
}
