import { fieldName } from './diff.js';
import { isKeyField, type KeyMap } from './keys.js';

/** Response fields whose values legitimately change between runs and are not compared (README: "Noise rules"). */
export const DEFAULT_NOISE: readonly string[] = ['deadline', 'gatewayVersion', 'brokers', 'version', 'processDefinitionVersion', 'decisionVersion', 'decisionRequirementsVersion'];

/**
 * The leaf comparison of `replay verify`: noise fields are equal whatever their values, key fields are equal when
 * the recorded key maps to the live one (learning new pairs), everything else is compared by value.
 */
export function responseComparison(noise: readonly string[], keys: KeyMap): (path: string, recorded: unknown, live: unknown) => boolean {
  const ignored = new Set(noise);
  return (path, recorded, live) => {
    const name = fieldName(path);
    if (ignored.has(name)) return true;
    if (isKeyField(name) && typeof recorded === 'string' && typeof live === 'string') return keys.sameKey(recorded, live);
    return false;
  };
}
