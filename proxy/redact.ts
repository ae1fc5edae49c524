import type { CassetteMetadata } from './cassette/types.js';

/** What a redacted value is replaced with; replay matches it against any value. */
export const REDACTED = '<redacted>';

/** Header names redacted by default: credentials and session cookies. */
export const DEFAULT_REDACTED_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key'];

/** Names that look like secrets (x-auth-token, client-secret, ...) are redacted too. */
const SECRET_LIKE = /token|secret|password|api[-_]?key|credential|session/i;

/** Returns a function that replaces secret values in metadata (defaults plus `extra` names) with REDACTED. */
export function metadataRedactor(extra: readonly string[] = []): (metadata: CassetteMetadata) => CassetteMetadata {
  const names = new Set([...DEFAULT_REDACTED_HEADERS, ...extra.map((n) => n.toLowerCase())]);
  return (metadata) => {
    const out: Record<string, readonly string[]> = {};
    for (const [name, values] of Object.entries(metadata)) {
      out[name] = names.has(name) || SECRET_LIKE.test(name) ? values.map(() => REDACTED) : values;
    }
    return out;
  };
}
