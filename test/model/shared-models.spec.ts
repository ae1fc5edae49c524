/**
 * Every real model (the repository's copy of `../shared/models/`) deploys, or is rejected, as its entry in
 * `shared-models-expectations.ts` says; every file of the folder has an entry, and every entry a file.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseResource, type ParsedResource } from '../../engine/model/index.js';
import { SHARED_MODEL_EXPECTATIONS, type Expectation, type Unsupported } from './shared-models-expectations.js';
import { realModelsDir } from '../support/real-models.js';

const MODELS = realModelsDir();
const UNSUPPORTED_LINE = /^ {4}- ERROR: Element '[^']*' of type '([^']*)'(?: with '([^']*)')? is not supported by this engine yet$/;

const key = ({ type, with: qualifier }: Unsupported): string => (qualifier === undefined ? type : `${type} with ${qualifier}`);

function assertAccepted(value: ParsedResource, expected: Expectation): void {
  if ('processes' in expected) {
    assert.ok(value.kind === 'bpmn', `expected BPMN, got ${value.kind}`);
    assert.deepEqual(value.processes.map((p) => p.bpmnProcessId), expected.processes);
  } else if ('drg' in expected) {
    assert.ok(value.kind === 'dmn', `expected a DRG, got ${value.kind}`);
    assert.deepEqual({ drg: value.drg.id, decisions: value.drg.decisions.map((d) => d.id) }, { drg: expected.drg, decisions: expected.decisions });
  } else if ('form' in expected) {
    assert.ok(value.kind === 'form', `expected a form, got ${value.kind}`);
    assert.equal(value.form.id, expected.form);
  }
}

/** The unsupported element types a rejection names; fails on any problem that is not an unsupported element. */
function unsupportedIn(reason: string): Set<string> {
  const found = new Set<string>();
  for (const line of reason.split('\n').filter((l) => l.startsWith('    - '))) {
    const match = UNSUPPORTED_LINE.exec(line);
    assert.ok(match !== null, `a problem other than an unsupported element:\n${line}\nin:\n${reason}`);
    found.add(key({ type: match[1] ?? '', ...(match[2] === undefined ? {} : { with: match[2] }) }));
  }
  return found;
}

describe('real models from ../shared/models', function () {
  const present = existsSync(MODELS);
  const files = present ? readdirSync(MODELS).filter((name) => name !== 'README.md').sort() : [];

  before(function () {
    if (!present) {
      this.skip();
    }
  });

  it('has an expectation for every file, and a file for every expectation', () => {
    assert.deepEqual(files, Object.keys(SHARED_MODEL_EXPECTATIONS).sort());
  });

  for (const [name, expected] of Object.entries(SHARED_MODEL_EXPECTATIONS)) {
    it(`${name}: ${expected.outcome}`, async () => {
      const result = await parseResource(name, readFileSync(join(MODELS, name)));
      if (expected.outcome === 'accepted') {
        assert.ok(result.ok, result.ok ? '' : `expected acceptance, got:\n${result.error}`);
        assertAccepted(result.value, expected);
        return;
      }
      assert.ok(!result.ok, 'expected a rejection, but it was accepted');
      assert.ok(result.error.startsWith(`'${name}': `) || result.error.startsWith('Failed to parse form JSON'), result.error);
      if (expected.outcome === 'rejected-unsupported') {
        assert.deepEqual([...unsupportedIn(result.error)].sort(), expected.uses.map(key).sort());
      } else {
        for (const text of expected.says) {
          assert.ok(result.error.includes(text), `expected the rejection to say:\n${text}\ngot:\n${result.error}`);
        }
      }
    });
  }
});
