import { startControlEndpoint, startEngine } from '../engine/index.js';
import { engineOptionsFrom, type EngineFlags } from './engine-config.js';
import { parseInteger } from './flags.js';

/** `zeebe-conformance engine`: serve the reference engine until SIGINT or SIGTERM. */
export async function runEngineCommand(flags: EngineFlags & { controlPort?: string }): Promise<void> {
  const options = engineOptionsFrom(flags);
  const controlPort = flags.controlPort === undefined ? 0 : parseInteger('--control-port', flags.controlPort, 0, 65535);
  const engine = await startEngine(options);
  const control = await startControlEndpoint(engine, controlPort).catch(async (e: unknown) => {
    await engine.stop();
    throw e;
  });
  const { tls, profile, multiTenancy, authRequired } = engine.options;
  console.log(`zeebe-conformance engine listening on ${engine.address} (${tls ? 'TLS' : 'plaintext'})`);
  console.log(`  profile ${profile}, multi-tenancy ${multiTenancy ? 'on' : 'off'}, auth ${authRequired ? 'required' : 'optional'}`);
  if (engine.options.violate.length > 0) console.log(`  FAULT INJECTION: violating ${engine.options.violate.join(', ')}`);
  if (engine.restAddress) console.log(`  REST API (Camunda user tasks) ${engine.restAddress}/v1`);
  console.log(`  control endpoint ${control.url} (POST /reset, GET /state; loopback only)`);
  if (engine.tokenEndpoint) console.log(`  OAuth token endpoint ${engine.tokenEndpoint}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.log(`${signal}: stopping`);
      Promise.all([engine.stop(), control.stop()]).then(() => resolve(), resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
