import assert from 'node:assert/strict';
import { Client, credentials, Metadata, Server, ServerCredentials, status } from '@grpc/grpc-js';
import fc from 'fast-check';
import { RPC_NAMES, type Profile } from '../../rules/index.js';
import { AUTHORIZED_TENANT, PARTITION_ONE_KEY, validRequest } from '../../suites/cases/valid-requests.js';
import type { CallOutcome } from '../../suites/harness/client.js';
import { AUTHORIZED_TOKEN, engineWithClient } from '../support/engine-target.js';
import { NASTY_PAYLOADS, badAuthorization, loadGatewayRoot, rawBytesArbitrary, requestArbitrary, requestTypes } from './fuzz-arbitraries.js';
import { CrashWatch, FuzzChannel, assertAnswered, encodingMethods, invoke, isValidStatus, rawMethods, type FuzzMethod } from './fuzz-harness.js';

/**
 * Acceptance: random bytes and random field values sent to every method never crash or hang the engine;
 * every answer is a valid gRPC status. FUZZ_SEED pins fast-check's seed; FUZZ_RUNS scales the runs;
 * FUZZ_REPORT=1 prints the number of calls per status.
 */
const pinnedSeed = process.env['FUZZ_SEED'];
const scale = Number(process.env['FUZZ_RUNS'] ?? '1');

/** Runs a property; on failure, reports the first failing call and the seed that replays it (no shrinking: each failing candidate waits out a deadline). */
async function holds<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  const seed = pinnedSeed === undefined ? {} : { seed: Number(pinnedSeed) };
  const result = await fc.check(property, { numRuns: Math.max(1, Math.round(numRuns * scale)), endOnFailure: true, ...seed });
  if (!result.failed) return;
  const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  assert.fail(`${cause}\n  (run ${result.numRuns}; replay with FUZZ_SEED=${result.seed})`);
}

const root = loadGatewayRoot();
const types = requestTypes(root);
const typeOf = (rpc: string) => types.get(rpc) ?? assert.fail(`no request type for ${rpc}`);
const tally = new Map<string, number>();
const crashes = new CrashWatch();
const RAW = rawMethods();
const ENCODING = encodingMethods();
const method = <T>(methods: FuzzMethod<T>[], rpc: string) => methods.find((m) => m.name === rpc) ?? assert.fail(`no method ${rpc}`);
const bearer = (token: string | undefined): Metadata => {
  const metadata = new Metadata();
  if (token !== undefined) metadata.set('authorization', `Bearer ${token}`);
  return metadata;
};
const brief = (value: unknown): string => {
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
  return text.length > 200 ? `${text.slice(0, 200)}... (${text.length} chars)` : text;
};

const SETTINGS: readonly { multiTenancy: boolean; profile: Profile }[] = [
  { multiTenancy: false, profile: 'documented' },
  { multiTenancy: true, profile: 'zeebe-8.5' },
];

describe('engine fuzzing: random bytes and field values never crash or hang the engine', () => {
  before(() => crashes.start());
  after(() => {
    crashes.stop();
    if (process.env['FUZZ_REPORT'] === '1') console.error(`fuzz calls per status: ${JSON.stringify(Object.fromEntries(tally))}`);
  });

  it('covers every method of the service', () => {
    assert.deepEqual(RAW.map((m) => m.name).sort(), [...RPC_NAMES].sort());
  });

  for (const setting of SETTINGS) describeSetting(setting);
  describeAuthRequired();
  describeRegressions();
  describeSelfCheck();
});

function describeSetting({ multiTenancy, profile }: { multiTenancy: boolean; profile: Profile }): void {
  describe(`multi-tenancy ${multiTenancy ? 'on' : 'off'}, profile ${profile}`, () => {
    let target: Awaited<ReturnType<typeof engineWithClient>>;
    let channel: FuzzChannel;
    let baseline: CallOutcome;
    const valid = (): Promise<CallOutcome> =>
      target.client.call('PublishMessage', validRequest('PublishMessage', multiTenancy), { token: AUTHORIZED_TOKEN });
    before(async () => {
      target = await engineWithClient({ profile, multiTenancy });
      channel = new FuzzChannel(target.engine.address, tally, crashes);
      baseline = await valid();
    });
    after(async () => {
      channel.close();
      await target.close();
    });

    for (const m of RAW) {
      it(`${m.name}: hand-picked malformed and random bytes`, async () => {
        for (const [title, bytes] of NASTY_PAYLOADS) assertAnswered(await channel.call(m, bytes), `${m.name} with ${title}`);
        const property = fc.asyncProperty(rawBytesArbitrary(typeOf(m.name)), async (bytes) => {
          assertAnswered(await channel.call(m, bytes), `${m.name} with bytes ${bytes.toString('hex').slice(0, 80)}`);
        });
        await holds(property, 60);
      });
    }

    for (const m of ENCODING) {
      it(`${m.name}: random field values`, async () => {
        const property = fc.asyncProperty(requestArbitrary(typeOf(m.name)), fc.boolean(), async (request, authorized) => {
          const outcome = await channel.call(m, request, bearer(authorized ? AUTHORIZED_TOKEN : undefined));
          assertAnswered(outcome, `${m.name} with ${brief(request)}`);
        });
        await holds(property, 80);
      });
    }

    it('refuses a request above the 4 MiB limit with RESOURCE_EXHAUSTED', async () => {
      const outcome = await channel.call(method(RAW, 'PublishMessage'), Buffer.alloc(4 * 1024 * 1024 + 16));
      assertAnswered(outcome, 'PublishMessage of 4 MiB + 16 bytes');
      assert.equal(outcome.code, status.RESOURCE_EXHAUSTED, outcome.details);
    });

    it('still answers afterwards: Topology is OK, a valid request gets the same answer as before', async () => {
      const topology = await target.client.call('Topology', {});
      assert.equal(topology.status, 'OK', topology.details);
      const now = await valid();
      assert.deepEqual({ ...now, responses: now.responses.length }, { ...baseline, responses: baseline.responses.length });
    });
  });
}

