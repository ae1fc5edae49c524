/** The test-side page parser, on a small inline sample. */
import assert from 'node:assert/strict';

import { leafKey, parseErrorHeadings, parsePage } from './page-parser.js';

const SAMPLE = [
  '## `Alpha` RPC',
  '',
  'Intro text.',
  '',
  '- not an error bullet',
  '',
  '### Input: `AlphaRequest`',
  '',
  '```protobuf',
  '- inside a fence',
  '#### GRPC_STATUS_INSIDE_FENCE',
  '```',
  '',
  '### Errors',
  '',
  '#### GRPC_STATUS_NOT_FOUND',
  '',
  'Returned if:',
  '',
  '- First bullet, which wraps',
  '  onto a second line.',
  '- Parent bullet:',
  '  - Sub one',
  '  - Sub two (\\_) with `code`',
  '',
  '#### GRPC_STATUS_PERMISSION_DENIED',
  '',
  '- Lonely bullet',
  '',
  '## `Beta` RPC',
  '',
  '### Errors',
  '',
  'No specific errors.',
  '',
  '## Not an RPC',
  '',
  '### Errors',
  '',
  '#### GRPC_STATUS_INTERNAL',
  '',
  '- ignored: not under an RPC section',
].join('\n');

describe('page parser', () => {
  it('walks RPC sections, Errors, status headings, bullets, sub-bullets and wrapped lines', () => {
    assert.deepEqual(parsePage(SAMPLE), [
      { section: 'Alpha', heading: 'GRPC_STATUS_NOT_FOUND', bullets: ['First bullet, which wraps onto a second line.'] },
      { section: 'Alpha', heading: 'GRPC_STATUS_NOT_FOUND', bullets: ['Parent bullet:', 'Sub one'] },
      { section: 'Alpha', heading: 'GRPC_STATUS_NOT_FOUND', bullets: ['Parent bullet:', 'Sub two (\\_) with `code`'] },
      { section: 'Alpha', heading: 'GRPC_STATUS_PERMISSION_DENIED', bullets: ['Lonely bullet'] },
    ]);
  });

  it('reports every status heading, with its leaves', () => {
    const headings = parseErrorHeadings(SAMPLE).map((h) => [h.section, h.heading, h.leaves.length]);
    assert.deepEqual(headings, [
      ['Alpha', 'GRPC_STATUS_NOT_FOUND', 3],
      ['Alpha', 'GRPC_STATUS_PERMISSION_DENIED', 1],
    ]);
  });

  it('joins a wrapped sub-bullet with a single space', () => {
    const md = '## `G` RPC\n### Errors\n#### GRPC_STATUS_X\n- P:\n  - a sub\n    that wraps\n';
    assert.deepEqual(parsePage(md).map((l) => l.bullets), [['P:', 'a sub that wraps']]);
  });

  it('refuses bullets nested deeper than one level', () => {
    const md = '## `G` RPC\n### Errors\n#### GRPC_STATUS_X\n- P:\n  - a\n    - too deep\n';
    assert.throws(() => parsePage(md), /nested deeper/);
  });

  it('keys a leaf as section / heading / bullet path', () => {
    assert.equal(leafKey({ section: 'S', heading: 'H', bullets: ['a', 'b'] }), 'S / H / a > b');
  });
});
