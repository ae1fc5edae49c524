/** zeebe-conformance-kit: the package surface. */
export * from './engine/index.js';
export * from './rules/index.js';
