import { xmlAttr, xmlText } from './escape.js';
import { htmlPage } from './html-style.js';
import { callName, callTotalsOf, callsByRpc, statusText, type CallResult, type CallVerdict } from './replay-results.js';
import { humanDuration } from './summary-rows.js';
import type { ReplayRunResults } from './results.js';

/** Nothing may be fetched: no scripts, no fonts, no images but inline ones (the file must open offline). */

/** The verify report's colours: a match is a pass, a mismatch a failure, a skipped call not applicable. */
const TONES: Readonly<Record<CallVerdict, string>> = { matched: 'v-passed', mismatched: 'v-failed', skipped: 'v-not-applicable' };

const anchor = (call: CallResult): string => `call-${call.id}`;
const badge = (v: CallVerdict): string => `<span class="badge ${TONES[v]}">${v}</span>`;
const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value, null, 2));

/**
 * The HTML report of a replay run: ONE self-contained file (inline CSS, no script, no network) with the totals,
 * the cassette and target, a per-RPC matrix of calls coloured by verdict, each mismatched call with its statuses
 * and a table of field differences (recorded vs live), the keys mapped, and every call.
 */
export function renderReplayHtml(results: ReplayRunResults): string {
  const totals = callTotalsOf(results.calls);
  const failed = totals.mismatched > 0;
  return htmlPage(`Zeebe replay verify: ${xmlText(results.target.description)}`, `<h1>Zeebe replay verify report</h1>
<p class="meta">${xmlText(results.cassette.path)} → ${xmlText(results.target.description)} · ${xmlText(results.startedAt)}</p>
<p class="${failed ? 'verdict-failed' : 'verdict-passed'}" data-verdict="${failed ? 'failed' : 'passed'}"><strong>Run ${failed ? `failed: ${totals.mismatched} ${totals.mismatched === 1 ? 'call' : 'calls'} mismatched` : 'passed'}</strong></p>
<dl class="totals">${(['calls', 'matched', 'mismatched', 'skipped'] as const).map((k) => `<div><dt>${k}</dt><dd data-total="${k}">${totals[k]}</dd></div>`).join('')}</dl>
<h2>Run</h2>
${metaTable(results)}
<h2>Calls per RPC</h2>
${matrix(results)}
<h2 id="mismatches">Mismatches</h2>
${failed ? results.calls.filter((c) => c.verdict === 'mismatched').map(mismatch).join('\n') : '<p>Every replayed call matched its recording.</p>'}
<h2>Keys mapped</h2>
${keysTable(results.keys)}
<h2>Every call</h2>
${everyCall(results.calls)}`);
}

function metaTable(results: ReplayRunResults): string {
  const rows: [string, string][] = [
    ['cassette', results.cassette.path],
    ['recorded from', `${results.cassette.recordedTarget} at ${results.cassette.recordedAt}`],
    ['gateway.proto', results.cassette.proto],
    ['target', results.target.description],
    ['not compared', results.noise.join(', ')],
    ['kit', `${results.kit.name} ${results.kit.version}`],
    ['started', results.startedAt],
    ['duration', humanDuration(results.durationMs)],
  ];
  return `<table class="meta-table">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${xmlText(v)}</td></tr>`).join('')}</table>`;
}

function matrix(results: ReplayRunResults): string {
  const legend = (Object.keys(TONES) as CallVerdict[]).map((v) => `<span><i class="cell ${TONES[v]}"></i>${v}</span>`).join('');
  const rows = [...callsByRpc(results.calls)].map(([rpc, calls]) => {
    const t = callTotalsOf(calls);
    const cells = calls.map((c) => `<a class="cell ${TONES[c.verdict]}" href="#${anchor(c)}" title="${xmlAttr(`${callName(c)}: ${c.verdict}`)}"></a>`).join('');
    return `<tr data-rpc="${xmlAttr(rpc)}"><td>${xmlText(rpc)}</td><td class="n">${t.calls}</td><td class="n">${t.matched}</td><td class="n">${t.mismatched}</td><td class="n">${t.skipped}</td><td><div class="cells">${cells}</div></td></tr>`;
  });
  return `<p class="legend">${legend}</p><table class="matrix"><tr><th>RPC</th><th class="n">calls</th><th class="n">matched</th><th class="n">mismatched</th><th class="n">skipped</th><th>calls</th></tr>${rows.join('')}</table>`;
}

function mismatch(call: CallResult): string {
  const statuses = `<table><tr><th></th><th>status</th><th class="n">messages</th></tr><tr><th>recorded</th><td><code>${xmlText(statusText(call.recorded.status))}</code></td><td class="n">${call.recorded.messages}</td></tr><tr><th>live</th><td><code>${xmlText(statusText(call.live?.status ?? -1))}</code></td><td class="n">${call.live?.messages ?? 0}</td></tr></table>`;
  const details = call.live?.details ? `<pre class="details">${xmlText(call.live.details)}</pre>` : '';
  const rows = call.differences.map((d) => `<tr><td><code>${xmlText(d.path === '' ? '(message)' : d.path)}</code></td><td><pre>${xmlText(show(d.recorded))}</pre></td><td><pre>${xmlText(show(d.live))}</pre></td></tr>`);
  const diffs = `<table class="differences"><tr><th>field</th><th>recorded</th><th>live</th></tr>${rows.join('')}</table>`;
  return `<section class="failure" data-verdict="mismatched"><h3>${xmlText(callName(call))} ${badge('mismatched')}</h3><p><code>${xmlText(call.method)}</code></p>${statuses}${details}${diffs}</section>`;
}

function keysTable(keys: Readonly<Record<string, string>>): string {
  const rows = Object.entries(keys).map(([recorded, live]) => `<tr><td><code>${xmlText(recorded)}</code></td><td><code>${xmlText(live)}</code></td></tr>`);
  if (rows.length === 0) return '<p>No key was mapped.</p>';
  return `<details><summary>${rows.length} recorded keys and the live keys that replaced them</summary><table><tr><th>recorded</th><th>live</th></tr>${rows.join('')}</table></details>`;
}

function everyCall(calls: readonly CallResult[]): string {
  const row = (c: CallResult): string => {
    const live = c.live === undefined ? '' : `${statusText(c.live.status)}, ${c.live.messages} msgs`;
    const mapped = Object.keys(c.keysMapped).length;
    return `<tr id="${anchor(c)}"><td>${xmlText(callName(c))}</td><td>${badge(c.verdict)}</td><td>${xmlText(`${statusText(c.recorded.status)}, ${c.recorded.messages} msgs`)}</td><td>${xmlText(live)}</td><td class="n">${mapped}</td><td class="n">${c.live === undefined ? '' : humanDuration(c.live.durationMs)}</td><td>${xmlText(c.reason ?? '')}</td></tr>`;
  };
  return `<table><tr><th>call</th><th>verdict</th><th>recorded</th><th>live</th><th class="n">keys mapped</th><th class="n">time</th><th>reason</th></tr>${calls.map(row).join('')}</table>`;
}
