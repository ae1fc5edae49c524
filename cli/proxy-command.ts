import type { Command } from 'commander';
import type { ProxyOptions } from '../proxy/index.js';
import { parseHostPort, readFlagFile } from './host-port.js';
import { UsageError } from './usage-error.js';

/** The flags of `zeebe-conformance proxy`. */
export interface ProxyFlags {
  readonly listen?: string;
  readonly target?: string;
  readonly record?: string;
  readonly redact?: readonly string[];
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly targetTls?: boolean;
  readonly targetCa?: string;
}

/** Resolves the flags once into proxy options. */
export function proxyOptionsFrom(flags: ProxyFlags): ProxyOptions {
  if (flags.target === undefined) throw new UsageError('proxy needs --target host:port');
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const listen = parseHostPort('--listen', flags.listen ?? '127.0.0.1:26501');
  const target = parseHostPort('--target', flags.target);
  const ca = flags.targetCa === undefined ? undefined : readFlagFile('--target-ca', flags.targetCa);
  return {
    ...listen,
    tls: flags.tlsCert === undefined || flags.tlsKey === undefined ? undefined : { cert: readFlagFile('--tls-cert', flags.tlsCert), key: readFlagFile('--tls-key', flags.tlsKey) },
    target: { ...target, tls: flags.targetTls === true || ca !== undefined ? (ca === undefined ? {} : { ca }) : undefined },
    record: flags.record,
    redact: flags.redact,
  };
}

/** `zeebe-conformance proxy`: relay (and record) until SIGINT or SIGTERM. */
export async function runProxyCommand(flags: ProxyFlags): Promise<void> {
  const options = proxyOptionsFrom(flags);
  // Loaded on use, so the other commands start without the proxy's modules.
  const { startProxy } = await import('../proxy/index.js');
  const proxy = await startProxy(options);
  const target = `${options.target.host}:${options.target.port}`;
  console.log(`zeebe-conformance proxy listening on ${proxy.address} (${options.tls ? 'TLS' : 'plaintext'}) -> ${target}${options.target.tls ? ' (TLS)' : ''}`);
  console.log(options.record === undefined ? '  not recording' : `  recording to ${options.record}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.log(`${signal}: stopping`);
      proxy.stop().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Names of the proxy's errors that are the user's to fix (by name: the proxy's modules load only on use). */
const USAGE_ERROR_NAMES: ReadonlySet<string> = new Set(['ProxyListenError', 'CassetteError', 'ReplayTargetError']);

/** Errors of the proxy, replay and cassette commands that are the user's to fix: one line, exit code 2. */
export function isProxyUsageError(e: unknown): e is Error {
  return e instanceof Error && USAGE_ERROR_NAMES.has(e.name);
}

/** Adds `proxy` to the CLI. */
export function registerProxyCommand(cli: Command): void {
  cli
    .command('proxy')
    .description('relay every gateway call to a target and record the session into a cassette')
    .option('--listen <host:port>', 'address to listen on (default 127.0.0.1:26501; loopback unless told otherwise)')
    .option('--target <host:port>', 'the gateway to relay to')
    .option('--record <file>', 'cassette to write (JSON Lines); without it the proxy only relays')
    .option('--redact <header...>', 'more metadata names to redact (authorization, cookies, API keys always are)')
    .option('--tls-cert <file>', 'PEM certificate chain; serve TLS together with --tls-key')
    .option('--tls-key <file>', 'PEM private key')
    .option('--target-tls', 'connect to the target with TLS')
    .option('--target-ca <file>', 'PEM CA certificate to trust for the target (implies --target-tls)')
    .action(runProxyCommand);
}
