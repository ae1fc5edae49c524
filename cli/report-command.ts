import { writeFileSync } from 'node:fs';
import { diffResults, hasRegression, renderDiff } from '../reports/index.js';
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

/** `report diff OLD.json NEW.json`: rules that regressed and were fixed; exit 1 on a regression. */
export function runReportDiff(oldFile: string, newFile: string): void {
  const diff = diffResults(readResultsFile(oldFile), readResultsFile(newFile));
  process.stdout.write(renderDiff(diff));
  if (hasRegression(diff)) process.exitCode = 1;
}
