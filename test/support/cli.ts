import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from source there, so tests never depend on a build. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a CLI process ended, with everything it printed. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every child still alive; killed on exit so a failed test leaks nothing (mocha runs with --exit). */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

function spawnCli(args: readonly string[]): { child: ChildProcessByStdio<null, Readable, Readable>; output: () => { stdout: string; stderr: string }; exited: Promise<CliExit> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    // NO_COLOR: plain text to parse. GRPC_VERBOSITY is left alone on purpose: the CLI must not depend on it.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  alive.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliExit>((resolve, reject) => {
    child.once('error', reject);
    // 'close' (not 'exit'): every byte of stdout and stderr has been read by then.
    child.once('close', (code, signal) => {
      alive.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Races `promise` against a timer; on timeout, `onTimeout` runs and the returned promise rejects. */
function within<T>(promise: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `zeebe-conformance ...args` to completion; a run longer than `timeoutMs` is killed and rejects. */
export function runCli(args: readonly string[], timeoutMs = 20_000): Promise<CliExit> {
  const { child, output, exited } = spawnCli(args);
  return within(exited, timeoutMs, `zeebe-conformance ${args.join(' ')}`, () => {
    child.kill('SIGKILL');
    const { stdout, stderr } = output();
    process.stderr.write(`killed stuck child; stdout:\n${stdout}\nstderr:\n${stderr}\n`);
  });
}

/** A running `zeebe-conformance engine`, with what it printed when it came up. */
export interface CliEngine {
  /** `host:port` as printed. */
  readonly address: string;
  readonly host: string;
  readonly port: number;
  readonly transport: 'plaintext' | 'TLS';
  readonly tokenEndpoint: string;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Sends `signal` and waits for the exit; a process still alive after `timeoutMs` is killed and this rejects. */
  stop(signal?: 'SIGTERM' | 'SIGINT', timeoutMs?: number): Promise<CliExit>;
  /** SIGKILL if still running (for `after` hooks); never throws. */
  kill(): void;
}

const LISTENING = /^zeebe-conformance engine listening on (\S+) \((plaintext|TLS)\)$/m;
const TOKEN_ENDPOINT = /^ {2}OAuth token endpoint (\S+)$/m;

/** Starts `zeebe-conformance engine ...args` and resolves once it printed its address and token endpoint. */
export async function startCliEngine(args: readonly string[], timeoutMs = 15_000): Promise<CliEngine> {
  const { child, output, exited } = spawnCli(['engine', ...args]);
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const ready = new Promise<{ address: string; transport: 'plaintext' | 'TLS'; tokenEndpoint: string }>((resolve, reject) => {
    const check = (): void => {
      const { stdout } = output();
      const listening = LISTENING.exec(stdout);
      const endpoint = TOKEN_ENDPOINT.exec(stdout);
      if (listening?.[1] !== undefined && endpoint?.[1] !== undefined) {
        resolve({ address: listening[1], transport: listening[2] === 'TLS' ? 'TLS' : 'plaintext', tokenEndpoint: endpoint[1] });
      }
    };
    child.stdout.on('data', check);
    exited.then(
      (exit) => {
        reject(new Error(`engine exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${exit.stderr}${exit.stdout}`));
      },
      reject,
    );
  });
  const started = await within(ready, timeoutMs, `zeebe-conformance engine ${args.join(' ')}`, kill);
  const colon = started.address.lastIndexOf(':');
  return {
    ...started,
    host: started.address.slice(0, colon),
    port: Number(started.address.slice(colon + 1)),
    output,
    stop: (signal = 'SIGTERM', stopTimeoutMs = 5_000) => {
      child.kill(signal);
      return within(exited, stopTimeoutMs, `engine stop on ${signal}`, kill);
    },
    kill,
  };
}
