/** Moddle's parse warnings and errors, turned into one-line reasons for rejection messages. */

/** The message of a moddle warning or error object. */
export function messageOf(value: unknown): string {
  const message = (value as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(value);
}

/** One line for a moddle warning: `unparsable content <x> detected (line 3, column 5): nested reason`. */
export function describeWarning(message: string): string {
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const headline = oneLine(message.split(/\n\s*line: /)[0] ?? message);
  const line = /\n\s*line: (\d+)/.exec(message)?.[1];
  const column = /\n\s*column: (\d+)/.exec(message)?.[1];
  const nested = /\n\s*nested error: ([\s\S]*)$/.exec(message)?.[1];
  const at = line === undefined || column === undefined ? '' : ` (line ${Number(line) + 1}, column ${Number(column) + 1})`;
  return `${headline}${at}${nested === undefined ? '' : `: ${oneLine(nested)}`}`;
}
