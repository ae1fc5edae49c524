/** Replay of cassettes: as a mock gateway (serve) and as a regression run against a live gateway (verify). */
export { serveCassette, MISS_STATUS, MISS_TRAILER, type ReplayServer, type ServeOptions } from './serve.js';
export { createMatcher, type MatchRules, type Matcher, type MatchResult } from './match.js';
export { differences, type Difference } from './diff.js';
export { verifyCassette, ReplayTargetError, type VerifyOptions } from './verify.js';
export { DEFAULT_NOISE } from './noise.js';
