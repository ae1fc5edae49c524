/**
 * Every real model (the repository's copy of `../shared/models/`) through the real gRPC API of the reference
 * engine: deployed as `test/model/shared-models-expectations.ts` says (accepted with what it deploys, or rejected with
 * INVALID_ARGUMENT naming the resource and the problem), redeployed identically (same versions and keys), and every
 * accepted process with a none start event run to its end by a generic worker, without incidents
 * (`shared-models-run-plans.ts` holds the variables each model needs).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { manualClock, startEngine, type ManualClock, type RunningEngine } from '../../engine/index.js';
import { parseResource, type ExecutableProcess } from '../../engine/model/index.js';
import type { RpcName } from '../../rules/index.js';
import { createGatewayClient, type CallOutcome, type GatewayClient } from '../../suites/harness/client.js';
import { SHARED_MODEL_EXPECTATIONS, type Expectation } from '../model/shared-models-expectations.js';
import { KNOWN_REJECTION_GAPS, RUN_PLANS, type RunPlan } from './shared-models-run-plans.js';
import { realModelsDir } from '../support/real-models.js';

const MODELS = realModelsDir();
/** Activation rounds (every job type once per round) before a run counts as stuck. */
const STEP_LIMIT = 25;

interface Deployed {
  readonly process?: { bpmnProcessId: string; version: number; processDefinitionKey: string; resourceName: string };
  readonly decisionRequirements?: { dmnDecisionRequirementsId: string; version: number; decisionRequirementsKey: string; resourceName: string };
  readonly decision?: { dmnDecisionId: string; version: number; decisionKey: string; dmnDecisionRequirementsId: string };
  readonly form?: { formId: string; version: number; formKey: string; resourceName: string };
}

interface Job {
  readonly key: string;
  readonly bpmnProcessId: string;
  readonly type: string;
  readonly elementId: string;
  readonly processInstanceKey: string;
  readonly variables: string;
  readonly customHeaders: string;
  readonly retries: number;
}

/** What a finished run did: the job elements it completed, and how it ended. */
interface RunResult {
  readonly jobs: string[];
  readonly completed: boolean;
  readonly problem: string;
}

const isAccepted = (e: Expectation): e is Extract<Expectation, { outcome: 'accepted' }> => e.outcome === 'accepted';
const isBpmn = (e: Expectation): e is Extract<Expectation, { processes: readonly string[] }> => 'processes' in e;

