import { writeFileSync } from 'node:fs';
import { diffReplayResults, diffResults, hasRegression, renderDiff, renderReplayDiff } from '../reports/index.js';
import { readResultsFile } from './results-file.js';
import { REPORT_FORMATS, type ReportFormat } from './write-reports.js';
import { UsageError } from './usage-error.js';

/** The flags of `zeebe-conformance report render`. */
export interface RenderFlags {
  readonly format: string;
  readonly output?: string;
}

/** `report render RESULTS.json --format html|md|junit|json [--output FILE]`: a saved run in another format. */
export function runReportRender(file: string, flags: RenderFlags): void {
  const format = Object.keys(REPORT_FORMATS).find((f): f is ReportFormat => f === flags.format);
  if (format === undefined) throw new UsageError(`unknown format '${flags.format}' (expected one of: ${Object.keys(REPORT_FORMATS).join(', ')})`);
  const text = REPORT_FORMATS[format].render(readResultsFile(file));
  if (flags.output === undefined) process.stdout.write(text);
  else {
    writeFileSync(flags.output, text);
    console.log(`wrote ${flags.output}`);
  }
}

/**
 * `report diff OLD.json NEW.json`: rules (or, for two replay runs, recorded calls) that regressed and were fixed;
 * exit 1 on a regression. A verify run and a replay run have nothing to compare: a usage error.
 */
export function runReportDiff(oldFile: string, newFile: string): void {
  const before = readResultsFile(oldFile);
  const after = readResultsFile(newFile);
  if (before.kind === 'replay' && after.kind === 'replay') {
    const diff = diffReplayResults(before, after);
    process.stdout.write(renderReplayDiff(diff));
    if (diff.regressions.length > 0) process.exitCode = 1;
    return;
  }
  if (before.kind !== 'verify' || after.kind !== 'verify') {
    throw new UsageError(`cannot diff a ${before.kind} run (${oldFile}) with a ${after.kind} run (${newFile}): compare runs of one kind`);
  }
  const diff = diffResults(before, after);
  process.stdout.write(renderDiff(diff));
  if (hasRegression(diff)) process.exitCode = 1;
}
