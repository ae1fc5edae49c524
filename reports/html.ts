import { xmlText } from './escape.js';
import { htmlPage } from './html-style.js';
import { chartsSection, edgesSection, failuresSection, matrixSection, metaSection, rulesSection, totalsSection } from './html-sections.js';
import { renderReplayHtml } from './replay-html.js';
import { runFailed, totalsOf, type Results } from './results.js';

/** Nothing may be fetched: no scripts, no fonts, no images but inline ones (the file must open offline). */

/**
 * The HTML report: ONE self-contained file (inline CSS and SVG, no script, no network) with the summary and
 * coverage, charts of pass rates and durations per RPC, a per-RPC matrix of rules and verdicts, every failure with
 * its quote, minimal request, expected vs received and reproduce command, and every rule's verdict. A replay run
 * gets its own page of calls (see replay-html.ts).
 */
export function renderHtml(results: Results): string {
  if (results.kind === 'replay') return renderReplayHtml(results);
  const failed = runFailed(results);
  const problems = results.baseline?.problems ?? [];
  const count = totalsOf(results.rules).failed;
  const verdict = failed ? `failed: ${count} ${count === 1 ? 'rule' : 'rules'} failed${problems.length > 0 ? ', the baseline is stale' : ''}` : 'passed';
  return htmlPage(`Zeebe gateway conformance: ${xmlText(results.target.description)}`, `<h1>Zeebe gateway conformance report</h1>
<p class="meta">${xmlText(results.target.description)} · profile ${xmlText(results.profile)} · ${xmlText(results.startedAt)}</p>
<p class="${failed ? 'verdict-failed' : 'verdict-passed'}" data-verdict="${failed ? 'failed' : 'passed'}"><strong>Run ${verdict}</strong></p>
${totalsSection(results)}
${problems.length === 0 ? '' : `<h2>Stale baseline</h2><ul>${problems.map((p) => `<li class="problem">${xmlText(p.message)}</li>`).join('')}</ul>`}
<h2>Run</h2>
${metaSection(results)}
<h2>Charts</h2>
${chartsSection(results)}
<h2>Rules per RPC</h2>
${matrixSection(results)}
<h2 id="failures">Failures</h2>
${failuresSection(results)}
<h2>Requests at the rules' edges</h2>
${edgesSection(results)}
<h2>Every rule</h2>
${rulesSection(results)}`);
}