describe('real models from ../shared/models, deployed and run over gRPC', function () {
  const present = existsSync(MODELS);
  let engine: RunningEngine;
  let client: GatewayClient;
  let clock: ManualClock;
  const counts = { deployed: 0, run: 0, rejected: 0, gaps: 0 };

  before(async function () {
    if (!present) {
      this.skip();
    }
    clock = manualClock();
    engine = await startEngine({ clock });
    client = createGatewayClient({ address: engine.address });
  });
  beforeEach(() => engine.reset());
  after(async () => {
    client.close();
    await engine.stop();
    if (present) console.error(`      shared models: ${counts.deployed} deployed, ${counts.run} run to completion, ${counts.rejected} rejected, ${counts.gaps} known engine gaps`);
  });

  const call = async (rpc: RpcName, request: object): Promise<CallOutcome> => client.call(rpc, request);
  const deploy = (name: string): Promise<CallOutcome> => call('DeployResource', { resources: [{ name, content: readFileSync(join(MODELS, name)) }] });

  it('has an expectation for every file of the folder, and a file for every expectation', () => {
    const files = readdirSync(MODELS).filter((name) => name !== 'README.md').sort();
    assert.deepEqual(files, Object.keys(SHARED_MODEL_EXPECTATIONS).sort());
  });

  it('has a run plan for every accepted BPMN file, and an accepted BPMN file for every plan', () => {
    const bpmn = Object.entries(SHARED_MODEL_EXPECTATIONS).filter(([, e]) => isBpmn(e)).map(([name]) => name);
    assert.deepEqual(Object.keys(RUN_PLANS).sort(), bpmn.sort());
  });

  for (const [name, expected] of Object.entries(SHARED_MODEL_EXPECTATIONS)) {
    it(`${name}: ${expected.outcome}${isBpmn(expected) ? ', run' : ''}`, async () => {
      const outcome = await deploy(name);
      if (!isAccepted(expected)) {
        if (assertRejected(name, expected, outcome)) counts.gaps++;
        counts.rejected++;
        return;
      }
      assert.equal(outcome.status, 'OK', `${name}: ${outcome.status} ${outcome.details}`);
      const { deployments } = outcome.responses[0] as { deployments: Deployed[] };
      assertDeployed(name, expected, deployments);
      const again = await deploy(name);
      assert.equal(again.status, 'OK', again.details);
      assert.deepEqual((again.responses[0] as { deployments: Deployed[] }).deployments, deployments, 'an identical redeploy keeps versions and keys');
      counts.deployed++;
      if (!isBpmn(expected)) return;

      const plan = RUN_PLANS[name];
      assert.ok(plan, `no run plan for ${name}`);
      const parsed = await parseResource(name, readFileSync(join(MODELS, name)));
      assert.ok(parsed.ok && parsed.value.kind === 'bpmn', 'the model parses');
      for (const process of parsed.value.processes) {
        if (process.noneStartEvent === undefined) {
          const refused = await call('CreateProcessInstance', { bpmnProcessId: process.bpmnProcessId, version: -1, variables: '' });
          assert.equal(refused.status, 'FAILED_PRECONDITION', refused.details);
          assert.equal(refused.ruleId, 'CreateProcessInstance/FAILED_PRECONDITION/no-none-start-event');
          continue;
        }
        const processPlan: RunPlan = plan.byProcess?.[process.bpmnProcessId] ?? plan;
        const result = await run(process, parsed.value.processes, processPlan);
        if (plan.knownGap !== undefined) {
          assert.ok(!result.completed, `known engine gap no longer reproduces, remove it from the plan: ${plan.knownGap}`);
          counts.gaps++;
          continue;
        }
        assert.ok(result.completed, `${process.bpmnProcessId} did not complete: ${result.problem}`);
        assert.deepEqual([...result.jobs].sort(), [...processPlan.jobs].sort(), 'the jobs the run passed');
        counts.run++;
      }
    });
  }

  /** Applies the plan's next event (a message, or time passing); false when there is none left. */
  async function nextEvent(plan: RunPlan, index: number): Promise<boolean> {
    const event = plan.events?.[index];
    if (event === undefined) return false;
    if ('advanceMs' in event) {
      clock.advance(event.advanceMs);
      return true;
    }
    const { name, correlationKey, variables } = event.publish;
    const published = await call('PublishMessage', { name, correlationKey, timeToLive: 0, messageId: '', variables: JSON.stringify(variables ?? {}) });
    assert.equal(published.status, 'OK', published.details);
    return true;
  }

  /**
   * Creates an instance and completes every job it makes (its own, and those of the child instances its call
   * activities start from processes of the same file), until it is gone, stuck, or the step limit is hit.
   */
  async function run(process: ExecutableProcess, fileProcesses: readonly ExecutableProcess[], plan: RunPlan): Promise<RunResult> {
    const types = [...new Set(fileProcesses.flatMap((p) => jobTypes(p, plan)))];
    const created = await call('CreateProcessInstance', { bpmnProcessId: process.bpmnProcessId, version: -1, variables: JSON.stringify(plan.variables ?? {}) });
    assert.equal(created.status, 'OK', created.details);
    const { processInstanceKey } = created.responses[0] as { processInstanceKey: string };
    const jobs: string[] = [];
    let events = 0;
    for (let step = 0; step < STEP_LIMIT && engine.inspect().instances > 0; step++) {
      const stuck = engine.inspect().incidents;
      if (stuck.length > 0) return { jobs, completed: false, problem: `incidents: ${JSON.stringify(stuck)}` };
      let worked = 0;
      for (const type of types) {
        const activated = await call('ActivateJobs', { type, worker: 'shared-models', timeout: 60_000, maxJobsToActivate: 32, requestTimeout: -1, fetchVariable: [] });
        assert.equal(activated.status, 'OK', activated.details);
        for (const job of activated.responses.flatMap((r) => (r as { jobs: Job[] }).jobs)) {
          const owner = fileProcesses.find((p) => p.bpmnProcessId === job.bpmnProcessId);
          assert.ok(owner, `a job of ${job.bpmnProcessId}, not of this file`);
          if (owner === process) assert.equal(job.processInstanceKey, processInstanceKey);
          assertJobOf(owner, job, plan.headers?.[job.elementId]);
          assertSees(job, plan.sees?.[job.elementId]);
          const completed = await call('CompleteJob', { jobKey: job.key, variables: JSON.stringify(plan.complete?.[job.elementId] ?? {}) });
          assert.equal(completed.status, 'OK', `CompleteJob of ${job.elementId}: ${completed.details}`);
          jobs.push(job.elementId);
          worked++;
        }
      }
      if (worked === 0 && !(await nextEvent(plan, events++))) break;
    }
    const { instances, jobs: openJobs, incidents } = engine.inspect();
    if (instances > 0) {
      return { jobs, completed: false, problem: `still running after ${jobs.length} jobs (${openJobs} open jobs of types ${types.join(', ')}), incidents: ${JSON.stringify(incidents)}` };
    }
    const cancel = await call('CancelProcessInstance', { processInstanceKey });
    assert.equal(cancel.status, 'NOT_FOUND', 'the completed instance is gone');
    assert.equal(cancel.ruleId, 'CancelProcessInstance/NOT_FOUND/no-such-instance');
    assert.deepEqual(incidents, []);
    assert.equal(openJobs, 0, 'no job outlives its instance');
    return { jobs, completed: true, problem: '' };
  }
});

