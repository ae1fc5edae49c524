import { startEngine } from '../engine/index.js';
import type { Profile } from '../rules/index.js';
import type { Setting } from '../suites/cases/gateway-cases.js';
import { AUTHORIZED_TENANTS } from '../suites/cases/valid-requests.js';
import type { VerifyTarget } from '../suites/verify.js';

const AUTHORIZED_TOKEN = 'conformance-authorized';
const STRANGER_TOKEN = 'conformance-stranger';

/**
 * The embedded reference engine as a verify target: a fresh engine per setting, so the run covers multi-tenancy
 * off and on and an engine that requires authentication; the kit issues the callers' tokens itself.
 */
export function embeddedTarget(profile: Profile, violate: readonly string[] = []): VerifyTarget {
  return {
    description: `embedded reference engine (profile ${profile})${violate.length > 0 ? `, violating ${violate.join(', ')}` : ''}`,
    settings: [
      { multiTenancy: false, authRequired: false },
      { multiTenancy: true, authRequired: false },
      { multiTenancy: false, authRequired: true },
    ],
    unimplemented: [],
    hasStranger: true,
    partitions: 1,
    prepare: async (setting: Setting) => {
      const engine = await startEngine({
        profile,
        ...setting,
        violate,
        staticTokens: [
          { token: AUTHORIZED_TOKEN, subject: 'conformance', tenants: AUTHORIZED_TENANTS },
          { token: STRANGER_TOKEN, subject: 'stranger', tenants: ['tenant-b'] },
        ],
      });
      return {
        address: engine.address,
        tokens: { authorized: AUTHORIZED_TOKEN, anonymous: undefined, 'invalid-token': 'not-a-valid-token', stranger: STRANGER_TOKEN },
        release: () => engine.stop(),
      };
    },
  };
}
