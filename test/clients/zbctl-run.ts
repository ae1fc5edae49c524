import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real Go client (zbctl 8.4.1), called directly (the npm wrapper checks for updates over the network). */
const ZBCTL = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'node_modules', 'zbctl', 'bin', 'zbctl-cli.linux');

/** How a zbctl run ended. */
export interface ZbctlRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs zbctl against `address` with a clean environment (no ZEEBE_* variables, so no OAuth), never throwing. */
export function zbctlAt(address: string, ...args: string[]): Promise<ZbctlRun> {
  const argv = ['--address', address, '--insecure', '--requestTimeout', '5s', ...args];
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  return new Promise((resolve) => {
    execFile(ZBCTL, argv, { env, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs zbctl against `address`, asserting exit 0, and parses its JSON output. */
export async function zbctlJsonAt<T>(address: string, ...args: string[]): Promise<T> {
  const run = await zbctlAt(address, ...args);
  assert.equal(run.code, 0, `zbctl ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}
