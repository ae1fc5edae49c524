#!/usr/bin/env node
import { logVerbosity, setLogVerbosity } from '@grpc/grpc-js';
import { Command, CommanderError, Option } from 'commander';
import { ListenError } from '../engine/index.js';
import { TargetConfigError } from '../suites/target/target-config.js';
import { TargetUnreachableError } from '../suites/target/capabilities.js';
import { PROFILES } from '../rules/index.js';
import { runEngineCommand } from './engine-command.js';
import { isProxyUsageError, registerProxyCommand } from './proxy-command.js';
import { registerReplayCommand } from './replay-command.js';
import { registerCassetteCommand } from './cassette-command.js';
import { runVerifyCommand } from './verify-command.js';
import { UsageError } from './usage-error.js';
// Loaded only when a report command runs: every other command starts without the readers.
import type { RenderFlags } from './report-command.js';

/** Exit codes: 0 all good, 1 a gateway broke a rule, 2 usage, configuration or target errors. */
const USAGE_EXIT = 2;

function program(): Command {
  const cli = new Command('zeebe-conformance')
    .description('Conformance kit for the Zeebe gateway gRPC API')
    .exitOverride()
    // Commander puts its "(Did you mean ...?)" on a second line; users get one line.
    .configureOutput({ writeErr: (text) => process.stderr.write(text.replace(/\n(?=\(Did you mean)/, ' ')) });
  cli
    .command('engine')
    .description('serve the in-memory reference engine over gRPC')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'gRPC port; 0 picks a free one (default 26500)')
    .addOption(new Option('--profile <profile>', 'which behaviour to emulate').choices(PROFILES))
    .option('--multi-tenancy', 'enable multi-tenancy')
    .option('--auth-required', 'refuse calls without a bearer token')
    .option('--oauth-port <port>', 'port of the OAuth token endpoint; 0 picks a free one (default 0)')
    .option('--tls-cert <file>', 'PEM certificate chain; serves TLS together with --tls-key')
    .option('--tls-key <file>', 'PEM private key')
    .option('--partitions <n>', 'number of partitions (default 1)')
    .option('--rest-port <port>', 'serve the REST API of Camunda user tasks (complete, assign, update) on this port; 0 picks a free one (default: off)')
    .option('--control-port <port>', 'loopback port of the control endpoint (reset, state); 0 picks a free one (default 0)')
    .option('--config <file>', 'JSON configuration file (flags override it)')
    .option('--violate <rule-glob...>', 'fault injection: break these rules (to prove a suite catches it)')
    .action(runEngineCommand);
  cli
    .command('verify')
    .alias('conformance')
    .description('check a gateway against every rule of the catalogue (default: the embedded reference engine)')
    .option('--target <host:port>', 'the gateway to verify (default: ZEEBE_ADDRESS, else the embedded engine)')
    .option('--tls', 'connect with TLS')
    .option('--ca <file>', 'PEM CA certificate to trust')
    .option('--cert <file>', 'PEM client certificate (mutual TLS)')
    .option('--key <file>', 'PEM client key (mutual TLS)')
    .option('--token <token>', 'a static bearer token for the authorized caller (else OAuth from ZEEBE_CLIENT_ID/...)')
    .option('--tenant <id>', "the authorized caller's tenant (default <default>)")
    .option('--more-tenants <ids>', 'more tenants the authorized caller holds, comma-separated (a 31-character one and <default> widen the checks)')
    .option('--stranger-token <token>', 'a bearer token of a caller authorized for another tenant (other-tenant rules)')
    .option('--stranger-client-id <id>', 'OAuth client id of that second caller')
    .option('--stranger-client-secret <secret>', 'OAuth client secret of that second caller')
    .option('--stranger-tenant <id>', "the second caller's tenant")
    .addOption(new Option('--profile <profile>', 'which behaviour to expect').choices(PROFILES).default('documented'))
    .option('--rules <glob...>', "only these rule ids (globs, e.g. 'ActivateJobs/*')")
    .option('--output <dir>', 'where to write results.json, junit.xml, report.md and report.html', 'out/conformance')
    .option('--seed <n>', 'fast-check seed for every property (default: random, printed)')
    .option('--runs <n>', 'generated requests per property (0: examples only)', '25')
    .option('--concurrency <n>', 'checks run at once (each builds its own fixtures)', '1')
    .option('--shard <i/n>', 'only the i-th of n slices of the rules, to split a run over CI machines')
    .option('--violate <rule-glob...>', 'embedded engine only: break these rules, to see the suites catch it')
    .option('--baseline <file>', 'known-failing file (JSON): listed failures do not fail the run; a stale list does')
    .option('--update-baseline', 'rewrite the --baseline file to match this run')
    .action(runVerifyCommand);
  const report = cli.command('report').description('re-render or compare saved results.json files');
  report.command('render <results>').description('render a saved run as html, md, junit or json')
    .requiredOption('--format <format>', 'html, md, junit or json')
    .option('--output <file>', 'write to this file (default: standard output)')
    .action(async (file: string, flags: RenderFlags) => {
      (await import('./report-command.js')).runReportRender(file, flags);
    });
  report
    .command('diff <old> <new>')
    .description('rules that regressed and were fixed between two runs; exit 1 on a regression')
    .action(async (oldFile: string, newFile: string) => {
      (await import('./report-command.js')).runReportDiff(oldFile, newFile);
    });
  registerProxyCommand(cli);
  registerReplayCommand(cli);
  registerCassetteCommand(cli);
  return cli;
}

async function main(argv: readonly string[]): Promise<number> {
  // grpc-js logs bind failures itself; the CLI reports them once, in its own words.
  setLogVerbosity(logVerbosity.NONE);
  try {
    if (argv.length <= 2) throw new UsageError('missing command: engine, verify, report, proxy, replay or cassette (see --help)');
    await program().parseAsync([...argv]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT;
    if (e instanceof UsageError || e instanceof ListenError || e instanceof TargetConfigError || e instanceof TargetUnreachableError || isProxyUsageError(e)) {
      console.error(`zeebe-conformance: ${e.message}`);
      return USAGE_EXIT;
    }
    throw e;
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 70;
  },
);
