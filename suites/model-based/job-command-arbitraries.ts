/** The arbitraries of the job-lifecycle commands. */
import fc from 'fast-check';
import { Activate, AdvanceClock, Complete, CreateInstance, Fail, Resolve, Throw, UpdateRetries, UpdateTimeout, type JobCommand, type JobTarget } from './job-commands.js';
import { CAUGHT_CODE, type ProcessId } from './job-model.js';
import type { World } from './world.js';

const jobTarget: fc.Arbitrary<JobTarget> = fc.record({
  kind: fc.oneof({ arbitrary: fc.constant('known' as const), weight: 17 }, { arbitrary: fc.constant('gone' as const), weight: 2 }, { arbitrary: fc.constant('unknown' as const), weight: 1 }),
  index: fc.nat(7),
});

/** Durations (ms) of activations and back-offs: short ones where the run moves the clock, else too long to pass during a run. */
function durations(movedClock: boolean, shortest: number): fc.Arbitrary<number> {
  return movedClock ? fc.integer({ min: shortest, max: 5000 }) : fc.integer({ min: 600_000, max: 3_600_000 });
}

/**
 * The command arbitraries, weighted towards the commands that move jobs between states. Clock moves need a clock
 * the run moves; ResolveIncident needs the incidents' keys, which only the reference engine's state shows.
 */
export function jobCommandArbitraries(world: Pick<World, 'advance' | 'inspect'>): fc.Arbitrary<JobCommand>[] {
  const weighted = (weight: number, arbitrary: fc.Arbitrary<JobCommand>) => ({ arbitrary, weight });
  const moved = world.advance !== undefined;
  const backOff = moved ? fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })) : fc.oneof(fc.constant(0), durations(false, 0));
  const resolve = fc.record({ kind: fc.constantFrom('open' as const, 'open' as const, 'open' as const, 'resolved' as const, 'unknown' as const), index: fc.nat(7) }).map((t) => new Resolve(t));
  return [
    fc.oneof(
      weighted(4, fc.constantFrom<ProcessId>('one-task', 'error-boundary').map((p) => new CreateInstance(p))),
      weighted(6, fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 3 }), durations(moved, 1)).map(([t, max, timeout]) => new Activate(t, max, timeout))),
      weighted(2, jobTarget.map((t) => new Complete(t))),
      weighted(4, fc.tuple(jobTarget, fc.integer({ min: -1, max: 3 }), backOff).map(([t, r, b]) => new Fail(t, r, b))),
      weighted(2, fc.tuple(jobTarget, fc.constantFrom('NOPE', CAUGHT_CODE)).map(([t, code]) => new Throw(t, code))),
      weighted(2, fc.tuple(jobTarget, fc.integer({ min: 1, max: 3 })).map(([t, r]) => new UpdateRetries(t, r))),
      weighted(2, fc.tuple(jobTarget, durations(moved, 0)).map(([t, timeout]) => new UpdateTimeout(t, timeout))),
      ...(world.inspect ? [weighted(2, resolve)] : []),
      ...(moved ? [weighted(3, fc.integer({ min: 0, max: 6000 }).map((ms) => new AdvanceClock(ms)))] : []),
    ),
  ];
}
