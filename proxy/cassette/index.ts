/** The cassette: one JSON Lines file per recording session (format version, validation, reading, writing). */
export type { Cassette, CassetteEvent, CassetteHeader, CassetteMetadata, EndedBy, Payload, RecordedCall, TimedPayload } from './types.js';
export { CASSETTE_FORMAT_VERSION, cassetteHeader, protoFingerprint } from './format.js';
export { CassetteError, parseCassette, readCassette } from './read.js';
export { openCassetteWriter, type CassetteWriter } from './writer.js';
export { mergeCassettes, type CallFilter } from './merge.js';
