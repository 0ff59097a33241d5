import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { BudgetView, ProgrammeSummary } from '@sdat/api-types';
import { formatEuros } from '@sdat/format';
import { startBuiltApp, type RunningServer } from './support/app-server';
import { seriousA11yViolations } from './support/axe';
import { artifactsDir, hasChromium, launchChromium } from './support/browser';
import { pageGet, signInThroughLoginPage } from './support/session';

/**
 * Smoke test of the product as `npm start` runs it: the built API serves the built dashboard on one
 * port; a visitor is sent to the login page, signs in (operator demo account), and a figure the API
 * computes is on screen, formatted fr-FR.
 */
describe.skipIf(!hasChromium)('smoke: the built app shows API figures in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  /** One browser session (cookies) for the whole file, signed in as the operator in the first test. */
  let session: BrowserContext;

  beforeAll(async () => {
    server = await startBuiltApp();
    browser = await launchChromium();
    // bypassCSP only lets the test inject axe-core; the app's own CSP stays strict.
    session = await browser.newContext({ bypassCSP: true });
  });
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await server?.stop();
  });

  it('serves health and the dashboard on the same port; the API asks for a session', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.status).toBe('ok');
    expect(health.info.database).toMatchObject({ status: 'up', mode: server.mode });
    const refused = await fetch(`${server.url}/api/programmes`);
    expect(refused.status).toBe(401);
    expect((await refused.json()).message).toBe('Connexion requise.');
  });

  it('sends a visitor to the French login page, which passes axe', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${server.url}/dispositifs`);
    await page.waitForURL((url) => url.pathname === '/connexion');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByRole('table', { name: 'Comptes de démonstration et ce qu’ils montrent' }).waitFor();
    await expect(page.title()).resolves.toBe('Connexion — Indicateurs des conventions');
    await page.screenshot({ path: join(artifactsDir, 'connexion.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('signs in and shows every programme of the operator on the home page', async () => {
    const page = await session.newPage();
    await signInThroughLoginPage(page, server.url, 'operateur@demo.sdat.fr', { typed: true });
    await expect(page.title()).resolves.toMatch(/Indicateurs des conventions/);
    const programmes = await pageGet<ProgrammeSummary[]>(page, '/api/programmes');
    expect(programmes.length).toBeGreaterThanOrEqual(3);
    for (const p of programmes) await page.getByText(p.name, { exact: false }).first().waitFor();
    await page.screenshot({ path: join(artifactsDir, 'accueil.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the 2022 forecast total expenses of ACOR Centre Ville as the API computes it', async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(server.url);
    const budget = await pageGet<BudgetView>(page, '/api/programmes/acor-centre-ville/budgets?year=2022&basis=forecast');
    const shown = formatEuros(budget.totals.expenses.computedCents);
    await page.goto(`${server.url}/dispositifs/acor-centre-ville?annee=2022&base=previsionnel`);
    await page.getByText(shown).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifactsDir, 'dispositif-acor-centre-ville-2022.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
