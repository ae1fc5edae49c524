/** Test-side parser for the page's "Errors" sections: `## \`Rpc\` RPC` > `### Errors` > `#### GRPC_STATUS_*` > bullets. */

/** One leaf bullet: a bullet without sub-bullets, or a sub-bullet with its parent. */
export interface PageLeaf {
  readonly section: string;
  readonly heading: string;
  /** Outermost first: `[bullet]` or `[parent, sub-bullet]`. */
  readonly bullets: readonly string[];
}

interface Bullet {
  text: string;
  readonly subs: string[];
}

interface Block {
  readonly section: string;
  readonly heading: string;
  readonly bullets: Bullet[];
}

interface State {
  section: string | undefined;
  inErrors: boolean;
  inFence: boolean;
  block: Block | undefined;
  /** Where a continuation line goes: the last bullet or sub-bullet, until a blank line. */
  open: { bullet: Bullet; sub: boolean } | undefined;
  readonly blocks: Block[];
}

const SECTION = /^## `(\w+)` RPC\s*$/;
const STATUS_HEADING = /^#### (GRPC_STATUS_[A-Z_]+)\s*$/;
const BULLET = /^- (.*)$/;
const SUB_BULLET = /^ {2}- (.*)$/;
const CONTINUATION = /^ {2,}(\S.*)$/;

function onHeading(state: State, line: string): void {
  const section = SECTION.exec(line);
  const status = STATUS_HEADING.exec(line);
  state.open = undefined;
  if (line.startsWith('## ')) {
    state.section = section?.[1];
    state.inErrors = false;
    state.block = undefined;
  } else if (line.startsWith('### ')) {
    state.inErrors = state.section !== undefined && line.trim() === '### Errors';
    state.block = undefined;
  } else if (status !== null && state.inErrors && state.section !== undefined) {
    state.block = { section: state.section, heading: status[1]!, bullets: [] };
    state.blocks.push(state.block);
  } else {
    state.block = undefined;
  }
}

function continueOpen(state: State, text: string): void {
  const open = state.open;
  if (open === undefined) throw new Error(`continuation line outside a bullet: ${JSON.stringify(text)}`);
  if (open.sub) {
    const last = open.bullet.subs.length - 1;
    open.bullet.subs[last] = `${open.bullet.subs[last]!} ${text}`;
  } else {
    open.bullet.text = `${open.bullet.text} ${text}`;
  }
}

function onListLine(state: State, block: Block, line: string): void {
  const bullet = BULLET.exec(line);
  const sub = SUB_BULLET.exec(line);
  const more = CONTINUATION.exec(line);
  if (bullet !== null) {
    const b: Bullet = { text: bullet[1]!.trim(), subs: [] };
    block.bullets.push(b);
    state.open = { bullet: b, sub: false };
  } else if (sub !== null) {
    const parent = block.bullets.at(-1);
    if (parent === undefined) throw new Error(`sub-bullet without a parent: ${JSON.stringify(line)}`);
    parent.subs.push(sub[1]!.trim());
    state.open = { bullet: parent, sub: true };
  } else if (/^ {3,}- /.test(line)) {
    throw new Error(`bullet nested deeper than one level: ${JSON.stringify(line)}`);
  } else if (more !== null && state.open !== undefined) {
    continueOpen(state, more[1]!.trim());
  } else {
    state.open = undefined; // a paragraph such as "Returned if:" or a blank line
  }
}

function onLine(state: State, line: string): void {
  if (line.startsWith('```')) {
    state.inFence = !state.inFence;
    state.open = undefined;
    return;
  }
  if (state.inFence) return;
  if (line.startsWith('#')) {
    onHeading(state, line);
    return;
  }
  if (state.block !== undefined) onListLine(state, state.block, line);
}

function leavesOf(block: Block): PageLeaf[] {
  return block.bullets.flatMap((b) =>
    b.subs.length === 0
      ? [{ section: block.section, heading: block.heading, bullets: [b.text] }]
      : b.subs.map((s) => ({ section: block.section, heading: block.heading, bullets: [b.text, s] })),
  );
}

/** Every status heading found under an RPC's `### Errors`, with its leaf bullets (empty if it has none). */
export function parseErrorHeadings(markdown: string): readonly { section: string; heading: string; leaves: readonly PageLeaf[] }[] {
  const state: State = { section: undefined, inErrors: false, inFence: false, block: undefined, open: undefined, blocks: [] };
  for (const line of markdown.split(/\r?\n/)) onLine(state, line);
  return state.blocks.map((block) => ({ section: block.section, heading: block.heading, leaves: leavesOf(block) }));
}

/** Every leaf bullet of every `### Errors` section, in page order. */
export function parsePage(markdown: string): readonly PageLeaf[] {
  return parseErrorHeadings(markdown).flatMap((h) => h.leaves);
}

/** A stable, readable key for a leaf or a quote: `Section / HEADING / bullet > sub-bullet`. */
export function leafKey(leaf: { readonly section: string; readonly heading: string; readonly bullets: readonly string[] }): string {
  return `${leaf.section} / ${leaf.heading} / ${leaf.bullets.join(' > ')}`;
}
