import nock from 'nock';

/**
 * Registers mocha hooks that give a describe block an active nock with only loopback reachable (the engine is
 * real; OAuth servers are doubles), and leave nock as they found it: cleaned and restored.
 */
export function useNockWithLoopback(): void {
  before(() => {
    // Another spec may have restored nock (which deactivates it); this one needs it active.
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => {
    nock.cleanAll();
  });
  after(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
