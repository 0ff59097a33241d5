import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IndicatorValue, ProgrammeIndicatorsResponse, UserView } from '@sdat/api-types';
import { indicatorValueText, missingValue } from '@sdat/charts';
import { formatEuros, formatNumber } from '@sdat/format';
import { useAppInBrowser } from './support/app-in-browser';
import { seriousA11yViolations } from './support/axe';
import { artifactsDir, hasChromium } from './support/browser';
import { DEMO_ACCOUNTS, demoAccount, pageGet, waitForLoaded } from './support/session';

/**
 * Every demo account (one per role) signs in through the login page and opens every page of its
 * navigation: screenshot in test-artifacts/e2e/roles/, no serious or critical axe violation. Then
 * what each role is for: the operator's figures are the API's, the funder sees small counts masked,
 * the admin only administers, the monitoring committee compares, a pilot is refused outside its scope.
 */
describe.skipIf(!hasChromium)('roles: each demo account signs in and sees what its role may see', () => {
  const app = useAppInBrowser();

  /** A fresh browser session (own cookies) signed in as `email` through the login page. */
  async function signIn(email: string, path = '/'): Promise<Page> {
    const page = await app.signIn(email, path);
    return page;
  }

  function mainNav(page: Page) {
    return page.getByRole('navigation', { name: 'Navigation principale' });
  }

  function slug(text: string): string {
    return text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifactsDir, 'roles', `${name}.png`), fullPage: true });
  }


  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
    '%s signs in through the login page and opens every page of its navigation (screenshot, axe)',
    async (email, account) => {
      const page = await signIn(email);
      const header = page.getByRole('banner');
      await header.getByText(account.displayName, { exact: true }).waitFor();
      const me = await pageGet<{ organisation: { name: string }; roleLabel: string; demoMode: boolean }>(page, '/api/auth/me');
      expect(me.roleLabel).toBe(account.roleLabel);
      await header.getByText(`${me.organisation.name} — ${me.roleLabel}`, { exact: true }).waitFor();
      await page.getByRole('note', { name: 'Données de démonstration' }).first().waitFor();

      const labels = await mainNav(page).getByRole('link').allTextContents();
      expect(labels).toEqual(account.nav);
      for (const label of labels) {
        await mainNav(page).getByRole('link', { name: label, exact: true }).click();
        // the previous page's h1 is still there until the router has moved: wait for the link to be the current one first
        await mainNav(page).getByRole('link', { name: label, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
        await page.locator('main h1').first().waitFor();
        await waitForLoaded(page);
        expect(await mainNav(page).getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
        expect(await page.locator('main h1').first().textContent()).not.toBe('Accès refusé');
        await screenshot(page, `${slug(email.split('@')[0] ?? email)}-${slug(label)}`);
        expect(await seriousA11yViolations(page), `${email} — ${label}`).toEqual([]);
      }
    },
  );

  it.each(['acor-centre-ville', 'acor-dijon-metropole', 'emas'])(
    'operator: the 2022 forecast figures of %s on screen (key figures and the table of every indicator) are the API’s',
    async (code) => {
      const page = await signIn('operateur@demo.sdat.fr', `/dispositifs/${code}?annee=2022&base=previsionnel`);
      expect(new URL(page.url()).pathname).toBe(`/dispositifs/${code}`);
      const api = await pageGet<ProgrammeIndicatorsResponse>(page, `/api/programmes/${code}/indicators?year=2022&basis=forecast`);
      const region = page.getByRole('region', { name: 'Chiffres clés — Budget prévisionnel 2022' });
      await region.locator('.kpi').first().waitFor({ timeout: 30_000 });
      const cards = await region.locator('.kpi').evaluateAll((items) =>
        items.map((item) => ({
          label: item.querySelector('.kpi__label')?.textContent ?? '',
          value: item.querySelector('.kpi__value')?.textContent ?? '',
        })),
      );
      expect(cards.length).toBeGreaterThanOrEqual(3);
      for (const card of cards) {
        const indicator = api.indicators.find((item) => item.label === card.label);
        expect(indicator, `indicateur « ${card.label} » absent de la réponse de l'API`).toBeDefined();
        expect(card.value, card.label).toBe(keyFigureText(indicator as IndicatorValue));
      }
      // every indicator of the API is a row of the table, with the same value
      const table = page.getByRole('table', { name: 'Indicateurs calculés — Budget prévisionnel 2022' });
      await table.waitFor({ timeout: 30_000 });
      const rows = await table.locator('tbody tr:not(.group-row)').evaluateAll((items) =>
        items.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? ''] as const),
      );
      const onScreen = new Map(rows);
      expect(rows).toHaveLength(api.indicators.length);
      for (const indicator of api.indicators) {
        expect([indicator.label, onScreen.get(indicator.label)]).toEqual([indicator.label, missingValue(indicator)?.label ?? indicatorValueText(indicator)]);
      }
      await screenshot(page, `operateur-chiffres-cles-${code}-2022`);
    },
  );

  it('operator: the month-by-month table of ACOR Dijon Métropole 2022 (actual) is the API’s, month by month', async () => {
    const page = await signIn('operateur@demo.sdat.fr', '/dispositifs/acor-dijon-metropole?annee=2022&base=realise');
    const api = await pageGet<ProgrammeIndicatorsResponse>(page, '/api/programmes/acor-dijon-metropole/indicators?year=2022&basis=actual');
    const monthly = api.indicators.find((item) => item.code === 'monthly_caseload');
    expect(monthly?.value).not.toBeNull();
    const title = 'Entrées, sorties et file active par mois — Réalisé 2022';
    const panel = page.getByRole('region', { name: title });
    await panel.getByRole('button', { name: 'Afficher le tableau' }).click();
    const rows = await panel.getByRole('table', { name: title }).locator('tbody tr').evaluateAll((items) =>
      items.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
    const value = (month: string, measure: string) => formatNumber(monthly?.details?.find((d) => d.key === `${month}:${measure}`)?.value as number);
    const expected = Array.from({ length: 12 }, (_, i) => {
      const month = `2022-${String(i + 1).padStart(2, '0')}`;
      const name = new Date(2022, i, 1).toLocaleDateString('fr-FR', { month: 'long' });
      return [`${name.charAt(0).toUpperCase()}${name.slice(1)} 2022`, value(month, 'entries'), value(month, 'exits'), value(month, 'at_end')];
    });
    expect(rows).toEqual(expected);
    // the chart and its table, as the operator sees them (not the whole page)
    await page.getByRole('heading', { name: title }).scrollIntoViewIfNeeded();
    await page
      .locator('section', { has: page.getByRole('heading', { name: title }) })
      .last()
      .screenshot({ path: join(artifactsDir, 'roles', 'operateur-mois-par-mois-acor-dijon-metropole-2022.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('operator: the imports page offers the template and lists every error of a refused file, nothing imported', async () => {
    const page = await signIn('operateur@demo.sdat.fr', '/imports?dispositif=emas&annee=2023&donnees=budget');
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    const template = await page.getByRole('link', { name: 'Télécharger le modèle à remplir (XLSX)' }).getAttribute('href');
    expect(template).toBe('/api/programmes/emas/imports/budget/template?year=2023');
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength };
    }, template as string);
    expect(download.status).toBe(200);
    expect(download.type).toContain('spreadsheetml');
    expect(download.bytes).toBeGreaterThan(1000);
    const before = await pageGet<unknown[]>(page, '/api/programmes/emas/imports?year=2023');

    await page.getByLabel(/^Fichier XLSX ou CSV/).setInputFiles({ name: 'budget-faux.csv', mimeType: 'text/csv', buffer: Buffer.from('a;b\n1;2\n') });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('alert').getByText(/rien n'a été importé/).waitFor({ timeout: 30_000 });
    const errors = page.getByRole('table', { name: /^Erreurs du fichier \(\d+/ });
    await errors.waitFor();
    expect(await errors.getByRole('row').count()).toBeGreaterThan(1);
    expect(await pageGet<unknown[]>(page, '/api/programmes/emas/imports?year=2023')).toEqual(before);
    await screenshot(page, 'operateur-import-refuse');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('funder: small counts are masked « < 5 » on the 2022 actual pages of the programmes it funds', async () => {
    const page = await signIn('financeur.ville@demo.sdat.fr');
    const me = await pageGet<{ smallCountsMasked: boolean; programmes: string[] }>(page, '/api/auth/me');
    expect(me.smallCountsMasked).toBe(true);
    const candidates = ['emas', 'acor-centre-ville'].filter((code) => me.programmes.includes(code));
    expect(candidates.length).toBeGreaterThan(0);
    let masked: string | null = null;
    for (const code of candidates) {
      const response = await pageGet<ProgrammeIndicatorsResponse>(page, `/api/programmes/${code}/indicators?year=2022&basis=actual`);
      if (response.indicators.some(hasSuppressed)) {
        masked = code;
        break;
      }
    }
    // Not a skip: without suppression in the API the funder would see small counts of people.
    expect(masked, 'aucun indicateur masqué (« suppressed ») dans les réponses 2022 réalisé : petits effectifs non masqués par l’API').not.toBeNull();
    await page.goto(`${app.url}/dispositifs/${masked}?annee=2022&base=realise`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await waitForLoaded(page);
    // The masked figures are in the key figures, the table of every indicator, or the charts' tables.
    const toggles = page.getByRole('button', { name: 'Afficher le tableau' });
    for (let index = await toggles.count(); index > 0; index -= 1) await toggles.first().click();
    await page.getByText('< 5', { exact: true }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, `financeur-petits-effectifs-${masked}-2022`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('admin: only the administration, with the table of the accounts', async () => {
    const page = await signIn('admin@demo.sdat.fr');
    await page.waitForURL((url) => url.pathname === '/administration');
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual(['Administration']);
    const table = page.getByRole('table', { name: /^Comptes \(\d+\)$/ });
    await table.waitFor();
    const users = await pageGet<UserView[]>(page, '/api/admin/users');
    for (const account of DEMO_ACCOUNTS) {
      expect(users.some((user) => user.email === account.email)).toBe(true);
      await table.getByRole('rowheader', { name: new RegExp(`^${account.email.replace(/\./g, '\\.')}`) }).waitFor();
    }
    await page.getByRole('table', { name: /^Journal d’audit/ }).waitFor();
    await page.getByRole('table', { name: /^Journal d’audit/ }).getByText('Connexion', { exact: true }).first().waitFor();
    // Programme data stays closed to the admin, on screen as in the API.
    await page.goto(`${app.url}/dispositifs/emas`);
    await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
    const refused = await page.evaluate(async () => (await fetch('/api/programmes')).status);
    expect(refused).toBe(403);
  });

  it('monitoring committee: builds a comparison (indicators, years) and the address follows', async () => {
    const page = await signIn('suivi.prefet@demo.sdat.fr', '/comparaison');
    await page.getByRole('heading', { level: 1, name: 'Comparaison des dispositifs' }).waitFor();
    await page.getByRole('table', { name: /.+/ }).first().waitFor({ timeout: 30_000 });
    const catalogue = await pageGet<{ code: string; label: string; scope: string }[]>(page, '/api/indicators');
    const label = (code: string) => catalogue.find((item) => item.code === code)?.label ?? code;
    const indicators = page.getByRole('group', { name: 'Indicateurs', exact: true });

    // The boxes are controlled by the address: a click changes the URL, then the box. Playwright's
    // check() verifies the state right after its click and can see it unchanged, so click and poll.
    const setBox = async (box: ReturnType<typeof page.getByRole>, wanted: boolean) => {
      if ((await box.isChecked()) !== wanted) await box.click();
      await expect.poll(() => box.isChecked(), { timeout: 15_000 }).toBe(wanted);
    };

    // Indicators: add « exits », remove « payroll_ratio ».
    await setBox(indicators.getByRole('checkbox', { name: label('exits'), exact: true }), true);
    await page.waitForURL((url) => (url.searchParams.get('indicateurs') ?? '').split(',').includes('exits'));
    await setBox(indicators.getByRole('checkbox', { name: label('payroll_ratio'), exact: true }), false);
    await page.waitForURL((url) => !(url.searchParams.get('indicateurs') ?? '').split(',').includes('payroll_ratio'));

    // Years: keep 2021 and 2022 only.
    const years = page.getByRole('group', { name: /^Années/ });
    const offered = await years.getByRole('checkbox').evaluateAll((inputs) => inputs.map((input) => input.closest('label')?.textContent?.trim() ?? ''));
    expect(offered).toEqual(expect.arrayContaining(['2021', '2022']));
    for (const year of offered) {
      const box = years.getByRole('checkbox', { name: year, exact: true });
      const wanted = year === '2021' || year === '2022';
      await setBox(box, wanted);
    }
    await page.waitForURL((url) => url.searchParams.get('annees') === '2021,2022');
    const url = new URL(page.url());
    expect(url.searchParams.get('indicateurs')?.split(',')).toContain('exits');
    const table = page.getByRole('region', { name: /^Tableau comparatif/ }).getByRole('table').first();
    await table.getByRole('columnheader', { name: '2021', exact: true }).waitFor({ timeout: 30_000 });
    expect(await table.getByRole('columnheader', { name: '2020', exact: true }).count()).toBe(0);
    await table.getByRole('rowgroup').getByText(label('exits'), { exact: true }).first().waitFor();
    // The address reproduces the view: open it again in the same session.
    await page.goto(page.url());
    await page.getByRole('region', { name: /^Tableau comparatif/ }).getByRole('columnheader', { name: '2022', exact: true }).waitFor({ timeout: 30_000 });
    expect(await years.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await waitForLoaded(page);
    await screenshot(page, 'suivi-prefet-comparaison-construite');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('pilot: typing the address of a programme outside its scope shows « Accès refusé » in French, not a crash', async () => {
    const account = demoAccount('pilote.ccas@demo.sdat.fr');
    const page = await signIn(account.email);
    const me = await pageGet<{ programmes: string[] }>(page, '/api/auth/me');
    expect(me.programmes).not.toContain('emas');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${app.url}/dispositifs/emas?annee=2022&base=realise`);
    await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor({ timeout: 30_000 });
    await page.getByText("Ce dispositif n'est pas dans le périmètre de votre organisation.").waitFor();
    await expect(page.title()).resolves.toBe('Accès refusé — Indicateurs des conventions');
    // Still signed in, with its navigation.
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual(account.nav);
    expect(errors).toEqual([]);
    await screenshot(page, 'pilote-ccas-acces-refuse-emas');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

/** Any figure masked by the small-count rule in an indicator: its value, or an item of its breakdown or details. */
function hasSuppressed(indicator: IndicatorValue): boolean {
  type Item = NonNullable<IndicatorValue['breakdown']>[number];
  const anyItem = (items: readonly Item[] | undefined): boolean =>
    (items ?? []).some((item) => item.suppressed !== undefined || anyItem(item.children));
  return indicator.suppressed !== undefined || anyItem(indicator.breakdown) || anyItem(indicator.details);
}

/** What a key-figure card shows for an indicator (apps/dashboard/src/pages/programme/KeyFigures.tsx). */
function keyFigureText(indicator: IndicatorValue): string {
  const missing = missingValue(indicator);
  if (missing !== null) {
    return missing.label;
  }
  if (indicator.value !== null && indicator.unit === 'eur_per_person') {
    return `${formatEuros(Math.round(indicator.value))} par personne`;
  }
  if (indicator.value !== null && indicator.unit === 'count_per_day') {
    return `${formatNumber(indicator.value, 1)} par jour`;
  }
  return indicatorValueText(indicator);
}
