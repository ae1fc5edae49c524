/** The reference engine's surface. */
export { startEngine, type RunningEngine } from './engine.js';
export { resolveEngineOptions, type EngineOptions, type EngineOptionsInput, type OAuthClient, type StaticToken, type TopologyOptions } from './options.js';
export { ListenError } from './listen-error.js';
export { RULE_ID_TRAILER } from './transport/status.js';
export { manualClock, systemClock, type Clock, type ManualClock } from './state/clock.js';
export type { EngineSnapshot } from './state/engine-machine.js';
export { startControlEndpoint, type ControlEndpoint } from './control-endpoint.js';
