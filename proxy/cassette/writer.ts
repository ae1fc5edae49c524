import { closeSync, fdatasyncSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { CassetteEvent, CassetteHeader } from './types.js';

/** Appends events to a cassette file as whole lines. */
export interface CassetteWriter {
  readonly path: string;
  /** Queues one event; it reaches the file, as one complete line, before the next turn of the event loop. */
  append(event: CassetteEvent): void;
  /** Writes what is queued, syncs to disk and closes the file. */
  close(): void;
}

/** How often written lines are synced to disk (a process crash loses nothing written; a power cut this much). */
const SYNC_INTERVAL_MS = 1000;

/**
 * Creates (or truncates) `path` and writes the header at once. Events queued in one tick go out in one write()
 * of whole lines, so a SIGKILL leaves only complete lines behind: the kernel holds what was written.
 */
export function openCassetteWriter(path: string, header: CassetteHeader): CassetteWriter {
  const fd = openSync(path, 'w');
  writeSync(fd, `${JSON.stringify(header)}\n`);
  fsyncSync(fd);
  let queued: string[] = [];
  let flushScheduled = false;
  let dirty = false;
  let closed = false;
  const flush = (): void => {
    flushScheduled = false;
    if (queued.length === 0 || closed) return;
    const text = queued.join('');
    queued = [];
    writeSync(fd, text);
    dirty = true;
  };
  const syncTimer = setInterval(() => {
    if (!dirty || closed) return;
    dirty = false;
    fdatasyncSync(fd);
  }, SYNC_INTERVAL_MS).unref();
  return {
    path,
    append(event) {
      if (closed) return;
      queued.push(`${JSON.stringify(event)}\n`);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    close() {
      if (closed) return;
      flush();
      closed = true;
      clearInterval(syncTimer);
      fsyncSync(fd);
      closeSync(fd);
    },
  };
}
