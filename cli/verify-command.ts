import { catalogue } from '../rules/index.js';
import { RESULTS_VERSION, runFailed, type RunResults } from '../reports/index.js';
import { createGatewayClient } from '../suites/harness/client.js';
import { detectCapabilities } from '../suites/target/capabilities.js';
import { channelCredentialsOf, createTargetTokens, externalTargetGiven, resolveTargetConfig, type TargetFlags } from '../suites/target/target-config.js';
import { runTenants } from '../suites/cases/tenants.js';
import { verify, type VerifyTarget } from '../suites/verify.js';
import { embeddedTarget } from './embedded-target.js';
import { kitIdentity } from './kit-identity.js';
import { parseInteger, parseProfile } from './flags.js';
import { UsageError } from './usage-error.js';
import { createProgress } from './progress.js';
import { summaryTable } from './summary.js';
import { chooseBaseline, settleBaseline } from './baseline-file.js';
import { writeReports } from './write-reports.js';

/** The flags of `zeebe-conformance verify`. */
export interface VerifyFlags extends TargetFlags {
  readonly profile: string;
  readonly seed?: string;
  readonly runs: string;
  readonly concurrency: string;
  readonly shard?: string;
  readonly rules?: readonly string[];
  readonly output: string;
  readonly violate?: readonly string[];
  readonly baseline?: string;
  readonly updateBaseline?: boolean;
}

/**
 * `zeebe-conformance verify`: every rule of the catalogue against a target (default: the embedded engine, in each
 * multi-tenancy mode), judged with a known-failing baseline if given; a summary table and every report format.
 * Exit 0 when every applicable rule passed (or is known failing), 1 when the target broke a rule, refused an edge
 * request or the baseline is stale; configuration, baseline and target errors are usage errors (exit 2).
 */
export async function runVerifyCommand(flags: VerifyFlags): Promise<void> {
  const profile = parseProfile(flags.profile);
  const baseline = chooseBaseline(flags);
  const external = externalTargetGiven(flags, process.env);
  const live = external ? await liveTarget(flags) : undefined;
  const target = live?.target ?? embeddedTarget(profile, flags.violate ?? []);
  const startedAt = new Date();
  const seed = flags.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : parseInteger('--seed', flags.seed, 0, 2 ** 31 - 1);
  const runs = parseInteger('--runs', flags.runs, 0, 100_000);
  const concurrency = parseInteger('--concurrency', flags.concurrency, 1, 64);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  console.log(`verifying ${target.description} against profile ${profile} (seed ${seed}, ${runs} runs per property)`);
  const progress = createProgress();
  const verification = await verify(target, {
    profile,
    rules: flags.rules ?? [],
    targetArgs: live ? ` --target ${live.address}` : '',
    seed,
    runs,
    concurrency,
    ...(shard && { shard }),
    onStart: progress.start,
    onResult: progress.tick,
  });
  progress.done();
  const raw: RunResults = {
    version: RESULTS_VERSION,
    kind: 'verify',
    kit: kitIdentity(),
    target: { description: target.description },
    capabilities: verification.capabilities,
    profile,
    seed,
    runsPerProperty: runs,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    rules: verification.rules,
    acceptance: verification.acceptance,
  };
  const settled = baseline ? settleBaseline(raw, baseline, catalogue.map((r) => r.id)) : { results: raw, notes: [] };
  const { results } = settled;
  console.log(`\n${summaryTable(results)}`);
  for (const note of settled.notes) console.log(note);
  for (const problem of results.baseline?.problems ?? []) console.log(`stale baseline: ${problem.message}`);
  console.log(`reports:\n${writeReports(flags.output, results).map((file) => `  ${file}`).join('\n')}`);
  if (runFailed(results)) process.exitCode = 1;
}

/** `--shard i/n`: the i-th of n slices of the rules (1-based). */
function parseShard(value: string): [number, number] {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects i/n with 1 <= i <= n, got '${value}'`);
  return [index, count];
}

/** A live gateway: one setting, the one it has, learned by probing. */
async function liveTarget(flags: TargetFlags): Promise<{ target: VerifyTarget; address: string }> {
  const config = resolveTargetConfig(flags, process.env);
  const credentials = channelCredentialsOf(config);
  const tokens = await createTargetTokens(config).tokens();
  const client = createGatewayClient({ address: config.address, credentials });
  try {
    const caps = await detectCapabilities(client, tokens, { address: config.address, tenantId: config.authorizedTenant });
    const target: VerifyTarget = {
      description: `${config.description}, gateway ${caps.gatewayVersion}`,
      gatewayVersion: caps.gatewayVersion,
      settings: [{ multiTenancy: caps.multiTenancy, authRequired: caps.authRequired }],
      tenants: runTenants(config.authorizedTenant, config.moreTenants, config.strangerTenant),
      unimplemented: caps.unimplemented,
      hasStranger: tokens.stranger !== undefined,
      partitions: caps.partitions,
      prepare: () => Promise.resolve({ address: config.address, credentials, tokens, release: () => Promise.resolve() }),
    };
    return { target, address: config.address };
  } finally {
    client.close();
  }
}
