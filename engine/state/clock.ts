/** A scheduled callback that can be cancelled. */
export interface Timer {
  cancel(): void;
}

/** Time as the engine sees it: injected so tests can move it forward without sleeping. */
export interface Clock {
  now(): number;
  /** Runs `run` once `now()` has reached `at` (epoch ms). */
  schedule(at: number, run: () => void): Timer;
}

/** The longest delay setTimeout takes (a longer one would fire at once, with a TimeoutOverflowWarning). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Real time; timers never keep the process alive, and far ones (a timer date next year) wait in steps. */
export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    schedule: (at, run) => {
      let handle: ReturnType<typeof setTimeout>;
      const arm = (): void => {
        const delay = Math.max(0, at - Date.now());
        handle = delay > MAX_TIMEOUT_MS ? setTimeout(arm, MAX_TIMEOUT_MS) : setTimeout(run, delay);
        handle.unref();
      };
      arm();
      return { cancel: () => { clearTimeout(handle); } };
    },
  };
}

/** A clock that only moves when told to; due timers run in time order during `advance`. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

/** Creates a manual clock starting at `start` (epoch ms). */
export function manualClock(start = Date.UTC(2026, 0, 1)): ManualClock {
  let now = start;
  let sequence = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  /** The earliest timer due by `limit`; ties run in the order they were scheduled. */
  const earliest = (limit: number): { id: number; at: number; run: () => void } | undefined => {
    let found: { id: number; at: number; run: () => void } | undefined;
    for (const [id, t] of timers) if (t.at <= limit && (!found || t.at < found.at)) found = { id, ...t };
    return found;
  };
  return {
    now: () => now,
    schedule: (at, run) => {
      const id = sequence++;
      timers.set(id, { at, run });
      return { cancel: () => timers.delete(id) };
    },
    advance: (ms) => {
      const target = now + ms;
      for (let next = earliest(target); next; next = earliest(target)) {
        timers.delete(next.id);
        now = Math.max(now, next.at);
        next.run();
      }
      now = target;
    },
  };
}
