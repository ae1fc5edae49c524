import { Option, type Command } from 'commander';
import { readCassette, serveCassette, type RecordedCall } from '../proxy/index.js';
import { parseHostPort, readFlagFile } from './host-port.js';
import { UsageError } from './usage-error.js';

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

/** `zeebe-conformance replay serve`: a mock gateway answering from the cassette until SIGINT or SIGTERM. */
export async function runServeCommand(flags: ServeFlags): Promise<void> {
  if (flags.cassette === undefined) throw new UsageError('replay serve needs --cassette FILE');
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const listen = parseHostPort('--listen', flags.listen ?? '127.0.0.1:26500');
  const tls = flags.tlsCert === undefined || flags.tlsKey === undefined ? undefined : { cert: readFlagFile('--tls-cert', flags.tlsCert), key: readFlagFile('--tls-key', flags.tlsKey) };
  const cassette = readCassette(flags.cassette);
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

/** Adds `replay serve` (and `replay verify`) to the CLI. */
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
}
