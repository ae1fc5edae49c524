import type { Command } from 'commander';
import { UsageError } from './usage-error.js';

/** The flags of `zeebe-conformance cassette`. */
export interface CassetteFlags {
  readonly cassette?: readonly string[];
  readonly method?: readonly string[];
  readonly dropMethod?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
}

function parseTime(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`${flag} expects an ISO time like 2026-01-31T12:00:00Z, got '${value}'`);
  return new Date(time);
}

/** `zeebe-conformance cassette`: merge cassettes and keep the calls selected by method and time. */
export async function runCassetteCommand(flags: CassetteFlags): Promise<void> {
  const inputs = flags.cassette ?? [];
  if (inputs.length === 0) throw new UsageError('cassette needs --cassette FILE (one or more)');
  if (flags.output === undefined) throw new UsageError('cassette needs --output FILE');
  if (inputs.includes(flags.output)) throw new UsageError(`--output ${flags.output} is one of the inputs`);
  const filter = { methods: flags.method ?? [], dropMethods: flags.dropMethod ?? [], from: parseTime('--from', flags.from), to: parseTime('--to', flags.to) };
  // Loaded on use, so the other commands start without the proxy's modules.
  const { mergeCassettes, openCassetteWriter, readCassette } = await import('../proxy/index.js');
  const { header, events } = mergeCassettes(inputs.map(readCassette), filter);
  let writer;
  try {
    writer = openCassetteWriter(flags.output, header);
  } catch (e) {
    throw new UsageError(`cannot write ${flags.output}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  for (const event of events) writer.append(event);
  writer.close();
  const calls = events.filter((e) => e.e === 'call').length;
  console.log(`wrote ${calls} calls from ${inputs.length} cassette${inputs.length === 1 ? '' : 's'} to ${flags.output}`);
}

/** Adds `cassette` (merge and filter) to the CLI. */
export function registerCassetteCommand(cli: Command): void {
  cli
    .command('cassette')
    .description('merge cassettes and keep the calls selected by method and time, into a new cassette')
    .option('--cassette <file...>', 'the cassettes to read (times are aligned on their start times)')
    .option('--method <rpc...>', 'keep only these methods (e.g. ActivateJobs CompleteJob)')
    .option('--drop-method <rpc...>', 'drop these methods (e.g. Topology)')
    .option('--from <iso-time>', 'keep calls started at or after this time')
    .option('--to <iso-time>', 'keep calls started at or before this time')
    .option('--output <file>', 'the cassette to write')
    .action(runCassetteCommand);
}
