import type { RecordedCall } from '../cassette/types.js';

/** How far a live call has come: messages received and whether it ended. */
export interface Progress {
  messages: number;
  done: boolean;
}

/** Live progress of every call, with waiters woken on each change. */
export interface ProgressBoard {
  update(id: number, change: Partial<Progress>): void;
  /** Resolves once call `id` has `messages` messages (or ended), or after `timeoutMs`. */
  reached(id: number, messages: number, done: boolean, timeoutMs: number): Promise<void>;
}

/** Creates a board where every call starts with no messages, not done. */
export function progressBoard(): ProgressBoard {
  const state = new Map<number, Progress>();
  const waiters = new Set<() => void>();
  const get = (id: number): Progress => state.get(id) ?? { messages: 0, done: false };
  return {
    update(id, change) {
      state.set(id, { ...get(id), ...change });
      for (const wake of [...waiters]) wake();
    },
    reached(id, messages, done, timeoutMs) {
      const ok = (): boolean => get(id).done || (!done && get(id).messages >= messages);
      if (ok()) return Promise.resolve();
      return new Promise((resolve) => {
        const finish = (): void => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const check = (): void => {
          if (ok()) finish();
        };
        const timer = setTimeout(finish, timeoutMs);
        waiters.add(check);
      });
    },
  };
}

/** What a recorded call had seen of an earlier one when it started: that many messages, or its end. */
export interface Dependency {
  readonly id: number;
  readonly messages: number;
  readonly done: boolean;
}

/**
 * The happens-before edges of `call`: an earlier call that had ended when it started must end first; one still
 * open must first deliver the messages it had delivered then (so a key a later call uses is known live).
 */
export function dependenciesOf(call: RecordedCall, earlier: readonly RecordedCall[]): Dependency[] {
  return earlier.map((e) => {
    const done = e.end !== undefined && e.end.at <= call.at;
    return { id: e.id, messages: e.responses.filter((r) => r.at <= call.at).length, done };
  }).filter((d) => d.done || d.messages > 0);
}
