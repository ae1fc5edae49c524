import { coverageFigures, percent } from './coverage.js';
import { requestJson, xmlAttr, xmlText } from './escape.js';
import { barChart } from './html-charts.js';
import { COUNT_COLUMNS, humanDuration, summaryRows } from './summary-rows.js';
import { byRpc, totalsOf, type CheckFailure, type RuleResult, type RunResults, type RuleVerdict } from './results.js';

const LABELS: Readonly<Record<RuleVerdict, string>> = {
  passed: 'passed',
  failed: 'failed',
  'known-failing': 'known failing',
  'not-applicable': 'not applicable',
  'not-checked': 'not checked',
};

const anchor = (id: string): string => `rule-${id}`;
const badge = (v: RuleVerdict): string => `<span class="badge v-${v}">${LABELS[v]}</span>`;

/** The totals, each tagged with `data-total` (tests compare them with the JSON). */
export function totalsSection(results: RunResults): string {
  const totals = totalsOf(results.rules);
  const overall = coverageFigures(results.rules);
  const item = (label: string, key: string, value: string): string => `<div><dt>${label}</dt><dd data-total="${key}">${value}</dd></div>`;
  return [
    '<dl class="totals">',
    ...COUNT_COLUMNS.map(([label, key]) => item(label, key, String(totals[key]))),
    item('conformance index', 'index', percent(overall.index)),
    item('conformance score', 'score', percent(overall.score)),
    item("edge requests let through", 'edges', `${results.acceptance.checks - results.acceptance.failures.length}/${results.acceptance.checks}`),
    '</dl>',
    `<p>Conformance index: ${overall.applicable} of ${overall.documented} rules apply to this target. Conformance score: ${overall.passed} of ${overall.applicable} applicable rules passed (not checked and known-failing rules count as not passed).</p>`,
  ].join('\n');
}

/** What was verified: target, capabilities, profile, kit, seed, times. */
export function metaSection(results: RunResults): string {
  const caps = results.capabilities;
  const settings = caps.settings.map((s) => `multi-tenancy ${s.multiTenancy ? 'on' : 'off'}, auth ${s.authRequired ? 'required' : 'optional'}`).join('; ');
  const rows: [string, string][] = [
    ['target', results.target.description],
    ['gateway version', caps.gatewayVersion ?? 'n/a'],
    ['settings checked', settings === '' ? 'none' : settings],
    ['partitions', String(caps.partitions)],
    ['unimplemented RPCs', caps.unimplemented.length === 0 ? 'none' : caps.unimplemented.join(', ')],
    ['second caller', caps.secondCaller ? 'yes' : 'no'],
    ['profile', results.profile],
    ['kit', `${results.kit.name} ${results.kit.version}`],
    ['seed', `${results.seed} (${results.runsPerProperty} generated requests per property)`],
    ['started', results.startedAt],
    ['duration', humanDuration(results.durationMs)],
  ];
  return `<table class="meta-table">${rows.map(([k, v]) => `<tr><th>${k}</th><td>${xmlText(v)}</td></tr>`).join('')}</table>`;
}

/** Pass rate (conformance score) per RPC, and time spent per RPC. */
export function chartsSection(results: RunResults): string {
  const rows = summaryRows(results).filter((r) => r.name !== 'total');
  const groups = [...byRpc(results.rules)];
  const score = barChart(
    'Pass rate per RPC (passed / applicable rules)',
    groups.map(([rpc, rules]) => {
      const f = coverageFigures(rules);
      return { label: rpc, value: f.score ?? 0, text: `${percent(f.score)} (${f.passed}/${f.applicable})`, tone: (f.score ?? 1) < 1 ? 'v-failed' : 'v-passed' };
    }),
    1,
  );
  const longest = Math.max(0, ...rows.map((r) => r.durationMs));
  const durations = barChart('Time spent per RPC (its checks, fixtures included)', rows.map((r) => ({ label: r.name, value: r.durationMs, text: humanDuration(r.durationMs), tone: 'duration' })), longest);
  return `${score}\n${durations}`;
}

