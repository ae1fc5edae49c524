import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runCli, type CliExit } from '../support/cli.js';

const TLS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'tls');
const CERT = join(TLS_DIR, 'server.pem');
const KEY = join(TLS_DIR, 'server-key.pem');

/** What the cases need from the `before` hook: a temp dir with config files, and a port someone else holds. */
interface Setup {
  readonly dir: string;
  readonly takenPort: number;
}

interface UsageCase {
  readonly title: string;
  readonly args: (s: Setup) => readonly string[];
  /** More to check on the one stderr line. */
  readonly line?: (line: string, s: Setup) => void;
}

/** Config files written to the temp dir, by name. */
const CONFIGS: Readonly<Record<string, string>> = {
  // Line 3, column 14: the second comma (V8 reports a position for this one).
  'syntax.json': '{\n  "multiTenancy": true,\n  "port": 12,,\n  "authRequired": true\n}\n',
  // Line 3: an unexpected token, for which Node 20's JSON.parse reports no position.
  'token.json': '{\n  "multiTenancy": true,\n  "port": x\n}\n',
  'unknown.json': JSON.stringify({ multiTenancy: true, multitenancy: true }),
  'shape.json': JSON.stringify({ staticTokens: [{ token: 'a', subject: 's', tenants: 'tenant-a' }] }),
  'not-object.json': JSON.stringify([{ port: 0 }]),
  'port-range.json': JSON.stringify({ port: 70_000 }),
  'topology-shape.json': JSON.stringify({ topology: { partitions: 'three' } }),
  'not-pem.pem': 'this is not a PEM file\n',
};

const oneOf = (s: Setup, name: string): string => join(s.dir, name);

const CASES: readonly UsageCase[] = [
  { title: 'an unknown subcommand', args: () => ['serve'], line: (l) => assert.match(l, /^error: unknown command 'serve'/) },
  {
    title: 'an unknown subcommand close to a known one',
    args: () => ['engin'],
  },
  { title: 'an unknown flag', args: () => ['engine', '--port', '0', '--verbose'], line: (l) => assert.match(l, /^error: unknown option '--verbose'/) },
  {
    title: 'an unknown flag close to a known one',
    args: () => ['engine', '--prot', '0'],
  },
  { title: 'a flag without its value', args: () => ['engine', '--port'], line: (l) => assert.match(l, /--port/) },
  { title: '--profile nope', args: () => ['engine', '--port', '0', '--profile', 'nope'], line: (l) => assert.match(l, /'nope'/) },
  { title: 'conformance --profile nope', args: (s) => ['conformance', '--output', s.dir, '--profile', 'nope'], line: (l) => assert.match(l, /'nope'/) },
  { title: '--port 70000', args: () => ['engine', '--port', '70000'], line: (l) => assert.match(l, /^zeebe-conformance: --port .*'70000'/) },
  { title: '--port abc', args: () => ['engine', '--port', 'abc'], line: (l) => assert.match(l, /^zeebe-conformance: --port .*'abc'/) },
  { title: '--port -1', args: () => ['engine', '--port=-1'], line: (l) => assert.match(l, /--port/) },
  { title: '--oauth-port 65536', args: () => ['engine', '--port', '0', '--oauth-port', '65536'], line: (l) => assert.match(l, /--oauth-port/) },
  { title: '--partitions 0', args: () => ['engine', '--port', '0', '--partitions', '0'], line: (l) => assert.match(l, /--partitions/) },
  { title: '--tls-cert without --tls-key', args: () => ['engine', '--port', '0', '--tls-cert', CERT], line: (l) => assert.match(l, /--tls-key/) },
  { title: '--tls-key without --tls-cert', args: () => ['engine', '--port', '0', '--tls-key', KEY], line: (l) => assert.match(l, /--tls-cert/) },
  {
    title: 'an unreadable --tls-cert path',
    args: (s) => ['engine', '--port', '0', '--tls-cert', oneOf(s, 'missing.pem'), '--tls-key', KEY],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'missing.pem')), l),
  },
  {
    title: 'a --tls-cert file that is not PEM',
    args: (s) => ['engine', '--port', '0', '--tls-cert', oneOf(s, 'not-pem.pem'), '--tls-key', oneOf(s, 'not-pem.pem')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'not-pem.pem')), l),
  },
  {
    title: '--tls-cert and --tls-key that do not match',
    args: () => ['engine', '--port', '0', '--tls-cert', CERT, '--tls-key', join(TLS_DIR, 'client-key.pem')],
  },
  {
    title: '--config naming a missing file',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'missing.json')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'missing.json')), l),
  },
  {
    title: '--config naming a directory',
    args: (s) => ['engine', '--port', '0', '--config', s.dir],
    line: (l, s) => assert.ok(l.includes(s.dir), l),
  },
  {
    title: 'a config with a JSON syntax error on line 3',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'syntax.json')],
    line: (l, s) => {
      assert.ok(l.includes(`${oneOf(s, 'syntax.json')}:3:`), l);
      assert.ok(l.includes(`${oneOf(s, 'syntax.json')}:3:14:`), l);
    },
  },
  {
    title: 'a config with an unexpected token on line 3',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'token.json')],
    line: (l, s) => assert.ok(l.includes(`${oneOf(s, 'token.json')}:3:`), l),
  },
  {
    title: 'a config with an unknown setting',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'unknown.json')],
    line: (l, s) => {
      assert.ok(l.includes(oneOf(s, 'unknown.json')), l);
      assert.match(l, /'multitenancy'/);
    },
  },
  {
    title: 'a config with a setting of the wrong shape',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'shape.json')],
    line: (l, s) => {
      assert.ok(l.includes(oneOf(s, 'shape.json')), l);
      assert.match(l, /'staticTokens\[0\]\.tenants' must be a list/);
    },
  },
  {
    title: 'a config that is not a JSON object',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'not-object.json')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'not-object.json')), l),
  },
  {
    title: 'a config with a port out of range',
    args: (s) => ['engine', '--config', oneOf(s, 'port-range.json')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'port-range.json')), l),
  },
  {
    title: 'a config with a non-numeric oauth.port',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'oauth-port.json')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'oauth-port.json')), l),
  },
  {
    title: 'a config with a topology field of the wrong type',
    args: (s) => ['engine', '--port', '0', '--config', oneOf(s, 'topology-shape.json')],
    line: (l, s) => assert.ok(l.includes(oneOf(s, 'topology-shape.json')), l),
  },
  {
    title: 'a --host that does not resolve',
    args: () => ['engine', '--port', '0', '--host', 'no-such-host.invalid'],
    line: (l) => assert.match(l, /no-such-host\.invalid/),
  },
  {
    title: 'a gRPC port already in use',
    args: (s) => ['engine', '--port', String(s.takenPort)],
    line: (l, s) => assert.ok(l.includes(String(s.takenPort)), l),
  },
  {
    title: 'an OAuth port already in use',
    args: (s) => ['engine', '--port', '0', '--oauth-port', String(s.takenPort)],
    line: (l, s) => assert.ok(l.includes(String(s.takenPort)), l),
  },
];

