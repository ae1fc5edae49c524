import { sdkClient } from '../clients/sdk-client.js';
import { processFixture, waitFor, deferred, within } from '../clients/support.js';
import { zbctl, type ZbctlRun } from './support.js';

/** What each zbctl command of the session printed (exit code and output). */
export type SessionRuns = Readonly<Record<string, ZbctlRun | undefined>>;

/** The zbctl session: deploy, create, activate and complete the job, then cancel the finished instance (NOT_FOUND). */
export async function zbctlSession(address: string): Promise<SessionRuns> {
  const deploy = await zbctl(address, 'deploy', 'resource', processFixture('one-task.bpmn'));
  const create = await zbctl(address, 'create', 'instance', 'one-task', '--variables', '{"orderId":7}');
  const activate = await zbctl(address, 'activate', 'jobs', 'one-task-work', '--worker', 'w1', '--maxJobsToActivate', '1', '--requestTimeout', '2s');
  const jobKey = (JSON.parse(activate.stdout || '{"jobs":[]}') as { jobs: { key: string }[] }).jobs[0]?.key ?? 'none';
  const complete = await zbctl(address, 'complete', 'job', jobKey, '--variables', '{"paid":true}');
  const instanceKey = (JSON.parse(create.stdout || '{}') as { processInstanceKey?: string }).processInstanceKey ?? 'none';
  const cancel = await zbctl(address, 'cancel', 'instance', instanceKey);
  return { deploy, create, activate, complete, cancel };
}

/**
 * The mixed session: zbctl deploys and creates, an @camunda8/sdk worker long-polls (the poll is open before the
 * instance exists) and completes the job, then zbctl cancels the finished instance (NOT_FOUND).
 */
export async function mixedSession(address: string): Promise<{ runs: SessionRuns; jobKey: string }> {
  const zeebe = sdkClient(address);
  try {
    const deploy = await zbctl(address, 'deploy', 'resource', processFixture('one-task.bpmn'));
    const got = deferred<string>();
    const worker = zeebe.createWorker({
      taskType: 'one-task-work',
      longPoll: 30_000,
      timeout: 60_000,
      maxJobsToActivate: 1,
      id: 'sdk-worker',
      taskHandler: async (job) => {
        const done = await job.complete({ paid: true });
        got.resolve(job.key);
        return done;
      },
    });
    await waitFor('the worker to open its long poll', () => ((worker as unknown as { jobStream?: unknown }).jobStream === undefined ? undefined : true));
    await new Promise((r) => setTimeout(r, 300));
    const create = await zbctl(address, 'create', 'instance', 'one-task', '--variables', '{"orderId":7}');
    const jobKey = await within(10_000, 'the long-polling worker to get the job', got.promise);
    await new Promise((r) => setTimeout(r, 200));
    await worker.close(1000);
    const instanceKey = (JSON.parse(create.stdout || '{}') as { processInstanceKey?: string }).processInstanceKey ?? 'none';
    const cancel = await zbctl(address, 'cancel', 'instance', instanceKey);
    return { runs: { deploy, create, cancel }, jobKey };
  } finally {
    await zeebe.close(1000);
  }
}
