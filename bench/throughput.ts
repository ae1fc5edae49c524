import { performance } from 'node:perf_hooks';

/** Makes `count` calls (each given its index), `inFlight` at a time, and answers calls per second. */
export async function callsPerSecond(count: number, inFlight: number, call: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < count) await call(next++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return count / ((performance.now() - start) / 1000);
}
