import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedModels, SHARED_MODELS, VENDORED_MODELS } from '../support/real-models.js';

/** The repository's copy of the real models cannot drift from the project's shared ones. */
describe('test/fixtures/real-models', () => {
  it('is file for file identical to ../shared/models wherever that folder is present', function () {
    if (!hasSharedModels()) this.skip(); // a fresh clone without ../shared: nothing to compare with
    const shared = readdirSync(SHARED_MODELS).sort();
    assert.deepEqual(readdirSync(VENDORED_MODELS).sort(), shared);
    const differing = shared.filter((name) => !readFileSync(join(SHARED_MODELS, name)).equals(readFileSync(join(VENDORED_MODELS, name))));
    assert.deepEqual(differing, []);
  });
});