/** One row per RPC: counts, coverage, and a cell per rule coloured by verdict (linked to its details). */
export function matrixSection(results: RunResults): string {
  const legend = (Object.keys(LABELS) as RuleVerdict[]).map((v) => `<span><i class="cell v-${v}"></i>${LABELS[v]}</span>`).join('');
  const cells = (rules: readonly RuleResult[]): string =>
    rules.map((r) => `<a class="cell v-${r.verdict}" href="#${xmlAttr(encodeURI(anchor(r.id)))}" title="${xmlAttr(`${r.id}: ${LABELS[r.verdict]}`)}"></a>`).join('');
  const groups = byRpc(results.rules);
  const head = `<tr><th>RPC</th>${COUNT_COLUMNS.map(([h]) => `<th class="n">${h}</th>`).join('')}<th class="n">index</th><th class="n">score</th><th>rules</th></tr>`;
  const body = summaryRows(results).map((row) => {
    const counts = COUNT_COLUMNS.map(([, key]) => `<td class="n">${row.totals[key]}</td>`).join('');
    const rules = row.name === 'total' ? '' : cells(groups.get(row.name) ?? []);
    const name = row.name === 'total' ? '<strong>total</strong>' : xmlText(row.name);
    return `<tr data-rpc="${xmlAttr(row.name)}"><td>${name}</td>${counts}<td class="n">${row.index}</td><td class="n">${row.score}</td><td><div class="cells">${rules}</div></td></tr>`;
  });
  return `<p class="legend">${legend}</p><table class="matrix">${head}${body.join('')}</table>`;
}

function failureBlock(f: CheckFailure): string {
  return [
    `<h4>${xmlText(f.name)}</h4>`,
    `<table><tr><th>expected</th><td><code>${xmlText(f.expected)}</code></td></tr><tr><th>received</th><td><code>${xmlText(f.received)}</code></td></tr></table>`,
    f.details === '' ? '' : `<pre class="details">${xmlText(f.details)}</pre>`,
    f.request === undefined ? '' : `<p>Minimal request (proto-JSON):</p><pre><code>${xmlText(requestJson(f.request))}</code></pre>`,
    `<p>Reproduce:</p><pre><code>${xmlText(f.reproduce)}</code></pre>`,
  ].join('\n');
}

/** Each failed (then known-failing) rule: its quote, and every failed check with request, statuses and command. */
export function failuresSection(results: RunResults): string {
  const failing = results.rules.filter((r) => r.verdict === 'failed' || r.verdict === 'known-failing');
  if (failing.length === 0) return '<p>No rule failed.</p>';
  const sorted = [...failing].sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === 'failed' ? -1 : 1));
  return sorted.map((r) => {
    const known = r.knownFailure === undefined ? '' : `<p>Known failing, listed in the baseline as <code>${xmlText(r.knownFailure.pattern)}</code>: ${xmlText(r.knownFailure.reason)}${r.knownFailure.ticket === undefined ? '' : ` (${xmlText(r.knownFailure.ticket)})`}</p>`;
    const quote = r.quote === '' ? '<p>(a fact of the real gateway, not a sentence of the page)</p>' : `<blockquote>${xmlText(r.quote)}</blockquote>`;
    return `<section class="failure${r.verdict === 'known-failing' ? ' known' : ''}" data-verdict="${r.verdict}"><h3>${xmlText(r.id)} ${badge(r.verdict)}</h3>${known}${quote}${r.failures.map(failureBlock).join('\n')}</section>`;
  }).join('\n');
}

/** Requests at the rules' edges the target refused, if any. */
export function edgesSection(results: RunResults): string {
  const { checks, failures } = results.acceptance;
  if (failures.length === 0) return `<p>All ${checks} requests at the rules' edges were let through.</p>`;
  return `<p>${failures.length} of ${checks} requests at the rules' edges were refused:</p>${failures.map((f) => `<section class="failure">${failureBlock(f)}</section>`).join('\n')}`;
}

/** Every rule per RPC, with verdict, checks, requests, time and reason. */
export function rulesSection(results: RunResults): string {
  return [...byRpc(results.rules)].map(([rpc, rules]) => {
    const t = totalsOf(rules);
    const rows = rules.map((r) => `<tr id="${xmlAttr(anchor(r.id))}"><td><code>${xmlText(r.id)}</code></td><td>${badge(r.verdict)}</td><td class="n">${r.checks}</td><td class="n">${r.runs}</td><td class="n">${humanDuration(r.durationMs)}</td><td>${xmlText(r.reason ?? r.knownFailure?.reason ?? '')}</td></tr>`);
    const open = t.failed > 0 ? ' open' : '';
    return `<details${open}><summary>${xmlText(rpc)}: ${t.passed}/${t.rules} passed${t.failed > 0 ? `, ${t.failed} failed` : ''}</summary><table><tr><th>rule</th><th>verdict</th><th class="n">checks</th><th class="n">requests</th><th class="n">time</th><th>reason</th></tr>${rows.join('')}</table></details>`;
  }).join('\n');
}
