/** Readings of request text the properties share: blankness and the integer literals of a JSON document. */

const MAX_UINT64 = 2n ** 64n - 1n;
const MIN_INT64 = -(2n ** 63n);
/** JSON tokens that can hold digits: strings first (so their digits are skipped), then numbers. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** Characters JavaScript's `trim` removes that Java's `Character.isWhitespace` does not count. */
const NOT_JAVA_WHITESPACE = new Set(['\u00a0', '\u2007', '\u202f', '\ufeff']);

/** Java's `Character.isWhitespace` for one UTF-16 unit. */
function isJavaWhitespace(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x1c && code <= 0x1f) || (/\s/.test(c) && !NOT_JAVA_WHITESPACE.has(c));
}

/** Whether JavaScript or Java would call the string blank (empty or whitespace only): either reading counts. */
export function isBlank(text: string): boolean {
  if (text.trim() === '') return true;
  return Array.from(text).every(isJavaWhitespace);
}

/** Whether `JSON.parse` accepts the text. */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The first integer literal (no fraction, no exponent, outside strings) beyond uint64 or below int64, if any. */
export function outOfRangeIntegerLiteral(text: string): string | undefined {
  for (const [token] of text.matchAll(TOKENS)) {
    if (token.startsWith('"') || /[.eE]/.test(token)) continue;
    const value = BigInt(token);
    if (value > MAX_UINT64 || value < MIN_INT64) return token;
  }
  return undefined;
}
