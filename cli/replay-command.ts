import { Option, type Command } from 'commander';
import type { Cassette, RecordedCall } from '../proxy/index.js';
import { DEFAULT_NOISE } from '../proxy/replay/noise.js';
import { callName, callTotalsOf, runFailed } from '../reports/index.js';
import { parseInteger } from './flags.js';
import { parseHostPort, readFlagFile } from './host-port.js';
import { kitIdentity } from './kit-identity.js';
import { UsageError } from './usage-error.js';
import { writeReports } from './write-reports.js';

/** The flags of `zeebe-conformance replay serve`. */
export interface ServeFlags {
  readonly cassette?: string;
  readonly listen?: string;
  readonly fast?: boolean;
  readonly order?: 'free' | 'strict';
  readonly ignoreField?: readonly string[];
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

const rpcOf = (method: string): string => method.slice(method.lastIndexOf('/') + 1);

/** One line per recorded call: `#id Rpc (line n)`. */
export function describeCalls(calls: readonly RecordedCall[]): string[] {
  return calls.map((c) => `#${c.id} ${rpcOf(c.method)} (line ${c.line})`);
}

/** Reads the cassette, noting on stdout when it was decoded with another gateway.proto than this kit's. */
async function loadCassette(path: string): Promise<Cassette> {
  // Loaded on use, so the other commands start without the proxy's modules.
  const { readCassette, protoFingerprint } = await import('../proxy/index.js');
  const cassette = readCassette(path);
  const ours = protoFingerprint();
  if (cassette.header.proto !== ours) console.log(`note: ${path} was recorded with another gateway.proto (${cassette.header.proto}, this kit: ${ours}); decoded messages may differ`);
  return cassette;
}

/** `zeebe-conformance replay serve`: a mock gateway answering from the cassette until SIGINT or SIGTERM. */
export async function runServeCommand(flags: ServeFlags): Promise<void> {
  if (flags.cassette === undefined) throw new UsageError('replay serve needs --cassette FILE');
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const listen = parseHostPort('--listen', flags.listen ?? '127.0.0.1:26500');
  const tls = flags.tlsCert === undefined || flags.tlsKey === undefined ? undefined : { cert: readFlagFile('--tls-cert', flags.tlsCert), key: readFlagFile('--tls-key', flags.tlsKey) };
  const cassette = await loadCassette(flags.cassette);
  const { serveCassette } = await import('../proxy/index.js');
  const server = await serveCassette(cassette, { ...listen, tls, fast: flags.fast === true, rules: { order: flags.order ?? 'free', ignoreFields: flags.ignoreField ?? [] } });
  console.log(`zeebe-conformance replay serving ${cassette.calls.length} recorded calls from ${flags.cassette} on ${server.address}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      const unused = describeCalls(server.unused());
      console.log(`${signal}: stopping; ${server.misses().length} unmatched calls, ${unused.length} recorded calls never used`);
      for (const miss of server.misses()) console.log(`  unmatched ${miss}`);
      for (const line of unused) console.log(`  unused ${line}`);
      server.stop().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** The flags of `zeebe-conformance replay verify`. */
export interface VerifyFlags {
  readonly cassette?: string;
  readonly target?: string;
  readonly tls?: boolean;
  readonly ca?: string;
  readonly header?: readonly string[];
  readonly noise?: readonly string[];
  readonly output: string;
  readonly waitMs: string;
}

function headerPairs(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw new UsageError(`--header expects name=value, got '${value}'`);
    out[value.slice(0, at).trim().toLowerCase()] = value.slice(at + 1);
  }
  return out;
}

/**
 * `zeebe-conformance replay verify`: re-send the cassette to a live gateway, write the results model (a replay run)
 * and its reports like verify does; exit 1 when a call differs.
 */
export async function runReplayVerifyCommand(flags: VerifyFlags): Promise<void> {
  if (flags.cassette === undefined) throw new UsageError('replay verify needs --cassette FILE');
  if (flags.target === undefined) throw new UsageError('replay verify needs --target host:port');
  const target = parseHostPort('--target', flags.target);
  const ca = flags.ca === undefined ? undefined : readFlagFile('--ca', flags.ca);
  const metadata = headerPairs(flags.header ?? []);
  const waitMs = parseInteger('--wait-ms', flags.waitMs, 0, 3_600_000);
  const cassette = await loadCassette(flags.cassette);
  const { verifyCassette } = await import('../proxy/index.js');
  const tls = flags.tls === true || ca !== undefined ? (ca === undefined ? {} : { ca }) : undefined;
  const results = await verifyCassette(cassette, { target: { ...target, tls }, noise: flags.noise ?? [], metadata, waitMs, kit: kitIdentity() });
  const written = writeReports(flags.output, results);
  for (const call of results.calls.filter((c) => c.verdict === 'mismatched')) console.log(`MISMATCH ${callName(call)}: ${call.reason ?? ''}`);
  const { calls, matched, mismatched, skipped } = callTotalsOf(results.calls);
  console.log(`replay verify: ${calls} calls, ${matched} matched, ${mismatched} mismatched, ${skipped} skipped; results in ${flags.output}`);
  console.log(`reports:\n${written.map((file) => `  ${file}`).join('\n')}`);
  if (runFailed(results)) process.exitCode = 1;
}

/** Adds `replay serve` and `replay verify` to the CLI. */
export function registerReplayCommand(cli: Command): void {
  const replay = cli.command('replay').description('replay a cassette: as a mock gateway (serve) or against a live gateway (verify)');
  replay
    .command('serve')
    .description('a mock gateway answering from the cassette')
    .option('--cassette <file>', 'the cassette to answer from')
    .option('--listen <host:port>', 'address to listen on (default 127.0.0.1:26500)')
    .option('--fast', 'answer at once instead of with the recorded pacing')
    .addOption(new Option('--order <order>', 'free: any unused matching call; strict: only the next recorded call').choices(['free', 'strict']))
    .option('--ignore-field <field...>', "request fields left out of matching: a name anywhere, or 'Rpc.path'")
    .option('--tls-cert <file>', 'PEM certificate chain; serve TLS together with --tls-key')
    .option('--tls-key <file>', 'PEM private key')
    .action(runServeCommand);
  replay
    .command('verify')
    .description('re-send the recorded calls to a live gateway and compare (exit 1 on a regression)')
    .option('--cassette <file>', 'the cassette to replay')
    .option('--target <host:port>', 'the live gateway')
    .option('--tls', 'connect with TLS')
    .option('--ca <file>', 'PEM CA certificate to trust (implies --tls)')
    .option('--header <name=value...>', 'metadata sent with every call (recorded secrets are redacted, e.g. authorization=Bearer ...)')
    .option('--noise <field...>', `more response fields not compared (always: ${DEFAULT_NOISE.join(', ')}; keys are mapped)`)
    .option('--output <dir>', 'where to write results.json, junit.xml, report.md and report.html', 'out/replay')
    .option('--wait-ms <ms>', 'how long a call waits for the calls it depended on while recording', '10000')
    .action(runReplayVerifyCommand);
}
