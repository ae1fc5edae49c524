import type { EngineOptionsInput } from '../../engine/index.js';
import { engineWithClient, type EngineWithClient } from './engine-target.js';
import { deploy } from './processes.js';

/** Starts an engine with a client (see `engineWithClient`) and deploys fixture models in one deployment (default tenant, no token). */
export async function deployedEngine(fixtures: readonly string[], input: EngineOptionsInput = {}): Promise<EngineWithClient> {
  const target = await engineWithClient(input);
  // A refused deployment must not leave the engine running: the caller never gets it to close.
  await deploy(target.client, fixtures).catch(async (error: unknown) => {
    await target.close();
    throw error;
  });
  return target;
}