function describeAuthRequired(): void {
  describe('authentication required, random authorization values', () => {
    let target: Awaited<ReturnType<typeof engineWithClient>>;
    let channel: FuzzChannel;
    let jwtLike: string[];
    before(async () => {
      target = await engineWithClient({ multiTenancy: true, authRequired: true });
      channel = new FuzzChannel(target.engine.address, tally, crashes);
      const [header, , signature] = (await target.engine.issueToken('x', [AUTHORIZED_TENANT])).split('.');
      jwtLike = [await target.engine.issueToken('late', [AUTHORIZED_TENANT], -60), `${header}.e30.${signature}`, `${header}..`];
    });
    after(async () => {
      channel.close();
      await target.close();
    });

    it('answers UNAUTHENTICATED to Topology and PublishMessage with any bad token', async () => {
      const rpcs = fc.constantFrom('Topology', 'PublishMessage');
      const values = badAuthorization(jwtLike).filter((v) => !v.includes(AUTHORIZED_TOKEN));
      const property = fc.asyncProperty(values, rpcs, async (authorization, rpc) => {
        const metadata = new Metadata();
        metadata.set('authorization', authorization);
        const outcome = await channel.call(method(ENCODING, rpc), validRequest(rpc, true), metadata);
        assertAnswered(outcome, `${rpc} with authorization ${JSON.stringify(authorization)}`);
        assert.equal(outcome.code, status.UNAUTHENTICATED, `${rpc} with authorization ${JSON.stringify(authorization)}: ${outcome.details}`);
      });
      await holds(property, 200);
    });

    it('still lets the authorized caller in', async () => {
      const outcome = await channel.call(method(ENCODING, 'Topology'), {}, bearer(AUTHORIZED_TOKEN));
      assert.equal(outcome.code, status.OK, outcome.details);
    });
  });
}

/** Single calls distilled from what the fuzzing above found (a crash, a hang, a handler that throws), kept as plain reproducers. */
function describeRegressions(): void {
  describe('reproducers of what fuzzing found', () => {
    let target: Awaited<ReturnType<typeof engineWithClient>>;
    let channel: FuzzChannel;
    before(async () => {
      target = await engineWithClient({});
      channel = new FuzzChannel(target.engine.address, tally, crashes);
    });
    after(async () => {
      channel.close();
      await target.close();
    });

    it('answers variables that are not JSON and start with an astral character (its JSON.parse message holds a lone surrogate)', async () => {
      const outcome = await channel.call(method(ENCODING, 'PublishMessage'), { name: 'm', variables: '💥' });
      assertAnswered(outcome, 'PublishMessage with variables "💥"');
      assert.equal(outcome.code, status.INVALID_ARGUMENT, outcome.details);
    });

    it('rejects a variable instruction holding an integer beyond 64 bits without throwing', async () => {
      const instruction = { elementId: 'a', variableInstructions: [{ variables: '{"a":99999999999999999999}' }] };
      const request = { processInstanceKey: PARTITION_ONE_KEY, activateInstructions: [instruction] };
      const outcome = await channel.call(method(ENCODING, 'ModifyProcessInstance'), request);
      assertAnswered(outcome, 'ModifyProcessInstance with variables {"a":99999999999999999999}');
    });

    it('answers a rejection whose details exceed 64 KiB (a tenant id of 100000 characters)', async () => {
      const outcome = await channel.call(method(ENCODING, 'PublishMessage'), { name: 'm', tenantId: 'x'.repeat(100_000) });
      assertAnswered(outcome, 'PublishMessage with a tenant id of 100000 characters');
      assert.notEqual(outcome.code, status.OK, outcome.details);
    });
  });
}

function describeSelfCheck(): void {
  describe('self-check: the helpers can fail', () => {
    it('rejects status codes outside 0..16', () => {
      assert.ok([0, 2, 16].every(isValidStatus));
      assert.ok(![-1, 17, 2.5, Number.NaN, undefined].some(isValidStatus));
      const answer = { code: 17, details: '', messages: 0, elapsedMs: 1, hung: false };
      assert.throws(() => assertAnswered(answer, 'Code17'), /undefined gRPC status 17/);
    });

    it('reports a call the server never answers as a hang', async () => {
      const server = new Server();
      const id = (b: Buffer): Buffer => b;
      const definition = { Hang: { path: '/fuzz.Silent/Hang', requestStream: false, responseStream: false, requestSerialize: id, requestDeserialize: id, responseSerialize: id, responseDeserialize: id } };
      server.addService(definition, { Hang: () => undefined });
      const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p)));
      });
      const client = new Client(`127.0.0.1:${port}`, credentials.createInsecure());
      try {
        const silent = { name: 'Hang', path: '/fuzz.Silent/Hang', responseStream: false, serialize: id };
        const outcome = await invoke(client, silent, Buffer.alloc(0), { deadlineMs: 200 });
        assert.throws(() => assertAnswered(outcome, 'Hang'), /Hang: no answer within/);
      } finally {
        client.close();
        server.forceShutdown();
      }
    });
  });
}
