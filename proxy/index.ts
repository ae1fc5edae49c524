/** The recording proxy's surface: pass-through with recording, the cassette, replay (serve and verify). */
export { startProxy, ProxyListenError, type ProxyOptions, type RunningProxy } from './proxy-server.js';
export type { TargetOptions } from './upstream.js';
export { DEFAULT_REDACTED_HEADERS, REDACTED } from './redact.js';
export * from './cassette/index.js';
export * from './replay/index.js';
