import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { credentials, Metadata, type CallOptions, type Client, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { createGatewayClientConstructor } from '../../proto/load.js';
import { startProxy, type RunningProxy } from '../../proxy/index.js';
import type { RunningEngine } from '../../engine/index.js';
import { REPO_ROOT } from '../support/cli.js';

/** zbctl as the client specs run it (clean environment, plaintext, never throwing). */
export { zbctlAt as zbctl, type ZbctlRun } from '../clients/zbctl-run.js';

/** A fresh temporary directory for cassettes and results. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'zc-proxy-'));
}

/** The port of an engine's `host:port` address. */
export function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

/** A recording proxy in front of `engine` on an ephemeral loopback port. */
export function proxyFor(engine: RunningEngine, record: string | undefined, redact: readonly string[] = []): Promise<RunningProxy> {
  return startProxy({ host: '127.0.0.1', port: 0, target: { host: '127.0.0.1', port: portOf(engine.address) }, record, redact });
}

/** The kit's grpc-js client of the Gateway service, with untyped methods. */
export type RawClient = Client & Record<string, (...args: unknown[]) => unknown>;

/** A grpc-js Gateway client for `address` (plaintext). */
export function gatewayClient(address: string): RawClient {
  const Ctor = createGatewayClientConstructor();
  return new Ctor(address, credentials.createInsecure()) as unknown as RawClient;
}

/** Calls a unary method (`options`: e.g. a deadline), resolving with the error or the response. */
export function unary(client: RawClient, method: string, request: object, metadata = new Metadata(), options: CallOptions = {}): Promise<{ error: ServiceError | null; response: Record<string, unknown> | undefined }> {
  return new Promise((resolve) => {
    const fn = client[method];
    if (fn === undefined) throw new Error(`no method ${method}`);
    fn.call(client, request, metadata, options, (error: ServiceError | null, response?: Record<string, unknown>) => resolve({ error, response }));
  });
}

/** Opens a server-streaming call. */
export function serverStream(client: RawClient, method: string, request: object, metadata = new Metadata()): ClientReadableStream<Record<string, unknown>> {
  const fn = client[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return fn.call(client, request, metadata) as ClientReadableStream<Record<string, unknown>>;
}

/** The lines of a cassette file, each parsed (throws on the first line that is not JSON). */
export function cassetteLines(path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

/** A CLI child process (`zeebe-conformance ...args` from source) and what it printed. */
export interface CliChild {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  output(): { stdout: string; stderr: string };
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the CLI from source in the repository root. */
export function spawnCli(args: readonly string[]): CliChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  process.once('exit', () => child.kill('SIGKILL'));
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Waits until the child printed a line matching `pattern`; rejects if it exits first. */
export async function printed(cli: CliChild, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const found = pattern.exec(cli.output().stdout);
    if (found) return found;
    if (cli.child.exitCode !== null || cli.child.signalCode !== null) throw new Error(`exited before printing ${pattern}: ${cli.output().stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
