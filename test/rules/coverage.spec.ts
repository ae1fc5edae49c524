/** Every leaf bullet of the page's Errors sections is quoted by a rule, and every quote exists on the page. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { catalogue } from '../../rules/index.js';
import { leafKey, parseErrorHeadings, parsePage, type PageLeaf } from './page-parser.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedPage = resolve(repoRoot, '../shared/spec/gateway-service.md');
const vendoredPage = resolve(repoRoot, 'spec/gateway-service.md');

function readPage(): string {
  const shared = existsSync(sharedPage) ? readFileSync(sharedPage, 'utf8') : undefined;
  const vendored = existsSync(vendoredPage) ? readFileSync(vendoredPage, 'utf8') : undefined;
  if (shared !== undefined && vendored !== undefined) {
    assert.ok(shared === vendored, `${vendoredPage} differs from ${sharedPage}: the vendored copy drifted`);
  }
  const page = shared ?? vendored;
  assert.ok(page !== undefined, `neither ${sharedPage} nor ${vendoredPage} exists`);
  return page;
}

function quoteKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const rule of catalogue) {
    for (const quote of rule.quotes) {
      const key = leafKey(quote);
      keys.set(key, [...(keys.get(key) ?? []), rule.id]);
    }
  }
  return keys;
}

describe('rules coverage of the page (spec/gateway-service.md)', () => {
  const page = readPage();
  const leaves: readonly PageLeaf[] = parsePage(page);
  const pageKeys = new Set(leaves.map(leafKey));

  it('finds bullets under every status heading of every Errors section', () => {
    const empty = parseErrorHeadings(page)
      .filter((h) => h.leaves.length === 0)
      .map((h) => `${h.section} / ${h.heading}`);
    assert.deepEqual(empty, [], `status headings with no bullets parsed:\n${empty.join('\n')}`);
    assert.ok(leaves.length > 0, 'no leaf bullets parsed from the page');
  });

  it('quotes every leaf bullet in at least one rule', () => {
    const quoted = quoteKeys();
    const missing = leaves.map(leafKey).filter((key) => !quoted.has(key));
    assert.deepEqual(missing, [], `page bullets no rule quotes:\n${missing.join('\n')}`);
  });

  it('invents no quotes: every quote is a leaf bullet of the page, character for character', () => {
    const invented = [...quoteKeys()]
      .filter(([key]) => !pageKeys.has(key))
      .map(([key, ids]) => `${ids.join(', ')}: ${key}`);
    assert.deepEqual(invented, [], `quotes not found on the page:\n${invented.join('\n')}`);
  });
});
