import assert from 'node:assert/strict';
import { deploy } from '../../support/processes.js';
import { driver, variablesOf } from '../../support/drive.js';
import { engineWithClient, type EngineWithClient } from '../../support/engine-target.js';

/** Business rule tasks with zeebe:calledDecision, driven over gRPC. */
describe('engine state: business rule task with a called decision', () => {
  let target: EngineWithClient;
  beforeEach(async () => {
    target = await engineWithClient();
  });
  afterEach(() => target.close());
  const incidents = () => target.engine.inspect().incidents;

  it('evaluates the decision named by the expression and stores the output in the result variable', async () => {
    await deploy(target.client, ['hit-policies.dmn', 'called-decision.bpmn']);
    const run = driver(target.client);
    await run.create('called-decision', { decision: 'first', amount: 50 });
    const [job] = await run.activate('decision-after');
    assert.deepEqual(variablesOf(job), { decision: 'first', amount: 50, size: 'medium' });
    await run.create('called-decision', { decision: 'collect-sum', amount: 500 });
    assert.equal(variablesOf((await run.activate('decision-after'))[0]).size, 111);
  });

  it('raises CALLED_DECISION_ERROR for an unknown decision; after deploying it, resolving the incident evaluates it', async () => {
    await deploy(target.client, ['called-decision.bpmn']);
    const run = driver(target.client);
    await run.create('called-decision', { decision: 'first', amount: 1 });
    const [incident] = incidents();
    assert.equal(incident?.type, 'CALLED_DECISION_ERROR');
    assert.equal(incident.message, "Expected to evaluate decision 'first', but no decision found for id 'first'");
    await deploy(target.client, ['hit-policies.dmn']);
    assert.equal((await target.client.call('ResolveIncident', { incidentKey: incident.key })).status, 'OK');
    assert.equal(variablesOf((await run.activate('decision-after'))[0]).size, 'small');
  });

  it('raises DECISION_EVALUATION_ERROR when the evaluation fails, and again when resolved without a fix', async () => {
    await deploy(target.client, ['hit-policies.dmn', 'called-decision.bpmn']);
    await driver(target.client).create('called-decision', { decision: 'unique-overlap', amount: 7 });
    const [incident] = incidents();
    assert.equal(incident?.type, 'DECISION_EVALUATION_ERROR');
    assert.match(incident.message, /^Expected to evaluate decision 'unique-overlap', but multiple rules matched/);
    await target.client.call('ResolveIncident', { incidentKey: incident.key });
    assert.deepEqual(incidents().map((i) => i.type), ['DECISION_EVALUATION_ERROR']);
  });

  it('rejects a called decision without a result variable at deployment, naming the attribute', async () => {
    const xml = (await import('node:fs')).readFileSync(new URL('../../fixtures/processes/called-decision.bpmn', import.meta.url), 'utf8').replace(' resultVariable="size"', '');
    const outcome = await target.client.call('DeployResource', { resources: [{ name: 'no-result.bpmn', content: Buffer.from(xml) }] });
    assert.equal(outcome.status, 'INVALID_ARGUMENT');
    assert.match(outcome.details, /Attribute 'resultVariable' must be present and not empty/);
  });
});
