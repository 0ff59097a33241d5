import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { BudgetView, ProgrammeSummary } from '@sdat/api-types';
import { formatEuros } from '@sdat/format';
import { startBuiltApp, type RunningServer } from './support/app-server';
import { seriousA11yViolations } from './support/axe';
import { artifactsDir, hasChromium, launchChromium } from './support/browser';

/**
 * Smoke test of the product as `npm start` runs it: the built API serves the built dashboard on one
 * port, and a figure the API computes is on screen, formatted fr-FR.
 */
describe.skipIf(!hasChromium)('smoke: the built app shows API figures in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startBuiltApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves health and the dashboard on the same port', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.info.database).toMatchObject({ status: 'up', mode: server.mode });
    // bypassCSP only lets the test inject axe-core; the app's own CSP stays strict.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(server.url);
    await expect(page.title()).resolves.toMatch(/Indicateurs des conventions/);
    const programmes = (await (await fetch(`${server.url}/api/programmes`)).json()) as ProgrammeSummary[];
    expect(programmes.length).toBeGreaterThanOrEqual(3);
    for (const p of programmes) await page.getByText(p.name, { exact: false }).first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'accueil.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the 2022 forecast total expenses of ACOR Centre Ville as the API computes it', async () => {
    const res = await fetch(`${server.url}/api/programmes/acor-centre-ville/budgets?year=2022&basis=forecast`);
    expect(res.status).toBe(200);
    const budget = (await res.json()) as BudgetView;
    const shown = formatEuros(budget.totals.expenses.computedCents);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
    await page.goto(`${server.url}/dispositifs/acor-centre-ville?annee=2022&base=previsionnel`);
    await page.getByText(shown).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifactsDir, 'dispositif-acor-centre-ville-2022.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
