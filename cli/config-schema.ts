/** A tiny validator combinator set for JSON configuration: each returns the first problem, with its path. */
export interface Problem {
  /** JSON path, e.g. `oauth.clients[0].tenants`. */
  readonly path: string;
  readonly message: string;
}

export type Validator = (value: unknown, path: string) => Problem | undefined;

const problem = (path: string, message: string): Problem => ({ path, message });
const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v));

export const str: Validator = (v, path) => (typeof v === 'string' ? undefined : problem(path, `must be a string, got ${show(v)}`));

export const bool: Validator = (v, path) => (typeof v === 'boolean' ? undefined : problem(path, `must be true or false, got ${show(v)}`));

/** An integer within [min, max]. */
export function int(min: number, max: number): Validator {
  return (v, path) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : problem(path, `must be an integer from ${min} to ${max}, got ${show(v)}`);
}

/** One of a fixed set of strings. */
export function oneOf(choices: readonly string[]): Validator {
  return (v, path) => (typeof v === 'string' && choices.includes(v) ? undefined : problem(path, `must be one of ${choices.join(', ')}, got ${show(v)}`));
}

/** A list whose items all pass `item`. */
export function list(item: Validator): Validator {
  return (v, path) => {
    if (!Array.isArray(v)) return problem(path, `must be a list, got ${show(v)}`);
    for (const [i, x] of v.entries()) {
      const found = item(x, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  };
}

/** An object with only the known fields, some of them required. */
export function object(fields: Readonly<Record<string, Validator>>, required: readonly string[] = []): Validator {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(path, `must be an object, got ${show(v)}`);
    const record = v as Record<string, unknown>;
    const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
    for (const key of required) if (!(key in record)) return problem(at(key), 'is required');
    for (const [key, value] of Object.entries(record)) {
      const field = fields[key];
      if (!field) return problem(at(key), `is not a known setting (known: ${Object.keys(fields).join(', ')})`);
      const found = field(value, at(key));
      if (found) return found;
    }
    return undefined;
  };
}
