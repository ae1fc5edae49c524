import assert from 'node:assert/strict';
import { eventTarget, type EventTarget } from '../../support/event-target.js';
import { definitions, end, esc, flow, process, serviceTask, start, taskDefinition } from '../../model/bpmn-builders.js';

const timer = (type: 'timeCycle' | 'timeDate' | 'timeDuration', value: string): string =>
  `<bpmn:timerEventDefinition id="td"><bpmn:${type}>${esc(value)}</bpmn:${type}></bpmn:timerEventDefinition>`;

/** A process `p` started by a timer start event `start` (then a job of type `started`). */
const timerStarted = (type: 'timeCycle' | 'timeDate', value: string): Buffer =>
  Buffer.from(definitions(process('p', start('start', timer(type, value)), serviceTask('T', taskDefinition('started')), end(), flow('f1', 'start', 'T'), flow('f2', 'T', 'end'))));

/** A process whose non-interrupting event subprocess starts on a timer (with a job of type `sub`). */
const eventSubprocessTimer = (value: string): Buffer =>
  Buffer.from(definitions(process('q',
    start(), serviceTask('W', taskDefinition('wait')), end(), flow('f1', 'start', 'W'), flow('f2', 'W', 'end'),
    `<bpmn:subProcess id="S" triggeredByEvent="true"><bpmn:startEvent id="ss" isInterrupting="false">${timer('timeDuration', value)}</bpmn:startEvent>`,
    serviceTask('ST', taskDefinition('sub')), '<bpmn:endEvent id="se"/>', flow('sf1', 'ss', 'ST'), flow('sf2', 'ST', 'se'), '</bpmn:subProcess>',
  )));

/**
 * Timer start events of a process whose timer is a FEEL expression: Zeebe evaluates it at deployment without
 * variables (TimerCatchEventExpressionValidator) and refuses the deployment when that fails. Over gRPC, manual clock.
 */
describe('engine events: FEEL timer start events at deployment', () => {
  let t: EventTarget;
  beforeEach(async () => {
    t = await eventTarget([]);
  });
  afterEach(() => t.close());

  const deploy = (content: Buffer): ReturnType<EventTarget['call']> =>
    t.call('DeployResource', { resources: [{ name: 'timer.bpmn', content }] });

  it('schedules a FEEL cycle evaluated at deployment, and fires it', async () => {
    const deployed = await deploy(timerStarted('timeCycle', '="R2/PT" + string(30) + "S"'));
    assert.equal(deployed.status, 'OK', deployed.details);
    t.clock.advance(29_999);
    assert.equal(t.instances(), 0);
    t.clock.advance(1);
    assert.equal(t.instances(), 1);
    t.clock.advance(30_000);
    assert.equal((await t.jobs('started')).length, 2, 'R2: two instances');
  });

  it('schedules a FEEL date-time value', async () => {
    const deployed = await deploy(timerStarted('timeDate', `=date and time("${new Date(t.clock.now() + 60_000).toISOString()}")`));
    assert.equal(deployed.status, 'OK', deployed.details);
    t.clock.advance(60_000);
    assert.equal(t.instances(), 1);
  });

  it('refuses a FEEL cycle that needs a variable: null is no STRING', async () => {
    const refused = await deploy(timerStarted('timeCycle', '=cycle'));
    assert.equal(refused.status, 'INVALID_ARGUMENT');
    assert.match(refused.details, /- Element: start\n\s+- ERROR: Invalid timer cycle expression \(Expected result of the expression 'cycle' to be 'STRING', but was 'NULL'\./);
    t.clock.advance(365 * 86_400_000);
    assert.equal(t.instances(), 0, 'nothing was deployed, nothing scheduled');
  });

  it('refuses a FEEL date that is not a date-time, and a FEEL cycle that is not a cycle', async () => {
    const date = await deploy(timerStarted('timeDate', '="tomorrow"'));
    assert.equal(date.status, 'INVALID_ARGUMENT');
    assert.match(date.details, /Invalid timer date expression \(Invalid date-time format 'tomorrow' for expression '"tomorrow"'\.\)/);
    const wrongType = await deploy(timerStarted('timeDate', '=42'));
    assert.match(wrongType.details, /Invalid timer date expression \(Expected result of the expression '42' to be one of '\[DATE_TIME, STRING\]', but was 'NUMBER'\.\)/);
    const cycle = await deploy(timerStarted('timeCycle', '="0 0 25 * * *"'));
    assert.equal(cycle.status, 'INVALID_ARGUMENT');
    assert.match(cycle.details, /Invalid timer cycle expression \(.*hour '25': 25 is not in 0-23/);
  });

  it('does not evaluate an event subprocess timer at deployment: it is evaluated per instance', async () => {
    const deployed = await deploy(eventSubprocessTimer('=wait'));
    assert.equal(deployed.status, 'OK', deployed.details);
    await t.create('q', { wait: 'PT1M' });
    t.clock.advance(60_000);
    assert.equal((await t.jobs('sub')).length, 1);
    await t.create('q', { wait: 'soon' });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.equal(incident.message, "Invalid duration format 'soon' for expression 'wait'.");
  });
});
