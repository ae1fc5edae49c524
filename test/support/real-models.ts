import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The project's shared copy of the real models, when this checkout has `../shared` beside it (CI does). */
export const SHARED_MODELS = resolve(HERE, '../../../shared/models');

/** The copy kept in the repository, so `npm test` works on a fresh clone without `../shared`. */
export const VENDORED_MODELS = resolve(HERE, '../fixtures/real-models');

/** Where tests read the real models from: always the vendored copy (a test proves it equals the shared one). */
export function realModelsDir(): string {
  return VENDORED_MODELS;
}

/** Whether the shared copy is there to compare against. */
export const hasSharedModels = (): boolean => existsSync(SHARED_MODELS);
