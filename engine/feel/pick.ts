import type { Variables } from './types.js';

/** Reads only the named variables (fetchVariable of ActivateJobs), ignoring names that do not exist. */
export function pickVariables(variables: Variables, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    names.filter((name) => Object.hasOwn(variables, name)).map((name) => [name, variables[name]]),
  );
}
