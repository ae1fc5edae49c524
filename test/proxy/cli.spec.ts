import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';

/** One line on stderr, exit code 2, no stack trace. */
async function usageError(args: string[], expected: RegExp): Promise<void> {
  const exit = await runCli(args);
  assert.equal(exit.code, 2, `${args.join(' ')}: ${exit.stderr}${exit.stdout}`);
  const lines = exit.stderr.trim().split('\n');
  assert.equal(lines.length, 1, exit.stderr);
  assert.match(lines[0] ?? '', expected);
}

describe('proxy and replay CLI: bad input is one line and exit code 2', function () {
  this.timeout(30_000);

  it('proxy: a missing target, a bad address, an unknown flag, a cassette it cannot write', async () => {
    await Promise.all([
      usageError(['proxy', '--listen', '127.0.0.1:0'], /^zeebe-conformance: proxy needs --target host:port$/),
      usageError(['proxy', '--target', 'nowhere'], /^zeebe-conformance: --target expects host:port, got 'nowhere'$/),
      usageError(['proxy', '--target', '127.0.0.1:70000'], /^zeebe-conformance: --target port expects an integer from 0 to 65535/),
      usageError(['proxy', '--target', '127.0.0.1:1', '--bogus'], /unknown option '--bogus'/),
      usageError(['proxy', '--target', '127.0.0.1:1', '--listen', '127.0.0.1:0', '--record', '/nonexistent/dir/c.jsonl'], /^zeebe-conformance: cannot write the cassette \/nonexistent\/dir\/c\.jsonl: ENOENT$/),
      usageError(['proxy', '--target', '127.0.0.1:1', '--tls-cert', 'x.pem'], /^zeebe-conformance: --tls-cert and --tls-key go together$/),
    ]);
  });
});
