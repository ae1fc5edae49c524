import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PROTO_PATH } from '../../proto/load.js';
import type { CassetteHeader } from './types.js';

/** Version of the cassette line format; a reader refuses any other. */
export const CASSETTE_FORMAT_VERSION = 1;

/** The value of the header's `cassette` field, identifying the file kind. */
export const CASSETTE_KIND = 'zeebe-conformance';

/** `sha256:<hex>` of the kit's gateway.proto: which schema decoded the messages. */
export function protoFingerprint(): string {
  return `sha256:${createHash('sha256').update(readFileSync(PROTO_PATH)).digest('hex')}`;
}

/** The header line of a cassette recorded now against `target`. */
export function cassetteHeader(target: string, startedAt: Date): CassetteHeader {
  return { cassette: CASSETTE_KIND, version: CASSETTE_FORMAT_VERSION, proto: protoFingerprint(), target, startedAt: startedAt.toISOString() };
}
