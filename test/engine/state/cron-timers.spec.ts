import assert from 'node:assert/strict';
import { eventTarget, type EventTarget } from '../../support/event-target.js';
import { fixture } from '../../support/processes.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Cron timer cycles over gRPC on a manual clock, which starts on Thursday 2026-01-01 00:00 UTC. */
describe('engine events: cron timer cycles', () => {
  let t: EventTarget;
  afterEach(() => t.close());

  it('starts an instance at 09:00 UTC on each weekday for `0 0 9 * * MON-FRI`, none at the weekend', async () => {
    t = await eventTarget(['cron-timers.bpmn']);
    const startedBy = (ms: number): number => {
      t.clock.advance(ms);
      return t.instances();
    };
    assert.equal(startedBy(9 * HOUR - 1), 0, 'Thursday 08:59:59.999');
    assert.equal(startedBy(1), 1, 'Thursday 09:00');
    assert.equal(startedBy(DAY - 1), 1, 'Friday 08:59:59.999');
    assert.equal(startedBy(1), 2, 'Friday 09:00');
    assert.equal(startedBy(3 * DAY - 1), 2, 'nothing on Saturday and Sunday, Monday 08:59:59.999');
    assert.equal(startedBy(1), 3, 'Monday 09:00');
    assert.equal((await t.jobs('cron-started')).length, 3);
  });

  it('repeats a non-interrupting cron boundary event (a FEEL timeCycle) while the activity runs, and stops with it', async () => {
    t = await eventTarget(['cron-timers.bpmn']);
    t.clock.advance(3 * MINUTE);
    await t.create('cron-boundary', { reminders: '0 */10 * * * *' });
    t.clock.advance(7 * MINUTE - 1);
    assert.deepEqual(await t.jobs('cron-reminder'), [], 'not before 00:10');
    t.clock.advance(1);
    await t.completeOne('cron-reminder');
    t.clock.advance(10 * MINUTE);
    await t.completeOne('cron-reminder');
    t.clock.advance(10 * MINUTE);
    await t.completeOne('cron-reminder');
    await t.completeOne('cron-work');
    t.clock.advance(HOUR);
    assert.deepEqual(await t.jobs('cron-reminder'), [], 'the timer closed with the activity');
    assert.equal(t.instances(), 0);
  });

  it('raises an incident when a FEEL timeCycle is not a valid cron expression', async () => {
    t = await eventTarget(['cron-timers.bpmn']);
    await t.create('cron-boundary', { reminders: '0 0 25 * * *' });
    const [incident] = t.target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.match(incident.message, /hour '25': 25 is not in 0-23/);
  });

  it('never fires a cron cycle that matches no time (31 February), and the activity goes on', async () => {
    t = await eventTarget(['cron-timers.bpmn']);
    await t.create('cron-boundary', { reminders: '0 0 0 31 2 *' });
    t.clock.advance(4 * 366 * DAY);
    assert.deepEqual(await t.jobs('cron-reminder'), []);
    assert.deepEqual(t.target.engine.inspect().incidents, []);
    const running = t.instances();
    await t.completeOne('cron-work');
    assert.equal(t.instances(), running - 1, 'the instance completes (the others are the weekday start timer\'s)');
  });

  it('starts a non-interrupting event subprocess every hour for `@hourly`', async () => {
    t = await eventTarget(['cron-timers.bpmn']);
    t.clock.advance(30 * MINUTE);
    await t.create('cron-subprocess');
    t.clock.advance(30 * MINUTE);
    await t.completeOne('cron-hourly');
    t.clock.advance(HOUR);
    await t.completeOne('cron-hourly');
    await t.completeOne('cron-wait');
    assert.equal(t.instances(), 0);
  });

  it('refuses to deploy a broken static cron cycle with INVALID_ARGUMENT, naming the element and the problem', async () => {
    t = await eventTarget([]);
    const xml = fixture('cron-timers.bpmn').toString('utf8').replace('0 0 9 * * MON-FRI', '0 0 9 * * MON-FRY');
    const refused = await t.call('DeployResource', { resources: [{ name: 'cron-timers.bpmn', content: Buffer.from(xml) }] });
    assert.equal(refused.status, 'INVALID_ARGUMENT');
    assert.match(refused.details, /cron-start-start/);
    assert.match(refused.details, /Invalid timer cycle expression \(Invalid cycle '0 0 9 \* \* MON-FRY' for expression '0 0 9 \* \* MON-FRY': expected an ISO-8601 cycle or a cron expression; day-of-week 'MON-FRY'/);
  });
});
