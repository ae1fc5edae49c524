/** Rule-id globs (`*` matches any run of characters, `/` included), as `--rules` and fault lists take them. */

/** Whether `id` matches the glob `pattern`. */
export function matchesRuleGlob(pattern: string, id: string): boolean {
  const source = pattern.split('*').map(escape).join('.*');
  return new RegExp(`^${source}$`).test(id);
}

/** Whether `id` matches any of the globs. */
export function matchesAnyRuleGlob(patterns: readonly string[], id: string): boolean {
  return patterns.some((p) => matchesRuleGlob(p, id));
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
