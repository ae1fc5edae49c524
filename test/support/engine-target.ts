import { startEngine, type EngineOptionsInput, type RunningEngine } from '../../engine/index.js';
import { AUTHORIZED_TENANTS } from '../../suites/cases/valid-requests.js';
import { createGatewayClient, type GatewayClient } from '../../suites/harness/client.js';

/** The static token of the caller authorized for every tenant the cases use. */
export const AUTHORIZED_TOKEN = 'test-authorized';

/** The static token of a caller authorized only for `tenant-b` (for the other-tenant rules). */
export const STRANGER_TOKEN = 'test-stranger';

/** Tokens per caller kind, as the cases name them. */
export const CASE_TOKENS = { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'not-a-valid-token' } as const;

/** A running engine, a client connected to it, and one call that closes both. */
export interface EngineWithClient {
  readonly engine: RunningEngine;
  readonly client: GatewayClient;
  close(): Promise<void>;
}

/** Starts an engine on an ephemeral loopback port with the authorized static token, and a client for it. */
export async function engineWithClient(input: EngineOptionsInput = {}): Promise<EngineWithClient> {
  const engine = await startEngine({
    staticTokens: [
      { token: AUTHORIZED_TOKEN, subject: 'tester', tenants: AUTHORIZED_TENANTS },
      { token: STRANGER_TOKEN, subject: 'stranger', tenants: ['tenant-b'] },
    ],
    ...input,
  });
  const client = createGatewayClient({ address: engine.address });
  return {
    engine,
    client,
    close: async () => {
      client.close();
      await engine.stop();
    },
  };
}
