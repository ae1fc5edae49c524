import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../../../engine/index.js';

/** The real clock: near timers fire, far ones (beyond setTimeout's 24.8-day limit) do not fire at once. */
describe('engine clock: systemClock', () => {
  it('runs a due timer, and can cancel one', async () => {
    const clock = systemClock();
    const ran: string[] = [];
    clock.schedule(clock.now(), () => ran.push('due'));
    clock.schedule(clock.now(), () => ran.push('cancelled')).cancel();
    await sleep(20);
    assert.deepEqual(ran, ['due']);
  });

  it('does not fire a timer 30 days ahead at once (setTimeout alone would, after 1 ms)', async () => {
    const clock = systemClock();
    let fired = false;
    const timer = clock.schedule(clock.now() + 30 * 86_400_000, () => { fired = true; });
    await sleep(20);
    timer.cancel();
    assert.equal(fired, false);
  });
});
