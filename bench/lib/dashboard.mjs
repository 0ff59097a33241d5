// The dashboard: initial JavaScript (gzip) of the built app, and the time until the programme page
// shows its key figures in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_PASSWORD, DASHBOARD_DIST, ROOT, stats } from './common.mjs';

/**
 * Initial JS (gzip -9) by the repository's own bundle-size script, tools/check-bundle-size.mjs (the
 * dashboard:bundle-size target of npm test): index.html's module entry scripts and modulepreload links.
 * `viteReport` cross-checks with Vite's own « gzip: » column (build option reportCompressedSize)
 * when the build log is given (Vite's kB are 1,000 bytes; the script's kB are 1,024).
 */
export function initialJsSize(distDir = DASHBOARD_DIST, buildLog = null) {
  const script = join(ROOT, 'tools/check-bundle-size.mjs');
  if (!existsSync(script)) return { error: `${script} absent` };
  if (!existsSync(join(distDir, 'index.html'))) return { error: `${join(distDir, 'index.html')} absent (nx build dashboard)` };
  // The script exits 1 over its budget, still printing its JSON: read stdout either way.
  const run = spawnSync(process.execPath, [script, distDir, '--json'], { encoding: 'utf8' });
  const measured = JSON.parse(run.stdout);
  let viteReport = null;
  if (buildLog) {
    // « dist/apps/dashboard/assets/index-abc.js   400.12 kB │ gzip: 120.34 kB »
    // eslint-disable-next-line no-control-regex -- Vite colours its report with ANSI escapes
    const plain = buildLog.replace(/\x1b\[[0-9;]*m/g, '');
    const rows = [...plain.matchAll(/assets\/(\S+\.js)\s+([\d.,]+) kB\s+│\s+gzip:\s+([\d.,]+) kB/g)].map((m) => ({ file: m[1], kB: Number(m[2].replace(',', '')), gzipKB: Number(m[3].replace(',', '')) }));
    const initialNames = new Set(measured.files.map((f) => f.file.split('/').pop()));
    const initial = rows.filter((r) => initialNames.has(r.file));
    if (initial.length) viteReport = { files: initial, gzipKB: Math.round(initial.reduce((a, r) => a + r.gzipKB, 0) * 100) / 100 };
  }
  return { tool: 'tools/check-bundle-size.mjs', files: measured.files, jsGzipKB: measured.initialJsGzipKb, budgetKB: measured.budgetKb, overBudget: run.status !== 0, viteReport };
}

/**
 * Signs in through the API from the browser context (its cookie jar), opens
 * /dispositifs/:code?annee=&base=realise in a FRESH context each run (cold cache) and waits until
 * the key figures are on screen and no « Chargement… » is left. Times: from navigation start
 * (performance.now() in the page) and as seen by the driver.
 */
export async function timeToFigures(baseUrl, { email, code, year, runs = 5, chromiumPath = '/usr/bin/chromium' }) {
  if (!existsSync(chromiumPath)) return { error: `Chromium absent : ${chromiumPath}` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const inPage = [];
  const driver = [];
  let figures = null;
  try {
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      const login = await context.request.post(`${baseUrl}/api/auth/login`, { data: { email, password: BENCH_PASSWORD } });
      if (login.status() !== 200) throw new Error(`connexion ${login.status()}`);
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`${baseUrl}/dispositifs/${code}?annee=${year}&base=realise`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelectorAll('.kpi__value').length > 0 && document.querySelectorAll('main .loading').length === 0, undefined, { timeout: 60_000, polling: 'raf' });
      const shownAt = await page.evaluate(() => performance.now());
      const elapsed = performance.now() - t;
      figures ??= await page.evaluate(() => [...document.querySelectorAll('.kpi')].slice(0, 6).map((k) => k.textContent?.replace(/\s+/g, ' ').trim()));
      if (i > 0) {
        // run 0 warms the API and the OS file cache; the browser cache is fresh in every context.
        inPage.push(shownAt);
        driver.push(elapsed);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runs, fromNavigationStart: stats(inPage), asSeenByDriver: stats(driver), keyFiguresShown: figures };
}