function assertUsageError(exit: CliExit): string {
  const report = `exit code ${exit.code}, signal ${exit.signal}\nstderr:\n${exit.stderr}\nstdout:\n${exit.stdout}`;
  assert.equal(exit.code, 2, report);
  assert.doesNotMatch(exit.stderr, /^ {4}at /m, report);
  const lines = exit.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, report);
  const [line = ''] = lines;
  assert.notEqual(line.trim(), '', report);
  assert.doesNotMatch(line, /^(Error|TypeError|RangeError)\b/, report);
  assert.equal(exit.stdout, '', report);
  return line;
}

const HELP: readonly (readonly string[])[] = [['--help'], ['engine', '--help'], ['conformance', '--help'], ['help', 'engine']];

/** Runs each CLI invocation, a few at a time (each is a fresh Node process compiling the CLI with tsx). */
function runAll(invocations: readonly (readonly string[])[]): Map<readonly string[], Promise<CliExit>> {
  const limit = Math.max(2, availableParallelism() * 2);
  const queue = [...invocations];
  const started = new Map<readonly string[], Promise<CliExit>>();
  const results = new Map<readonly string[], { resolve: (e: CliExit) => void; reject: (e: unknown) => void }>();
  for (const args of invocations) {
    const exit = new Promise<CliExit>((resolve, reject) => results.set(args, { resolve, reject }));
    exit.catch(() => undefined); // awaited by its test; a rejection before then is not unhandled
    started.set(args, exit);
  }
  const worker = async (): Promise<void> => {
    for (let args = queue.shift(); args !== undefined; args = queue.shift()) {
      const settle = results.get(args)!;
      await runCli(args, 10_000).then(settle.resolve, settle.reject);
    }
  };
  void Promise.all(Array.from({ length: limit }, worker));
  return started;
}

/** Every usage mistake: exit code 2, one line on stderr, no stack trace, nothing on stdout. */
describe('zeebe-conformance usage errors', function () {
  this.timeout(90_000);
  let setup: Setup;
  let holder: Server;
  const active = CASES;
  const exits = new Map<string, Promise<CliExit>>();
  let helpExits = new Map<readonly string[], Promise<CliExit>>();

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-usage-'));
    for (const [name, text] of Object.entries(CONFIGS)) writeFileSync(join(dir, name), text);
    // A string port: today Node listens on a unix socket of that name, so keep it inside the temp dir.
    writeFileSync(join(dir, 'oauth-port.json'), JSON.stringify({ oauth: { port: join(dir, 'oauth.sock') } }));
    holder = createServer();
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject);
      holder.listen(0, '127.0.0.1', resolve);
    });
    setup = { dir, takenPort: (holder.address() as AddressInfo).port };
    const invocations = active.map((c) => c.args(setup));
    const started = runAll([...invocations, ...HELP]);
    active.forEach((c, i) => exits.set(c.title, started.get(invocations[i]!)!));
    helpExits = started;
    await Promise.allSettled(started.values());
  });

  after(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    rmSync(setup.dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(c.title, async () => {
      const exit = exits.get(c.title);
      assert.ok(exit);
      const line = assertUsageError(await exit);
      c.line?.(line, setup);
    });
  }

  for (const args of HELP) {
    it(`${args.join(' ')} prints usage to stdout and exits 0`, async () => {
      const exit = helpExits.get(args);
      assert.ok(exit);
      const { code, stdout, stderr } = await exit;
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^Usage: zeebe-conformance/);
      assert.equal(stderr, '');
    });
  }
});
