import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCassette, startProxy, type RunningProxy } from '../../proxy/index.js';
import type { Profile } from '../../rules/index.js';
import { verify, type Verification, type VerifyTarget } from '../../suites/verify.js';
import { AUTHORIZED_TOKEN, engineWithClient, STRANGER_TOKEN } from '../support/engine-target.js';

const SEED = Number(process.env['PROPERTY_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const TOKENS = { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'not-a-valid-token', stranger: STRANGER_TOKEN };

/** A live gateway at `address` in one setting, as `verify --target` sees one. */
function liveTarget(address: string, multiTenancy: boolean): VerifyTarget {
  return {
    description: address,
    settings: [{ multiTenancy, authRequired: false }],
    unimplemented: [],
    hasStranger: true,
    partitions: 1,
    prepare: () => Promise.resolve({ address, tokens: TOKENS, release: () => Promise.resolve() }),
  };
}

const verdicts = (v: Verification): string[] => v.rules.map((r) => `${r.id}: ${r.verdict}${r.failures.length > 0 ? ` (${r.failures.map((f) => f.received).join(', ')})` : ''}`);
const acceptance = (v: Verification): string[] => v.acceptance.failures.map((f) => `${f.name}: ${f.received}`);

/** Issue 5: verify against the engine through the recording proxy gives the same verdict as directly. */
describe(`verify through the recording proxy (seed ${SEED})`, function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-verify-proxy-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const multiTenancy of [false, true]) {
    it(`gives every rule the verdict it gets directly (multi-tenancy ${multiTenancy ? 'on' : 'off'}), and records every call`, async () => {
      const direct = await engineWithClient({ multiTenancy });
      const proxied = await engineWithClient({ multiTenancy });
      const cassette = join(dir, `verify-${multiTenancy ? 'mt' : 'st'}.jsonl`);
      let proxy: RunningProxy | undefined;
      try {
        const [host, port] = proxied.engine.address.split(':') as [string, string];
        proxy = await startProxy({ host: '127.0.0.1', port: 0, target: { host, port: Number(port) }, record: cassette });
        let sent = 0;
        const options = { profile: 'documented' as Profile, rules: [], targetArgs: '', seed: SEED, runs: 3 };
        const viaProxy = await verify({ ...liveTarget(proxy.address, multiTenancy), prepare: () => Promise.resolve({ address: proxy?.address ?? '', tokens: TOKENS, onCall: () => { sent++; }, release: () => Promise.resolve() }) }, options);
        const straight = await verify(liveTarget(direct.engine.address, multiTenancy), options);
        assert.deepEqual(verdicts(viaProxy), verdicts(straight));
        assert.deepEqual(acceptance(viaProxy), acceptance(straight));
        assert.ok(viaProxy.rules.filter((r) => r.verdict === 'passed').length > 50, 'the run checked the rules for real');
        await proxy.stop();
        proxy = undefined;
        assert.equal(readCassette(cassette).calls.length, sent, 'every call the run sent is in the cassette');
      } finally {
        await proxy?.stop();
        await direct.close();
        await proxied.close();
      }
    });
  }
});
