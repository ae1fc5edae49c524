import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cassetteHeader } from '../../proxy/index.js';
import { runCli } from '../support/cli.js';
import { scratchDir } from './support.js';

/** One line on stderr, exit code 2, no stack trace. */
async function usageError(args: string[], expected: RegExp): Promise<void> {
  const exit = await runCli(args);
  assert.equal(exit.code, 2, `${args.join(' ')}: ${exit.stderr}${exit.stdout}`);
  const lines = exit.stderr.trim().split('\n');
  assert.equal(lines.length, 1, exit.stderr);
  assert.match(lines[0] ?? '', expected);
}

/** Runs the cases two at a time: each is a Node process compiling the CLI, and the machine may be busy. */
async function inPairs(cases: readonly (readonly [string[], RegExp])[]): Promise<void> {
  for (let i = 0; i < cases.length; i += 2) await Promise.all(cases.slice(i, i + 2).map(([args, expected]) => usageError(args, expected)));
}

describe('proxy and replay CLI: bad input is one line and exit code 2', function () {
  this.timeout(120_000);

  it('proxy: a missing target, a bad address, an unknown flag, a cassette it cannot write', async () => {
    await inPairs([
      [['proxy', '--listen', '127.0.0.1:0'], /^zeebe-conformance: proxy needs --target host:port$/],
      [['proxy', '--target', 'nowhere'], /^zeebe-conformance: --target expects host:port, got 'nowhere'$/],
      [['proxy', '--target', '127.0.0.1:70000'], /^zeebe-conformance: --target port expects an integer from 0 to 65535/],
      [['proxy', '--target', '127.0.0.1:1', '--bogus'], /unknown option '--bogus'/],
      [['proxy', '--target', '127.0.0.1:1', '--listen', '127.0.0.1:0', '--record', '/nonexistent/dir/c.jsonl'], /^zeebe-conformance: cannot write the cassette \/nonexistent\/dir\/c\.jsonl: ENOENT$/],
      [['proxy', '--target', '127.0.0.1:1', '--tls-cert', 'x.pem'], /^zeebe-conformance: --tls-cert and --tls-key go together$/],
    ]);
  });

  it('replay: an unreadable cassette, a broken line, an unknown method, an unknown version, a missing --cassette', async () => {
    const dir = scratchDir();
    const header = JSON.stringify(cassetteHeader('127.0.0.1:1', new Date()));
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, `${header}\n{"e":"call","id":1,"at":1,"method":"/gateway_protocol.Gateway/Topology","codec":"proto","metadata":{}}\n{"e":"end","id":1,"at":3,"sta`);
    const unknown = join(dir, 'unknown.jsonl');
    writeFileSync(unknown, `${header}\n{"e":"call","id":1,"at":1,"method":"/gateway_protocol.Gateway/Teleport","codec":"proto","metadata":{}}\n`);
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, `${header}\n`);
    const future = join(dir, 'future.jsonl');
    writeFileSync(future, `${header.replace('"version":1', '"version":7')}\n`);
    await inPairs([
      [['replay', 'serve', '--cassette', join(dir, 'missing.jsonl'), '--listen', '127.0.0.1:0'], /^zeebe-conformance: \S+missing\.jsonl: cannot read: ENOENT$/],
      [['replay', 'serve', '--cassette', broken, '--listen', '127.0.0.1:0'], /^zeebe-conformance: \S+broken\.jsonl:3: truncated line \(not complete JSON\)$/],
      [['replay', 'verify', '--cassette', unknown, '--target', '127.0.0.1:1'], /^zeebe-conformance: \S+unknown\.jsonl:2: unknown method \/gateway_protocol\.Gateway\/Teleport /],
      [['replay', 'verify', '--cassette', empty, '--target', '127.0.0.1:1'], /^zeebe-conformance: target 127\.0\.0\.1:1 unreachable: /],
      [['replay', 'verify', '--cassette', empty, '--target', '127.0.0.1:1', '--header', 'novalue'], /^zeebe-conformance: --header expects name=value, got 'novalue'$/],
      [['replay', 'serve', '--cassette', future, '--listen', '127.0.0.1:0'], /^zeebe-conformance: \S+future\.jsonl:1: unknown cassette format version 7 /],
      [['replay', 'serve', '--listen', '127.0.0.1:0'], /^zeebe-conformance: replay serve needs --cassette FILE$/],
      [['replay', 'serve', '--cassette', broken, '--order', 'random'], /argument 'random' is invalid/],
    ]);
  });
});
