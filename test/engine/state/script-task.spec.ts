import assert from 'node:assert/strict';
import { deploy } from '../../support/processes.js';
import { driver, variablesOf } from '../../support/drive.js';
import { engineWithClient, type EngineWithClient } from '../../support/engine-target.js';

/** Script tasks with zeebe:script (a FEEL expression the engine evaluates), driven over gRPC. */
describe('engine state: script task with zeebe:script', () => {
  let target: EngineWithClient;
  beforeEach(async () => {
    target = await engineWithClient();
  });
  afterEach(() => target.close());

  it('stores each result in its result variable; output mappings decide what leaves the task', async () => {
    await deploy(target.client, ['script-task.bpmn']);
    const run = driver(target.client);
    const items = [{ price: 70 }, { price: 45.5 }];
    await run.create('script-task', { items });
    const [job] = await run.activate('script-ship');
    assert.deepEqual(variablesOf(job), { items, total: 115.5, label: 'BIG' }, "`size` stayed local to the task with an output mapping");
    await run.create('script-task', { items: [] });
    assert.deepEqual(variablesOf((await run.activate('script-ship'))[0]), { items: [], total: null, label: 'SMALL' }, 'FEEL: the sum of no numbers is null');
    assert.deepEqual(target.engine.inspect().incidents, []);
  });

  it('a failed evaluation (a FEEL assert) is an EXTRACT_VALUE_ERROR incident; resolving it evaluates again', async () => {
    await deploy(target.client, ['script-task.bpmn']);
    const run = driver(target.client);
    const pi = await run.create('script-task', {});
    const [incident] = target.engine.inspect().incidents;
    assert.equal(incident?.type, 'EXTRACT_VALUE_ERROR');
    assert.match(incident.message, /^failed to evaluate expression 'assert\(.*\)': no items to sum$/);
    await target.client.call('SetVariables', { elementInstanceKey: pi, variables: JSON.stringify({ items: [{ price: 1 }] }), local: false });
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.deepEqual(variablesOf((await run.activate('script-ship'))[0]), { items: [{ price: 1 }], total: 1, label: 'SMALL' });
  });
});
