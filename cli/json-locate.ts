/**
 * Where a JSON path (`knownFailing[2].expires`) sits in a file's text, so a problem in a valid JSON file is
 * reported at its line and column: the key of an object member, the start of an array item. A path that is not
 * there (a missing required key) falls back to its nearest parent.
 */
export function offsetOfPath(text: string, path: string): number {
  const steps = parsePath(path);
  for (let n = steps.length; n > 0; n--) {
    const found = walk(text, steps.slice(0, n));
    if (found !== undefined) return found;
  }
  return text.search(/\S/);
}

/** `a.b[2].c` as `['a', 'b', 2, 'c']`. */
function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? (m[1] ?? '') : Number(m[2])));
}

function walk(text: string, steps: readonly (string | number)[]): number | undefined {
  const scan = { text, at: 0 };
  for (const [n, step] of steps.entries()) {
    const last = n === steps.length - 1;
    const found = typeof step === 'number' ? enterItem(scan, step) : enterMember(scan, step);
    if (found === undefined) return undefined;
    if (last) return found;
  }
  return undefined;
}

interface Scan {
  readonly text: string;
  at: number;
}

const skipSpace = (s: Scan): void => {
  while (/\s/.test(s.text[s.at] ?? '')) s.at += 1;
};

function skipString(s: Scan): void {
  s.at += 1;
  while (s.at < s.text.length && s.text[s.at] !== '"') s.at += s.text[s.at] === '\\' ? 2 : 1;
  s.at += 1;
}

function skipValue(s: Scan): void {
  skipSpace(s);
  const first = s.text[s.at];
  if (first === '"') {
    skipString(s);
    return;
  }
  if (first !== '{' && first !== '[') {
    while (s.at < s.text.length && !/[,\]}\s]/.test(s.text[s.at] ?? '')) s.at += 1;
    return;
  }
  let depth = 0;
  do {
    const c = s.text[s.at];
    if (c === '"') {
      skipString(s);
      continue;
    }
    if (c === '{' || c === '[') depth += 1;
    if (c === '}' || c === ']') depth -= 1;
    s.at += 1;
  } while (depth > 0 && s.at < s.text.length);
}

/** Moves to the `index`-th item of the array at the cursor; answers its offset. */
function enterItem(s: Scan, index: number): number | undefined {
  skipSpace(s);
  if (s.text[s.at] !== '[') return undefined;
  s.at += 1;
  for (let n = 0; n < index; n++) {
    skipValue(s);
    skipSpace(s);
    if (s.text[s.at] !== ',') return undefined;
    s.at += 1;
  }
  skipSpace(s);
  return s.text[s.at] === ']' ? undefined : s.at;
}

/** Moves to the value of member `key` of the object at the cursor; answers the key's offset. */
function enterMember(s: Scan, key: string): number | undefined {
  skipSpace(s);
  if (s.text[s.at] !== '{') return undefined;
  s.at += 1;
  for (;;) {
    skipSpace(s);
    if (s.text[s.at] !== '"') return undefined;
    const start = s.at;
    skipString(s);
    const name = JSON.parse(s.text.slice(start, s.at)) as string;
    skipSpace(s);
    s.at += 1; // the colon
    if (name === key) return start;
    skipValue(s);
    skipSpace(s);
    if (s.text[s.at] !== ',') return undefined;
    s.at += 1;
  }
}

/** `line:column` (1-based) of a JSON path in the text. */
export function lineColumnOfPath(text: string, path: string): string {
  const before = text.slice(0, offsetOfPath(text, path)).split('\n');
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
