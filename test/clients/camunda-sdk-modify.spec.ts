import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine, type RunningEngine } from '../../engine/index.js';
import { sdkClient, type ZeebeClient } from './sdk-client.js';

const fixture = (name: string): string => join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'modify', name);

/** `@camunda8/sdk` 8.6 modifies and migrates process instances on the engine with its own request shapes. */
describe('@camunda8/sdk modifies and migrates process instances on the engine', function () {
  this.timeout(20_000);
  let engine: RunningEngine;
  let zeebe: ZeebeClient;
  before(async () => {
    engine = await startEngine();
    zeebe = sdkClient(engine.address);
  });
  afterEach(() => engine.reset());
  after(async () => {
    await zeebe.close(1000);
    await engine.stop();
  });
  const activate = (type: string) => zeebe.activateJobs({ type, worker: 'sdk-test', maxJobsToActivate: 5, timeout: 60_000, requestTimeout: -1 });

  it('moves a token from a to b with variables (modifyProcessInstance), and the instance completes', async () => {
    await zeebe.deployResource({ processFilename: fixture('two-tasks.bpmn') });
    const { processInstanceKey } = await zeebe.createProcessInstance({ bpmnProcessId: 'modify-two-tasks', variables: {} });
    const [a] = await activate('modify-a');
    assert.ok(a);
    await zeebe.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'b', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: '', variables: { moved: true } }] }],
      terminateInstructions: [{ elementInstanceKey: a.elementInstanceKey }],
    });
    const [b] = await activate('modify-b');
    assert.ok(b);
    assert.deepEqual({ ...b.variables }, { moved: true });
    await zeebe.completeJob({ jobKey: b.key, variables: {} });
    assert.equal(engine.inspect().instances, 0);
  });

  it('migrates an instance to version 2 (migrateProcessInstance); its job then reports the new definition', async () => {
    await zeebe.deployResource({ processFilename: fixture('order-v1.bpmn') });
    const { processInstanceKey } = await zeebe.createProcessInstance({ bpmnProcessId: 'migrate-order', variables: {} });
    const v2 = await zeebe.deployResource({ processFilename: fixture('order-v2.bpmn') });
    const targetProcessDefinitionKey = v2.deployments[0]?.process.processDefinitionKey ?? '';
    await zeebe.migrateProcessInstance({ processInstanceKey, migrationPlan: { targetProcessDefinitionKey, mappingInstructions: [{ sourceElementId: 'charge', targetElementId: 'charge-v2' }] } });
    const [charge] = await activate('migrate-charge');
    assert.deepEqual({ elementId: charge?.elementId, version: charge?.processDefinitionVersion, bpmnProcessId: charge?.bpmnProcessId }, { elementId: 'charge-v2', version: 2, bpmnProcessId: 'migrate-order' });
    await assert.rejects(
      zeebe.migrateProcessInstance({ processInstanceKey, migrationPlan: { targetProcessDefinitionKey, mappingInstructions: [] } }),
      /no mapping instruction defined for active element with id 'charge-v2'/,
    );
  });
});
