import { readFileSync } from 'node:fs';
import { parseInteger } from './flags.js';
import { UsageError } from './usage-error.js';

/** `host:port` from a flag (IPv6 in brackets); a bare `:port` or `port` means `defaultHost`. */
export function parseHostPort(flag: string, value: string, defaultHost = '127.0.0.1'): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  if (match === null) throw new UsageError(`${flag} expects host:port, got '${value}'`);
  const host = match[1] ?? (match[2] === '' || match[2] === undefined ? defaultHost : match[2]);
  return { host, port: parseInteger(`${flag} port`, match[3] ?? '', 0, 65535) };
}

/** A file a flag names, read whole; a missing file is a usage error naming the flag. */
export function readFlagFile(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
