import type { Warning } from 'feelin';

/** feelin messages whose feel-scala wording is known (feel-scala SuppressedFailuresTest). */
const REWORDINGS: readonly (readonly [RegExp, (name: string) => string])[] = [
  [/^Variable '(.*)' not found$/s, (name) => `No variable found with name '${name}'`],
  [/^Key '(.*)' not found in /s, (name) => `context contains no entry with key '${name}'`],
];

/** A feelin warning in Zeebe's incident format, `[TYPE] message`, reworded like feel-scala where known. */
export function describeWarning(warning: Warning): string {
  return `[${warning.type}] ${reword(warning.message)}`;
}

function reword(message: string): string {
  for (const [pattern, wording] of REWORDINGS) {
    const match = pattern.exec(message);
    if (match?.[1] !== undefined) return wording(match[1]);
  }
  return message;
}
