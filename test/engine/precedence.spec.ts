import assert from 'node:assert/strict';
import type { RpcName } from '../../rules/index.js';
import { validRequest } from '../../suites/cases/valid-requests.js';
import { AUTHORIZED_TOKEN, engineWithClient } from '../support/engine-target.js';

interface Precedence {
  readonly title: string;
  readonly rpc: RpcName;
  readonly multiTenancy: boolean;
  readonly patch: Record<string, unknown>;
  readonly winner: string;
}

/** Which error wins when several apply, as spec/real-gateway.md describes the real gateway. */
const PRECEDENCE: readonly Precedence[] = [
  { title: 'tenants before broker checks', rpc: 'ActivateJobs', multiTenancy: true, patch: { tenantIds: [], maxJobsToActivate: 0, timeout: 0, type: '' }, winner: 'ActivateJobs/tenant/mt-on-empty-list' },
  { title: 'maxJobsToActivate, then timeout, then type', rpc: 'ActivateJobs', multiTenancy: false, patch: { maxJobsToActivate: 0, timeout: 0, type: '' }, winner: 'ActivateJobs/INVALID_ARGUMENT/max-jobs-below-1' },
  { title: 'timeout before type', rpc: 'ActivateJobs', multiTenancy: false, patch: { timeout: 0, type: '' }, winner: 'ActivateJobs/INVALID_ARGUMENT/timeout-below-1' },
  { title: 'stream: tenants first', rpc: 'StreamActivatedJobs', multiTenancy: true, patch: { tenantIds: ['a b'], type: '', timeout: 0 }, winner: 'StreamActivatedJobs/tenant/mt-on-illegal-chars' },
  { title: 'stream: type before timeout', rpc: 'StreamActivatedJobs', multiTenancy: false, patch: { type: '', timeout: 0 }, winner: 'StreamActivatedJobs/INVALID_ARGUMENT/type-empty' },
  { title: 'deploy: tenant before no resources', rpc: 'DeployResource', multiTenancy: true, patch: { tenantId: '', resources: [] }, winner: 'DeployResource/tenant/mt-on-blank' },
  { title: 'publish: invalid JSON before tenant', rpc: 'PublishMessage', multiTenancy: false, patch: { variables: '[1]', tenantId: 'x' }, winner: 'PublishMessage/INVALID_ARGUMENT/variables-not-object' },
  { title: 'signal: invalid JSON before tenant', rpc: 'BroadcastSignal', multiTenancy: true, patch: { variables: '{', tenantId: 'tenant-b' }, winner: 'BroadcastSignal/INVALID_ARGUMENT/variables-not-json' },
  { title: 'decision: invalid JSON before tenant', rpc: 'EvaluateDecision', multiTenancy: true, patch: { variables: '1', tenantId: '' }, winner: 'EvaluateDecision/INVALID_ARGUMENT/variables-not-object' },
  { title: 'tenant length before characters', rpc: 'PublishMessage', multiTenancy: true, patch: { tenantId: '!'.repeat(32) }, winner: 'PublishMessage/tenant/mt-on-too-long' },
  { title: 'tenant format before authorization', rpc: 'PublishMessage', multiTenancy: true, patch: { tenantId: 'not authorized' }, winner: 'PublishMessage/tenant/mt-on-illegal-chars' },
];

describe('engine gateway layer: which error wins', () => {
  for (const multiTenancy of [false, true]) {
    describe(`multi-tenancy ${multiTenancy ? 'on' : 'off'}`, () => {
      let target: Awaited<ReturnType<typeof engineWithClient>>;
      before(async () => {
        target = await engineWithClient({ multiTenancy });
      });
      after(() => target.close());

      for (const p of PRECEDENCE.filter((c) => c.multiTenancy === multiTenancy)) {
        it(`${p.rpc}: ${p.title}`, async () => {
          const request = { ...validRequest(p.rpc, multiTenancy), ...p.patch };
          const outcome = await target.client.call(p.rpc, request, { token: AUTHORIZED_TOKEN });
          assert.equal(outcome.ruleId, p.winner, `${outcome.status}: ${outcome.details}`);
        });
      }
    });
  }
});
