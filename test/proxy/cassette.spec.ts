import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASSETTE_FORMAT_VERSION, CassetteError, cassetteHeader, openCassetteWriter, parseCassette, readCassette } from '../../proxy/index.js';
import { scratchDir } from './support.js';

const HEADER = JSON.stringify(cassetteHeader('127.0.0.1:26500', new Date('2026-01-01T00:00:00Z')));
const CALL = '{"e":"call","id":1,"at":1,"method":"/gateway_protocol.Gateway/Topology","codec":"proto","metadata":{}}';
const END = '{"e":"end","id":1,"at":3,"status":0,"details":"","trailers":{},"by":"target"}';

function errorOf(text: string): string {
  try {
    parseCassette('c.jsonl', text);
  } catch (e) {
    assert.ok(e instanceof CassetteError, String(e));
    assert.ok(!e.message.includes('\n'), 'one line');
    return e.message;
  }
  assert.fail('the cassette was accepted');
}

describe('the cassette: format, validation with file:line, reading, writing', () => {
  it('reads calls back from events and keeps calls in flight (no end) as such', () => {
    const text = [HEADER, CALL, '{"e":"request","id":1,"at":2,"payload":{"message":{}}}', '{"e":"call","id":2,"at":2.5,"method":"/x.Y/Z","codec":"raw","metadata":{"a":["b"]}}', END, '{"e":"request","id":2,"at":4,"payload":{"raw":"AAE="}}'].join('\n') + '\n';
    const { header, calls } = parseCassette('c.jsonl', text);
    assert.equal(header.version, CASSETTE_FORMAT_VERSION);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[0]?.end, { at: 3, status: 0, details: '', trailers: {}, by: 'target' });
    assert.deepEqual(calls[0].requests, [{ at: 2, payload: { message: {} } }]);
    assert.equal(calls[1]?.end, undefined);
    assert.equal(calls[1]?.line, 4);
  });

  it('names file and line: truncated line, unknown format version, unknown method, broken event', () => {
    assert.equal(errorOf(`${HEADER}\n${CALL}\n{"e":"end","id":1,"at":3,"sta`), 'c.jsonl:3: truncated line (not complete JSON)');
    assert.match(errorOf(HEADER.replace(`"version":${CASSETTE_FORMAT_VERSION}`, '"version":99')), /^c\.jsonl:1: unknown cassette format version 99/);
    assert.match(errorOf(`${HEADER}\n${CALL.replace('Topology', 'NoSuchMethod')}\n`), /^c\.jsonl:2: unknown method \/gateway_protocol\.Gateway\/NoSuchMethod/);
    assert.match(errorOf(`${HEADER}\n${CALL}\n{"e":"end","id":1,"at":3,"status":42,"details":"","trailers":{},"by":"target"}\n`), /^c\.jsonl:3: 'status' is not a gRPC status code/);
    assert.match(errorOf(`${HEADER}\n${END}\n`), /^c\.jsonl:2: event for call 1, which has not started/);
    assert.match(errorOf(`${HEADER}\n${CALL}\n${END}\n${END}\n`), /^c\.jsonl:4: event for call 1, which already ended/);
    assert.match(errorOf(`${HEADER}\nnot json\n${CALL}\n`), /^c\.jsonl:2: not a JSON line/);
    assert.match(errorOf(''), /^c\.jsonl:1: empty file/);
    assert.match(errorOf('{"cassette":"other"}\n'), /^c\.jsonl:1: not a cassette header/);
  });

  it('an unreadable file is a CassetteError naming it', () => {
    assert.throws(() => readCassette('/nonexistent/c.jsonl'), /^CassetteError: \/nonexistent\/c\.jsonl: cannot read: ENOENT/);
  });

  it('the writer writes whole lines that the reader reads back', async () => {
    const path = join(scratchDir(), 'w.jsonl');
    const writer = openCassetteWriter(path, JSON.parse(HEADER) as ReturnType<typeof cassetteHeader>);
    writer.append({ e: 'call', id: 1, at: 1, method: '/gateway_protocol.Gateway/Topology', codec: 'proto', metadata: {} });
    await new Promise((r) => setImmediate(r));
    writer.append({ e: 'end', id: 1, at: 3, status: 0, details: 'é', trailers: {}, by: 'target' });
    writer.close();
    const { calls } = readCassette(path);
    assert.equal(calls[0]?.end?.details, 'é');
  });

  it('a file written by hand with a raw payload in a decoded call is refused', () => {
    const path = join(scratchDir(), 'bad.jsonl');
    writeFileSync(path, `${HEADER}\n${CALL.replace('"codec":"proto"', '"codec":"raw"')}\n{"e":"request","id":1,"at":2,"payload":{"message":{}}}\n`);
    assert.throws(() => readCassette(path), (e: Error) => e.message === `${path}:3: a decoded message in a raw call`);
  });
});
