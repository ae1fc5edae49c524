import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { coverageFigures, MARKDOWN_LIMIT, percent, totalsOf, type RunResults } from '../../reports/index.js';
import { REPO_ROOT, runCli, type CliExit } from '../support/cli.js';
import { junitSchemaProblems } from './junit-schema.js';
import { resultsSchemaProblems } from './results-schema.js';

const CHROMIUM = '/usr/bin/chromium';
const BROKEN = 'PublishMessage/tenant/mt-on-too-long';
/** Kept after the run (out/ is gitignored): the screenshot of the report as Chromium drew it. */
const ARTIFACTS = join(REPO_ROOT, 'out', 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The reports of a real run: verify on the embedded engine, two RPCs' rules, one of them broken on purpose. */
describe('reports of a real verify run (embedded engine, one rule violated)', function () {
  this.timeout(180_000);
  let dir: string;
  let exit: CliExit;
  let results: RunResults;
  const report = (name: string): string => join(dir, name);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zeebe-conformance-real-run-'));
    exit = await runCli(['verify', '--rules', 'ActivateJobs/*', 'PublishMessage/*', '--violate', BROKEN, '--runs', '3', '--output', dir], 170_000);
    results = JSON.parse(readFileSync(report('results.json'), 'utf8')) as RunResults;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the run for the violated rule, and only for it', () => {
    assert.equal(exit.code, 1, `${exit.stderr}\n${exit.stdout}`);
    assert.deepEqual(results.rules.filter((r) => r.verdict === 'failed').map((r) => r.id), [BROKEN]);
    assert.ok(results.rules.some((r) => r.verdict === 'not-checked' || r.verdict === 'passed'));
  });

  it('writes results.json that the JSON schema accepts, JUnit the JUnit schema accepts, and Markdown under the size limit', () => {
    assert.deepEqual(resultsSchemaProblems(JSON.parse(readFileSync(report('results.json'), 'utf8'))), []);
    assert.deepEqual(junitSchemaProblems(readFileSync(report('junit.xml'), 'utf8')), []);
    const md = readFileSync(report('report.md'), 'utf8');
    assert.ok(md.length < MARKDOWN_LIMIT);
    assert.ok(md.includes(`#### \`${BROKEN}\``), 'the failure is in the Markdown');
  });

  it('renders the HTML report in headless Chromium with no console error, nothing fetched, and the JSON totals', async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env['CI'] !== undefined) assert.fail(`${CHROMIUM} is missing: .ci/run installs the Debian package chromium`);
      process.stdout.write(`      (skipped: ${CHROMIUM} is missing; install the Debian package chromium to run this test)\n`);
      this.skip();
    }
    const profile = mkdtempSync(join(tmpdir(), 'zeebe-conformance-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const url = pathToFileURL(report('report.html')).href;
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => r.url() !== url && problems.push(`fetched ${r.url()}`));
      await page.goto(url, { waitUntil: 'load' });
      const shown: Record<string, string | null> = {};
      for (const node of await page.locator('[data-total]').all()) shown[(await node.getAttribute('data-total')) ?? ''] = await node.textContent();
      const totals = totalsOf(results.rules);
      const overall = coverageFigures(results.rules);
      const expected = { ...Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, String(v)])), index: percent(overall.index), score: percent(overall.score) };
      assert.deepEqual({ ...shown, edges: undefined }, { ...expected, edges: undefined });
      assert.equal(await page.locator('a.cell').count(), results.rules.length, 'a matrix cell per rule');
      assert.equal(await page.locator('section.failure[data-verdict="failed"]').count(), totals.failed);
      assert.equal(await page.locator('svg.chart').count(), 2);
      assert.ok((await page.locator('section.failure').first().textContent())?.includes(`--rules '${BROKEN}'`));
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, 'conformance-report.png');
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok(statSync(shot).size > 10_000, 'the screenshot has content');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
