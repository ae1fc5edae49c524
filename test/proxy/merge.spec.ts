import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cassetteHeader, mergeCassettes, parseCassette, readCassette } from '../../proxy/index.js';
import { runCli } from '../support/cli.js';
import { scratchDir } from './support.js';

/** A cassette text starting at `start` with one ended call per `[rpc, at]`. */
function cassetteText(start: string, calls: readonly (readonly [string, number])[]): string {
  const lines = [JSON.stringify(cassetteHeader('127.0.0.1:26500', new Date(start)))];
  calls.forEach(([rpc, at], i) => {
    lines.push(JSON.stringify({ e: 'call', id: i + 1, at, method: `/gateway_protocol.Gateway/${rpc}`, codec: 'proto', metadata: {} }));
    lines.push(JSON.stringify({ e: 'request', id: i + 1, at: at + 1, payload: { message: { n: i } } }));
    lines.push(JSON.stringify({ e: 'end', id: i + 1, at: at + 2, status: 0, details: '', trailers: {}, by: 'target' }));
  });
  return `${lines.join('\n')}\n`;
}

describe('cassette: merge and filter', function () {
  this.timeout(30_000);
  const a = parseCassette('a.jsonl', cassetteText('2026-01-01T00:00:00.000Z', [['Topology', 10], ['CompleteJob', 5000]]));
  const b = parseCassette('b.jsonl', cassetteText('2026-01-01T00:00:01.000Z', [['ActivateJobs', 0], ['Topology', 3000]]));

  it('merges on the earliest start, renumbers calls in start order, and filters by method and time', () => {
    const all = mergeCassettes([a, b], { methods: [], dropMethods: [] });
    assert.equal(all.header.startedAt, '2026-01-01T00:00:00.000Z');
    const starts = all.events.filter((e) => e.e === 'call').map((e) => [e.id, e.method.split('/')[2], e.at]);
    assert.deepEqual(starts, [[1, 'Topology', 10], [2, 'ActivateJobs', 1000], [3, 'Topology', 4000], [4, 'CompleteJob', 5000]]);
    const text = [JSON.stringify(all.header), ...all.events.map((e) => JSON.stringify(e))].join('\n');
    assert.equal(parseCassette('merged', text).calls.every((c) => c.end?.at === c.at + 2), true, 'each call keeps its events');
    const noTopology = mergeCassettes([a, b], { methods: [], dropMethods: ['Topology'] });
    assert.deepEqual(noTopology.events.filter((e) => e.e === 'call').map((e) => e.method.split('/')[2]), ['ActivateJobs', 'CompleteJob']);
    const window = mergeCassettes([a, b], { methods: ['Topology', 'ActivateJobs'], dropMethods: [], from: new Date('2026-01-01T00:00:00.500Z'), to: new Date('2026-01-01T00:00:04.500Z') });
    assert.deepEqual(window.events.filter((e) => e.e === 'call').map((e) => e.method.split('/')[2]), ['ActivateJobs', 'Topology']);
  });

  it('the CLI writes a readable cassette; bad input is one line, exit 2', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'a.jsonl'), cassetteText('2026-01-01T00:00:00.000Z', [['Topology', 10], ['CompleteJob', 5000]]));
    writeFileSync(join(dir, 'b.jsonl'), cassetteText('2026-01-01T00:00:01.000Z', [['ActivateJobs', 0]]));
    const out = join(dir, 'out.jsonl');
    const ok = await runCli(['cassette', '--cassette', join(dir, 'a.jsonl'), join(dir, 'b.jsonl'), '--drop-method', 'Topology', '--output', out], 30_000);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^wrote 2 calls from 2 cassettes to /);
    assert.deepEqual(readCassette(out).calls.map((c) => c.method.split('/')[2]), ['ActivateJobs', 'CompleteJob']);
    const bad = await runCli(['cassette', '--cassette', join(dir, 'a.jsonl'), '--from', 'yesterday', '--output', out], 30_000);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, "zeebe-conformance: --from expects an ISO time like 2026-01-31T12:00:00Z, got 'yesterday'\n");
  });
});
