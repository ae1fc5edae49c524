/** One field whose value differs between two messages. */
export interface Difference {
  /** Dotted path, with `[i]` for list items; `''` for the whole message. */
  readonly path: string;
  readonly recorded: unknown;
  readonly live: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level differences between two proto-JSON values; `same(path, recorded, live)` may declare a leaf equal
 * (noise rules, mapped keys) before the plain comparison.
 */
export function differences(recorded: unknown, live: unknown, same: (path: string, recorded: unknown, live: unknown) => boolean = () => false, path = ''): Difference[] {
  if (same(path, recorded, live)) return [];
  if (Array.isArray(recorded) && Array.isArray(live)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(recorded.length, live.length); i++) {
      const at = `${path}[${i}]`;
      if (i >= recorded.length || i >= live.length) out.push({ path: at, recorded: recorded[i], live: live[i] });
      else out.push(...differences(recorded[i], live[i], same, at));
    }
    return out;
  }
  if (isRecord(recorded) && isRecord(live)) {
    const out: Difference[] = [];
    for (const key of new Set([...Object.keys(recorded), ...Object.keys(live)])) {
      out.push(...differences(recorded[key], live[key], same, path === '' ? key : `${path}.${key}`));
    }
    return out;
  }
  return Object.is(recorded, live) || JSON.stringify(recorded) === JSON.stringify(live) ? [] : [{ path, recorded, live }];
}

/** The last segment of a path (`jobs[0].key` → `key`), which noise and key rules name. */
export function fieldName(path: string): string {
  return path.replace(/\[\d+\]$/, '').split('.').at(-1) ?? '';
}

/** A short rendering of differences for one line (status details, reports). */
export function describeDifferences(found: readonly Difference[], max = 5): string {
  const shown = found.slice(0, max).map((d) => `${d.path === '' ? '(message)' : d.path}: recorded ${show(d.recorded)}, got ${show(d.live)}`);
  return found.length > max ? `${shown.join('; ')}; and ${found.length - max} more` : shown.join('; ');
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));
