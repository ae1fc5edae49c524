import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** Reads a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message)?.[1];
    const where = at === undefined ? lineOfEnd(text) : lineAndColumn(text, Number(at));
    throw new UsageError(`${path}:${where}: invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

function lineOfEnd(text: string): string {
  return lineAndColumn(text, text.length);
}
