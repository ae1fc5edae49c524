/** Escaping for the text formats the renderers write. */

/** XML 1.0 cannot carry most control characters at all; they become U+FFFD. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content of an XML or HTML element. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted XML or HTML attribute value (line breaks kept as character references). */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** The request as readable JSON (`null` when the check sent none known in advance). */
export function requestJson(request: unknown): string {
  return JSON.stringify(request ?? null, null, 2);
}

/** `text`, cut to `max` characters with a note of how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters: see results.json]`;
}
