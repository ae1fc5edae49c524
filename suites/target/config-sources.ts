/** Where a target setting came from: a flag or an environment variable, named in every error message. */
export interface Sourced {
  readonly value: string;
  /** `--ca`, `ZEEBE_ADDRESS`, ...: what the user wrote, so a message can point at it. */
  readonly source: string;
}

/** A mistake in the target configuration: one line for the user, never a secret; the CLI exits with code 2. */
export class TargetConfigError extends Error {
  override readonly name = 'TargetConfigError';
}

/** A flag's value, if given and not blank (surrounding whitespace dropped). */
export function fromFlag(value: string | undefined, flag: string): Sourced | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : { value: trimmed, source: flag };
}

/** The first of these environment variables that is set and not blank (an empty variable counts as unset). */
export function fromEnv(env: NodeJS.ProcessEnv, ...names: readonly string[]): Sourced | undefined {
  for (const name of names) {
    const found = fromFlag(env[name], name);
    if (found) return found;
  }
  return undefined;
}

/** A `true`/`false` environment variable (any case); anything else is a mistake. */
export function envBoolean(env: NodeJS.ProcessEnv, name: string): { value: boolean; source: string } | undefined {
  const raw = fromEnv(env, name);
  if (!raw) return undefined;
  const lower = raw.value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new TargetConfigError(`${name} must be true or false, not '${raw.value}'`);
  return { value: lower === 'true', source: `${name}=${lower}` };
}

/** An error's message on one line, for reports of fs, TLS and HTTP failures. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s+/g, ' ').trim();
}
