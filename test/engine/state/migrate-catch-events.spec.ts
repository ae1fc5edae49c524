import assert from 'node:assert/strict';
import { migrationRequest } from '../../../suites/cases/modify-cases.js';
import { manualClock, type ManualClock } from '../../../engine/index.js';
import type { Profile } from '../../../rules/index.js';
import { engineWithClient } from '../../support/engine-target.js';
import { driver, type Driver } from './modification-support.js';

type Target = Awaited<ReturnType<typeof engineWithClient>>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * MigrateProcessInstance with timer, signal and message boundary events on the active task, over gRPC on a manual
 * clock: a mapped boundary event keeps its subscription (due date, repetitions, signal name, correlation key) and
 * fires as the target event; an unmapped one is closed; the target's unmapped ones are opened at migration.
 */
describe('engine state: MigrateProcessInstance with boundary events', () => {
  let target: Target;
  let clock: ManualClock;
  let d: Driver;
  const start = async (profile: Profile = 'documented'): Promise<void> => {
    clock = manualClock();
    target = await engineWithClient({ clock, profile });
    d = driver(target.client);
  };
  afterEach(() => target.close());
  const migrate = (processInstanceKey: string, targetProcessDefinitionKey: string, mappings: [string, string][]) =>
    target.client.call('MigrateProcessInstance', migrationRequest(processInstanceKey, targetProcessDefinitionKey, mappings));
  const migrated = async (processInstanceKey: string, targetKey: string, mappings: [string, string][]): Promise<void> => {
    const answer = await migrate(processInstanceKey, targetKey, mappings);
    assert.equal(answer.status, 'OK', answer.details);
  };
  /** The types of the jobs waiting, completed at once (so that the job timeout, on the manual clock, brings none back). */
  const types = async (...jobTypes: string[]): Promise<string[]> => {
    const jobs = (await Promise.all(jobTypes.map((type) => d.jobs(type)))).flat();
    for (const job of jobs) await d.complete(job.key);
    return jobs.map((j) => j.type);
  };
  const broadcast = async (signalName: string): Promise<void> => {
    assert.equal((await target.client.call('BroadcastSignal', { signalName, variables: '{}' })).status, 'OK');
  };
  const publish = async (name: string, correlationKey: string): Promise<void> => {
    const published = await target.client.call('PublishMessage', { name, correlationKey, timeToLive: 0, messageId: '', variables: '{}', tenantId: '' });
    assert.equal(published.status, 'OK', published.details);
  };

  it('a mapped timer keeps its due date and fires as the target boundary event, taking its flow', async () => {
    await start();
    await d.deploy('timer-boundary.bpmn');
    const pi = await d.start('tb-source');
    const targetKey = await d.deploy('timer-boundary-target.bpmn');
    clock.advance(30 * MINUTE);
    await migrated(pi, targetKey, [['task', 'task'], ['t1', 't2']]);
    clock.advance(30 * MINUTE - 1);
    assert.deepEqual(await types('tb-caught-v1', 'tb-caught-v2'), [], 'not yet: the due date is the source timer\'s');
    clock.advance(1);
    assert.deepEqual(await types('tb-caught-v1', 'tb-caught-v2'), ['tb-caught-v2'], 'fired at the original due date, as t2 (not after t2\'s 10 hours)');
    assert.deepEqual(await d.jobs('tb-work'), [], 'the interrupting target event ended the task');
  });

  it('an unmapped source timer is closed and an unmapped target timer opens at migration with its own duration', async () => {
    await start();
    await d.deploy('timer-boundary.bpmn');
    const pi = await d.start('tb-source');
    const targetKey = await d.deploy('timer-boundary-target.bpmn');
    clock.advance(30 * MINUTE);
    await migrated(pi, targetKey, [['task', 'task']]);
    clock.advance(HOUR);
    assert.deepEqual(await types('tb-caught-v1', 'tb-caught-v2'), [], 't1\'s due date passed: it was closed');
    clock.advance(9 * HOUR - 1);
    assert.deepEqual(await types('tb-caught-v2'), [], 't2 counts from the migration');
    clock.advance(1);
    assert.deepEqual(await types('tb-caught-v1', 'tb-caught-v2'), ['tb-caught-v2']);
  });

  it('a mapped timer cycle keeps its pending due date and remaining repetitions, then takes the target\'s interval', async () => {
    await start();
    await d.deploy('cycle-boundary.bpmn');
    const pi = await d.start('cb-source');
    const targetKey = await d.deploy('cycle-boundary-target.bpmn');
    clock.advance(10 * MINUTE);
    const [first] = await d.jobs('cb-caught-v1');
    assert.ok(first, 'the first of three repetitions, before the migration');
    await d.complete(first.key);
    await migrated(pi, targetKey, [['task', 'task'], ['c1', 'c2']]);
    clock.advance(10 * MINUTE);
    assert.deepEqual(await types('cb-caught-v1', 'cb-caught-v2'), ['cb-caught-v2'], 'the second, due 10 minutes on, fired as c2');
    clock.advance(HOUR - 1);
    assert.deepEqual(await types('cb-caught-v2'), [], 'the third waits for c2\'s interval (one hour), not c1\'s');
    clock.advance(1);
    assert.deepEqual(await types('cb-caught-v2'), ['cb-caught-v2']);
    clock.advance(5 * HOUR);
    assert.deepEqual(await types('cb-caught-v1', 'cb-caught-v2'), [], 'three repetitions in all, not c2\'s five');
    assert.equal((await d.jobs('cb-work')).length, 1, 'the non-interrupting events left the task active');
  });

  it('a mapped signal subscription keeps its signal name and triggers the target boundary event', async () => {
    await start();
    await d.deploy('signal-boundary.bpmn');
    const pi = await d.start('sb-source');
    const targetKey = await d.deploy('signal-boundary-target.bpmn');
    await migrated(pi, targetKey, [['task', 'task'], ['s1', 's2']]);
    await broadcast('sb-b');
    assert.deepEqual(await types('sb-caught-v1', 'sb-caught-v2'), [], 'the subscription still waits for the source\'s signal name');
    await broadcast('sb-a');
    assert.deepEqual(await types('sb-caught-v1', 'sb-caught-v2'), ['sb-caught-v2']);
    assert.deepEqual(await d.jobs('sb-work'), []);
  });

  it('an unmapped signal subscription is closed and the target\'s signal boundary event subscribes', async () => {
    await start();
    await d.deploy('signal-boundary.bpmn');
    const pi = await d.start('sb-source');
    const targetKey = await d.deploy('signal-boundary-target.bpmn');
    await migrated(pi, targetKey, [['task', 'task']]);
    await broadcast('sb-a');
    assert.deepEqual(await types('sb-caught-v1', 'sb-caught-v2'), []);
    await broadcast('sb-b');
    assert.deepEqual(await types('sb-caught-v1', 'sb-caught-v2'), ['sb-caught-v2']);
  });

  it('a mapped message subscription keeps the correlation key it was opened with', async () => {
    await start();
    await d.deploy('message-boundary.bpmn');
    const pi = await d.start('mb-source', { key: 'order-1' });
    const targetKey = await d.deploy('message-boundary-target.bpmn');
    assert.equal((await target.client.call('SetVariables', { elementInstanceKey: pi, variables: '{"key":"order-2"}', local: false })).status, 'OK');
    await migrated(pi, targetKey, [['task', 'task'], ['b', 'b2']]);
    await publish('mb-cancel', 'order-2');
    assert.deepEqual(await types('mb-caught-v1', 'mb-caught-v2'), [], 'the key is not evaluated again');
    await publish('mb-cancel', 'order-1');
    assert.deepEqual(await types('mb-caught-v1', 'mb-caught-v2'), ['mb-caught-v2']);
  });

  it('an unmapped message subscription is closed and the target\'s opens with its correlation key evaluated at migration', async () => {
    await start();
    await d.deploy('message-boundary.bpmn');
    const pi = await d.start('mb-source', { key: 'order-1' });
    const targetKey = await d.deploy('message-boundary-renamed.bpmn');
    assert.equal((await target.client.call('SetVariables', { elementInstanceKey: pi, variables: '{"key":"order-2"}', local: false })).status, 'OK');
    await migrated(pi, targetKey, [['task', 'task']]);
    await publish('mb-cancel', 'order-1');
    await publish('mb-stop', 'order-1');
    assert.deepEqual(await types('mb-caught-v1', 'mb-caught-v3'), []);
    await publish('mb-stop', 'order-2');
    assert.deepEqual(await types('mb-caught-v1', 'mb-caught-v3'), ['mb-caught-v3']);
  });

  it('refuses a timer mapped to a signal boundary event, a detached timer and two timers mapped to one, changing nothing', async () => {
    await start();
    await d.deploy('timer-boundaries.bpmn');
    const pi = await d.start('tb-two');
    const signalTarget = await d.deploy('signal-boundary-target.bpmn');
    const changed = await migrate(pi, signalTarget, [['task', 'task'], ['t1', 's2']]);
    assert.equal(changed.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/event-type-changed', changed.details);
    assert.match(changed.details, /catch event with id 't1' and event type 'TIMER' is mapped to a catch event with id 's2' and different event type 'SIGNAL'/);
    const timerTarget = await d.deploy('timer-boundary-target.bpmn');
    const twice = await migrate(pi, timerTarget, [['task', 'task'], ['t1', 't2'], ['t1b', 't2']]);
    assert.equal(twice.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/catch-event-mapped-twice', twice.details);
    const detached = await migrate(pi, timerTarget, [['task', 't2-caught'], ['t1', 't2']]);
    assert.equal(detached.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/boundary-event-detached', detached.details);
    clock.advance(HOUR);
    assert.deepEqual(await types('tb-caught-v1', 'tb-caught-v2'), ['tb-caught-v1'], 'the instance stayed on its definition: t1 fired');
  });

  it('refuses timer and signal boundary events as unsupported in profile zeebe-8.5, as real Zeebe 8.5 does', async () => {
    await start('zeebe-8.5');
    await d.deploy('timer-boundary.bpmn');
    const pi = await d.start('tb-source');
    const signalTarget = await d.deploy('signal-boundary-target.bpmn');
    const source = await migrate(pi, signalTarget, [['task', 'task']]);
    assert.equal(source.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unsupported-scenario');
    assert.match(source.details, /active element with id 'task' has one or more boundary events of types 'TIMER'/);
    await d.deploy('order-v1.bpmn');
    const plain = await d.start('migrate-order');
    const target85 = await migrate(plain, signalTarget, [['charge', 'task']]);
    assert.equal(target85.ruleId, 'MigrateProcessInstance/FAILED_PRECONDITION/unsupported-scenario');
    assert.match(target85.details, /target element with id 'task' has one or more boundary events of types 'SIGNAL'/);
  });
});
