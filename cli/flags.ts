import { PROFILES, type Profile } from '../rules/index.js';
import { UsageError } from './usage-error.js';

/** A profile name from a flag or file. */
export function parseProfile(value: string): Profile {
  const found = PROFILES.find((p) => p === value);
  if (!found) throw new UsageError(`unknown profile '${value}' (expected one of: ${PROFILES.join(', ')})`);
  return found;
}

/** A whole number from a flag, within [min, max]. */
export function parseInteger(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${flag} expects an integer from ${min} to ${max}, got '${value}'`);
  return n;
}
