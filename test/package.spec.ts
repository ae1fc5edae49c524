import assert from 'node:assert/strict';
import { createGatewayClient } from '../suites/harness/client.js';

/** The published surface, imported by the package's own name (self-reference through "exports": dist/). */
describe("import { startEngine } from 'zeebe-conformance-kit'", () => {
  it('starts an engine on an ephemeral loopback port, answers Topology, and stops', async () => {
    const kit = await import('zeebe-conformance-kit');
    const engine = await kit.startEngine();
    const client = createGatewayClient({ address: engine.address });
    try {
      assert.match(engine.address, /^127\.0\.0\.1:\d+$/);
      assert.notEqual(engine.port, 26500);
      const topology = await client.call('Topology', {});
      assert.equal(topology.status, 'OK');
      assert.ok(kit.catalogue.length > 0);
    } finally {
      client.close();
      await engine.stop();
    }
  });
});
