import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const TEST_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Absolute path of a shared process fixture (test/fixtures/processes). */
export function processFixture(name: string): string {
  return join(TEST_DIR, 'fixtures', 'processes', name);
}

/** Absolute path of a fixture of the client tests (test/fixtures/clients). */
export function clientFixture(name: string): string {
  return join(TEST_DIR, 'fixtures', 'clients', name);
}

/** Polls `probe` until it returns a value other than `undefined`, failing after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** A promise with its resolve function, for values a callback delivers. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Rejects when `promise` has not settled within `ms` (a generous bound, never a timing assertion). */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: nothing after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
