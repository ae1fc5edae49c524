/**
 * Timers of timer events, on the engine's injected clock: a manual clock fires them when advanced, the system
 * clock with real (unref'd) timeouts. Every pending timer is tracked so that a reset or stop cancels it.
 */
import { evaluateTimerValue } from '../feel/index.js';
import type { TimerDefinition } from '../model/index.js';
import { nextCronTime } from '../model/cron.js';
import { addDuration } from '../model/iso8601.js';
import type { TimerCycle } from '../model/timer-values.js';
import { ok, type Result } from '../result.js';
import type { Timer } from './clock.js';
import type { MachineContext } from './context.js';

/**
 * When a timer fires: first at `at` (undefined: never, a cron that matches no time), then (cycles) at `next` of the
 * time it was due, while repetitions remain (undefined: forever) and `next` finds a time.
 */
export interface TimerSchedule {
  readonly at: number | undefined;
  readonly next: ((after: number) => number | undefined) | undefined;
  readonly repetitions: number | undefined;
}

/**
 * Evaluates a timer definition (static ISO-8601 or cron, or a FEEL expression) against variables, from `now`; a
 * failure has Zeebe's wording (e.g. "Invalid duration format 'soon' for expression 'wait'.").
 */
export function timerSchedule(definition: TimerDefinition, variables: Record<string, unknown>, now: number): Result<TimerSchedule, string> {
  const evaluated = evaluateTimerValue(definition.type, definition.value, variables);
  if (!evaluated.ok) return evaluated;
  const value = evaluated.value;
  switch (value.type) {
    case 'duration':
      return ok({ at: addDuration(now, value.duration), next: undefined, repetitions: 1 });
    case 'date':
      return ok({ at: value.at, next: undefined, repetitions: 1 });
    case 'cycle':
      return ok(cycleSchedule(value.cycle, now));
  }
}

/** An ISO cycle repeats its interval (from its start, when that is still ahead); a cron cycle its next times. */
function cycleSchedule(cycle: TimerCycle, now: number): TimerSchedule {
  if (cycle.kind === 'cron') {
    const next = (after: number): number | undefined => nextCronTime(cycle.cron, after);
    return { at: next(now), next, repetitions: undefined };
  }
  const { interval, start, repetitions } = cycle.cycle;
  const next = (after: number): number => addDuration(after, interval);
  return { at: start !== undefined && start > now ? start : next(now), next, repetitions };
}

/** Schedules a tracked timer: `run` gets the time it was due; it is forgotten once it fired or was cancelled. */
export function scheduleTimer(ctx: MachineContext, at: number, run: (due: number) => void): Timer {
  const timers = ctx.state.events.timers;
  const timer: Timer = {
    cancel: () => {
      handle.cancel();
      timers.delete(timer);
    },
  };
  const handle = ctx.clock.schedule(at, () => {
    timers.delete(timer);
    run(at);
  });
  timers.add(timer);
  return timer;
}

/** A running schedule: `cancel` cancels whichever firing is pending; `retime` sets the interval of the firings after it. */
export interface RunningSchedule extends Timer {
  retime(next: NonNullable<TimerSchedule['next']>): void;
}

/** Runs a schedule: `fire` at each due time, as many times as the repetitions allow. */
export function runSchedule(ctx: MachineContext, schedule: TimerSchedule, fire: (last: boolean) => void): RunningSchedule {
  let current: Timer | undefined;
  let left = schedule.repetitions;
  let next = schedule.next;
  const arm = (at: number): void => {
    current = scheduleTimer(ctx, at, (due) => {
      if (left !== undefined) left -= 1;
      const then = left === 0 ? undefined : next?.(due);
      if (then !== undefined) arm(then);
      fire(then === undefined);
    });
  };
  if (schedule.at !== undefined) arm(schedule.at);
  return {
    cancel: () => current?.cancel(),
    retime: (interval) => {
      next = interval;
    },
  };
}

/** Cancels every pending timer of the state (a reset or stop). */
export function cancelAllTimers(ctx: MachineContext): void {
  for (const timer of [...ctx.state.events.timers]) timer.cancel();
}
