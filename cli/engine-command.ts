import { startEngine } from '../engine/index.js';
import { engineOptionsFrom, type EngineFlags } from './engine-config.js';

/** `zeebe-conformance engine`: serve the reference engine until SIGINT or SIGTERM. */
export async function runEngineCommand(flags: EngineFlags): Promise<void> {
  const engine = await startEngine(engineOptionsFrom(flags));
  const { options } = engine;
  console.log(`zeebe-conformance engine listening on ${engine.address} (${options.tls ? 'TLS' : 'plaintext'})`);
  console.log(`  profile ${options.profile}, multi-tenancy ${options.multiTenancy ? 'on' : 'off'}, auth ${options.authRequired ? 'required' : 'optional'}`);
  if (engine.tokenEndpoint) console.log(`  OAuth token endpoint ${engine.tokenEndpoint}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.log(`${signal}: stopping`);
      engine.stop().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