/** The job types of a process; a `=name` type is the value the plan gives that variable. */
function jobTypes(process: ExecutableProcess, plan: RunPlan): string[] {
  if (plan.jobTypes) return [...plan.jobTypes];
  const types = new Set<string>();
  for (const element of process.elements.values()) {
    const type = element.job?.type;
    if (type === undefined) continue;
    if (!type.startsWith('=')) {
      types.add(type);
      continue;
    }
    const value = plan.variables?.[type.slice(1).trim()];
    assert.ok(typeof value === 'string', `job type ${type} of ${element.id}: give the plan a string variable for it`);
    types.add(value);
  }
  return [...types];
}

/** The job carries its element's static retries, its task headers and the evaluated ones the plan names. */
function assertJobOf(process: ExecutableProcess, job: Job, evaluated: Readonly<Record<string, string>> = {}): void {
  const definition = process.elements.get(job.elementId)?.job;
  assert.ok(definition, `a job of ${job.elementId}, which defines none`);
  if (!definition.retries.startsWith('=')) assert.equal(job.retries, Number(definition.retries), `the retries of the job at ${job.elementId}`);
  assert.deepEqual(JSON.parse(job.customHeaders), { ...definition.headers, ...evaluated }, `the custom headers of the job at ${job.elementId}`);
}

function assertSees(job: Job, expected: Readonly<Record<string, unknown>> | undefined): void {
  if (expected === undefined) return;
  const variables = JSON.parse(job.variables) as Record<string, unknown>;
  const seen = Object.fromEntries(Object.keys(expected).map((k) => [k, variables[k]]));
  assert.deepEqual(seen, expected, `the variables of the job at ${job.elementId}`);
}

function assertDeployed(name: string, expected: Extract<Expectation, { outcome: 'accepted' }>, deployments: readonly Deployed[]): void {
  if ('processes' in expected) {
    assert.deepEqual(deployments.map((d) => d.process?.bpmnProcessId), expected.processes);
    for (const d of deployments) assert.deepEqual([d.process?.version, d.process?.resourceName], [1, name]);
  } else if ('drg' in expected) {
    const [drg, ...decisions] = deployments;
    assert.equal(drg?.decisionRequirements?.dmnDecisionRequirementsId, expected.drg);
    assert.equal(drg.decisionRequirements.resourceName, name);
    assert.deepEqual(decisions.map((d) => d.decision?.dmnDecisionId), expected.decisions);
    for (const d of decisions) assert.equal(d.decision?.dmnDecisionRequirementsId, expected.drg);
  } else {
    assert.deepEqual(deployments.map((d) => [d.form?.formId, d.form?.version, d.form?.resourceName]), [[expected.form, 1, name]]);
  }
}

/** Checks a rejection; true when it is a known engine gap (and the gap still shows). */
function assertRejected(name: string, expected: Exclude<Expectation, { outcome: 'accepted' }>, outcome: CallOutcome): boolean {
  assert.equal(outcome.status, 'INVALID_ARGUMENT', `${name}: expected a rejection, got ${outcome.status}`);
  assert.match(outcome.ruleId ?? '', /^DeployResource\/INVALID_ARGUMENT\//);
  assert.ok(outcome.details.includes(`'${name}'`), `the rejection names the resource:\n${outcome.details}`);
  const problems = expected.outcome === 'rejected-invalid'
    ? expected.says
    : expected.uses.map((u) => `of type '${u.type}'${u.with === undefined ? '' : ` with '${u.with}'`} is not supported`);
  const missing = problems.filter((text) => !outcome.details.includes(text));
  const gap = KNOWN_REJECTION_GAPS[name];
  if (gap === undefined) {
    assert.deepEqual(missing, [], `the rejection does not say all it should; got:\n${outcome.details}`);
  } else {
    assert.ok(missing.length > 0, `known engine gap no longer reproduces, remove it from KNOWN_REJECTION_GAPS: ${gap}`);
    assert.notEqual(missing.length, problems.length, 'some problem is still named');
  }
  return gap !== undefined;
}
