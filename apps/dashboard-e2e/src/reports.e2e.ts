import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AnnualReportView } from '@sdat/api-types';
import { useAppInBrowser } from './support/app-in-browser';
import { seriousA11yViolations } from './support/axe';
import { artifactsDir, hasChromium } from './support/browser';
import { pageGet, waitForLoaded } from './support/session';

const OPERATOR = 'operateur@demo.sdat.fr';
const PILOT = 'pilote.metropole@demo.sdat.fr';
const REPORT_API = '/api/programmes/emas/annual-reports/2021';
const REPORTS_PAGE = '/rapports?annee=2021';

/**
 * The annual report's lifecycle on the « Rapports » page, EMAS 2021 (no other spec uses that
 * report; the database persists between the specs of a run): the operator writes the narrative and
 * transmits it, the pilot of EMAS validates it, and the report's PDF downloads byte-identical twice.
 * Idempotent: a report left transmitted or validated by a previous run is sent back to « projet » first.
 */
describe.skipIf(!hasChromium)('reports: narrative, transmission, validation and PDF of an annual report', () => {
  const app = useAppInBrowser();

  async function signIn(email: string): Promise<Page> {
    const page = await app.signIn(email, REPORTS_PAGE);
    await page.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();
    await waitForLoaded(page);
    return page;
  }

  function emasCard(page: Page) {
    return page.getByRole('region', { name: 'EMAS — bilan 2021' });
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifactsDir, 'reports', `${name}.png`), fullPage: true });
  }


  it('the operator writes and transmits EMAS 2021, the pilot validates it, the PDF is stable', async () => {
    const pilot = await signIn(PILOT);
    const before = await pageGet<AnnualReportView>(pilot, REPORT_API);
    // A previous run on the same data directory: back to « projet » through the pilot's own actions.
    if (before.status !== 'draft') {
      const card = emasCard(pilot);
      const label = before.status === 'validated' ? 'Motif de réouverture (obligatoire)' : 'Commentaire (obligatoire pour renvoyer)';
      await card.getByLabel(label).fill('Reprise du bilan par le test de bout en bout.');
      await card.getByRole('button', { name: before.status === 'validated' ? 'Rouvrir' : 'Renvoyer' }).click();
      await card.getByText(/Le bilan est (rouvert|renvoyé)/).waitFor();
      expect((await pageGet<AnnualReportView>(pilot, REPORT_API)).status).toBe('draft');
    }

    // The operator writes the narrative and transmits the report.
    const operator = await signIn(OPERATOR);
    const card = emasCard(operator);
    await card.getByText('projet', { exact: true }).waitFor();
    const stamp = new Date().toISOString();
    await card.getByLabel('Actions menées').fill(`Accompagnement de jour et visites à domicile (${stamp}).`);
    await card.getByLabel('Difficultés rencontrées').fill('Recrutement d’un travailleur social.');
    await card.getByLabel('Partenariats').fill('CCAS de Dijon, bailleurs sociaux.');
    await card.getByLabel('Perspectives').fill('Extension des permanences en 2022.');
    await card.getByRole('button', { name: 'Enregistrer le bilan qualitatif' }).click();
    await card.getByText('Le bilan qualitatif est enregistré.').waitFor();
    expect((await pageGet<AnnualReportView>(operator, REPORT_API)).narrative.actions).toContain(stamp);
    expect(await seriousA11yViolations(operator), 'opérateur — Rapports').toEqual([]);
    await screenshot(operator, 'operateur-bilan-redige');
    await card.getByRole('button', { name: 'Transmettre au pilote' }).click();
    await card.getByText('Le bilan est transmis au pilote.').waitFor();
    await card.getByText('transmis', { exact: true }).waitFor();
    expect(await card.getByLabel('Actions menées').isDisabled()).toBe(true);

    // The pilot validates it.
    await pilot.reload();
    await pilot.getByRole('heading', { level: 1, name: 'Rapports' }).waitFor();
    await waitForLoaded(pilot);
    const pilotCard = emasCard(pilot);
    await pilotCard.getByRole('button', { name: 'Valider' }).click();
    await pilotCard.getByText('Le bilan est validé : sa version est figée.').waitFor();
    await pilotCard.getByText('validé', { exact: true }).waitFor();
    const after = await pageGet<AnnualReportView>(pilot, REPORT_API);
    expect(after.status).toBe('validated');
    const latest = after.versions[after.versions.length - 1];
    expect(latest).toBeDefined();
    await pilotCard.getByRole('link', { name: `Version validée n° ${latest?.number} (PDF)` }).waitFor();
    await pilotCard.getByText(`${latest?.sha256.slice(0, 12)}…`).waitFor();
    expect(await seriousA11yViolations(pilot), 'pilote — Rapports').toEqual([]);
    await screenshot(pilot, 'pilote-bilan-valide');

    // The report's PDF, downloaded twice from the page: a PDF, byte-identical.
    const href = await pilotCard.getByRole('link', { name: 'Télécharger le bilan 2021 (PDF)' }).getAttribute('href');
    expect(href).toBe('/api/programmes/emas/reports/2021.pdf?basis=actual');
    const downloads = await pilot.evaluate(async (url) => {
      const read = async () => {
        const res = await fetch(url, { credentials: 'same-origin' });
        const bytes = new Uint8Array(await res.arrayBuffer());
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        return {
          status: res.status,
          type: res.headers.get('Content-Type'),
          head: String.fromCharCode(...bytes.slice(0, 5)),
          length: bytes.length,
          sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
        };
      };
      return [await read(), await read()];
    }, href ?? '');
    const [first, second] = downloads;
    expect(first?.status).toBe(200);
    expect(first?.type).toContain('application/pdf');
    expect(first?.head).toBe('%PDF-');
    expect(first?.length).toBeGreaterThan(1000);
    expect(second).toEqual(first);
    // The validated report is the frozen version.
    expect(first?.sha256).toBe(latest?.sha256);
  });
});
