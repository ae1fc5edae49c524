/** Escaping and sizing for the Markdown renderers. */

/** GitHub refuses comments over 65,536 characters; the report stops well before, with a note. */
export const MARKDOWN_LIMIT = 60_000;

/** The head, then each section while it fits under the limit; the rest left out, saying how many and where to look. */
export function fitToComment(head: string, sections: readonly string[]): string {
  let text = head;
  for (const [index, section] of sections.entries()) {
    if (text.length + section.length + 400 > MARKDOWN_LIMIT) {
      return `${text}\n\n> ✂️ ${sections.length - index} more sections left out to fit a comment: see \`results.json\` or \`report.html\`.\n`;
    }
    text += `\n\n${section}`;
  }
  return `${text}\n`;
}

/** Markdown has no escape inside code spans: the fence is one backtick longer than any run inside. */
export function inline(text: string): string {
  const value = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced code block whose fence no run of backticks inside can close. */
export function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Text on one line, angle brackets escaped (GitHub would read them as HTML). */
export const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
/** Text for a table cell. */
export const cell = (text: string): string => oneLine(text).replace(/\|/g, '\\|');
