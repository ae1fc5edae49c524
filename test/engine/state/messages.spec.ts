import assert from 'node:assert/strict';
import { manualClock, type ManualClock } from '../../../engine/index.js';
import { engineWithClient, type EngineWithClient } from '../../support/engine-target.js';

/** PublishMessage buffering by time to live and message ids; BroadcastSignal's answer. */
describe('engine state: published messages and broadcast signals', () => {
  let target: EngineWithClient;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = manualClock();
    target = await engineWithClient({ clock, topology: { partitions: 3 } });
  });
  afterEach(() => target.close());

  const publish = (overrides: object = {}) =>
    target.client.call('PublishMessage', { name: 'order-paid', correlationKey: 'order-1', messageId: 'm-1', timeToLive: 1000, variables: '{"paid":true}', ...overrides });

  it('buffers a message for its time to live: the same id is ALREADY_EXISTS until then, and welcome after', async () => {
    const first = await publish();
    assert.equal(first.status, 'OK');
    assert.equal((first.responses[0] as { tenantId: string }).tenantId, '<default>');
    assert.equal(target.engine.inspect().messages, 1);
    const again = await publish();
    assert.equal(again.status, 'ALREADY_EXISTS');
    assert.equal(again.ruleId, 'PublishMessage/ALREADY_EXISTS/duplicate-message-id');
    assert.match(again.details, /Expected to publish a new message with id 'm-1', but a message with that id was already published/);
    clock.advance(1000);
    assert.equal(target.engine.inspect().messages, 0);
    assert.equal((await publish()).status, 'OK');
  });

  it('scopes the id to name and correlation key, and never buffers a message with time to live 0 or no id', async () => {
    await publish();
    assert.equal((await publish({ name: 'other' })).status, 'OK');
    assert.equal((await publish({ correlationKey: 'order-2' })).status, 'OK');
    assert.equal((await publish({ messageId: 'ttl-0', timeToLive: 0 })).status, 'OK');
    assert.equal((await publish({ messageId: 'ttl-0', timeToLive: 0 })).status, 'OK');
    assert.equal((await publish({ messageId: '' })).status, 'OK');
    assert.equal((await publish({ messageId: '' })).status, 'OK');
  });

  it('puts a message on the partition of its correlation key, the same one every time', async () => {
    const partition = (key: string): bigint => BigInt(key) >> 51n;
    const keyOf = async (correlationKey: string): Promise<string> =>
      ((await publish({ correlationKey, messageId: '', timeToLive: 0 })).responses[0] as { key: string }).key;
    const a = await Promise.all(['k-1', 'k-1', 'k-1'].map(keyOf));
    assert.equal(new Set(a.map(partition)).size, 1);
    const spread = await Promise.all(Array.from({ length: 12 }, (_, i) => keyOf(`key-${i}`)));
    assert.ok(new Set(spread.map(partition)).size > 1, 'different correlation keys spread over the partitions');
  });

  it('answers a broadcast signal with its key and tenant', async () => {
    const outcome = await target.client.call('BroadcastSignal', { signalName: 'go', variables: '{}' });
    assert.equal(outcome.status, 'OK');
    assert.match((outcome.responses[0] as { key: string }).key, /^\d+$/);
    assert.equal((outcome.responses[0] as { tenantId: string }).tenantId, '<default>');
  });
});
