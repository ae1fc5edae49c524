import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtml, renderJson, renderJUnit, renderMarkdown, type Results } from '../reports/index.js';

/** Every report format: the file name verify writes it to, and its renderer (also `report render --format`). */
export const REPORT_FORMATS = {
  json: { file: 'results.json', render: renderJson },
  junit: { file: 'junit.xml', render: renderJUnit },
  md: { file: 'report.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
} as const satisfies Record<string, { file: string; render: (results: Results) => string }>;

/** The name of a report format. */
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** Writes every format into `folder`; answers the paths written. */
export function writeReports(folder: string, results: Results): string[] {
  mkdirSync(folder, { recursive: true });
  return Object.values(REPORT_FORMATS).map(({ file, render }) => {
    const path = join(folder, file);
    writeFileSync(path, render(results));
    return path;
  });
}
