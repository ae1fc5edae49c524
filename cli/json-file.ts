import { readFileSync } from 'node:fs';
import type { Problem } from './config-schema.js';
import { UsageError } from './usage-error.js';

/** A JSON file's text and parsed value. */
export interface JsonFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
}

/** Reads a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path: string): JsonFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return { path, text, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const where = lineAndColumn(text, errorOffset(text, message));
    throw new UsageError(`${path}:${where}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/, (?:\.\.\.)?".*$/, '')}`);
  }
}

/** A problem found in a parsed file, placed on the line where its key first appears (best effort). */
export function problemError(file: JsonFile, found: Problem): UsageError {
  const key = /([A-Za-z]+)(?:\[\d+\])*$/.exec(found.path)?.[1];
  const offset = key === undefined ? -1 : file.text.indexOf(`"${key}"`);
  const where = offset < 0 ? '' : `${lineAndColumn(file.text, offset)}:`;
  return new UsageError(`${file.path}:${where} ${found.path === '' ? 'the file' : `'${found.path}'`} ${found.message}`);
}

/**
 * Where parsing failed. V8 gives a position for some errors only; otherwise the shortest prefix that fails for
 * another reason than "end of input" ends at the bad token (prefixes before it are valid or merely incomplete).
 */
function errorOffset(text: string, message: string): number {
  const at = /position (\d+)/.exec(message)?.[1];
  if (at !== undefined) return Number(at);
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsBeforeEnd(text.slice(0, mid + 1))) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** An incomplete prefix fails at its very end (or with "end of JSON input"); a broken one fails earlier. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const at = /position (\d+)/.exec(message)?.[1];
    if (at !== undefined) return Number(at) < prefix.length;
    return !/end of JSON input/.test(message);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
