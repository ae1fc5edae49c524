import { isPlainObject } from './plain-object.js';
import { formatTemporal } from './temporal-format.js';

/**
 * A raw feelin result as the JSON value Zeebe would store (FeelToMessagePackTransformer): dates, times and
 * durations become ISO strings, -0 becomes 0, and what has no JSON form (functions, ranges, undefined,
 * non-finite numbers) becomes null, as Zeebe writes nil for values it cannot transform.
 */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJson(entry)]));
  return typeof value === 'object' ? (formatTemporal(value) ?? null) : null;
}
