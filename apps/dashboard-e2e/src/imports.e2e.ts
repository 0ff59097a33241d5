import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { EditableBudgetLineView, EditableRowsPage, ImportVersionView } from '@sdat/api-types';
import { formatEuros, formatNumber } from '@sdat/format';
import { datasetSpec } from '@sdat/imports';
import { useAppInBrowser } from './support/app-in-browser';
import { seriousA11yViolations } from './support/axe';
import { artifactsDir, hasChromium } from './support/browser';
import { pageGet, waitForLoaded } from './support/session';

const OPERATOR = 'operateur@demo.sdat.fr';
const CODE = 'acor-dijon-metropole';
/** The demo actual budget of 2023 (no other spec corrects it; a run adds 1,23 € to one line). */
const BUDGET_YEAR = 2023;
/** A year without data: the monthly activity uploaded here changes nothing another spec reads. */
const UPLOAD_YEAR = 2025;
const shots = join(artifactsDir, 'imports');
mkdirSync(shots, { recursive: true });

/** What the dashboard's amount field accepts: `4230,18`. */
function typedAmount(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

/** A CSV of the 12 months of `year` as a spreadsheet saves it; `seed` makes its content new at each run. */
function monthlyActivityCsv(year: number, seed: number): Buffer {
  const spec = datasetSpec('monthly_activity');
  const cells = (month: number): Record<string, string> => ({
    month: `${String(month).padStart(2, '0')}/${year}`,
    openingDays: '20',
    attendanceVisits: String(400 + month),
    attendanceDistinctPeople: String(100 + month),
    outreachContacts: '',
    outreachDistinctPeople: '',
    waitingListEnd: String((seed + month) % 50),
  });
  const lines = [spec.columns.map((c) => c.header).join(';'), ...Array.from({ length: 12 }, (_, i) => spec.columns.map((c) => cells(i + 1)[c.key] ?? '').join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * The operator's corrections and uploads on the Imports page: one budget line corrected (the table
 * shows the new amount, the API has it), the same line saved from a second session that read it
 * before gets the « modifiée par quelqu'un d'autre » message and the row reloaded, and a monthly
 * activity file uploaded in async mode shows its progress, then its result.
 */
describe.skipIf(!hasChromium)('imports: one-row corrections with optimistic locking, async upload with progress', () => {
  const app = useAppInBrowser();

  async function openImports(path: string): Promise<Page> {
    const page = await app.signIn(OPERATOR, path);
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
    await waitForLoaded(page);
    return page;
  }


  it('the operator corrects one budget line and sees the new amount; a stale save from another session gets the 409 message', async () => {
    const path = `/imports?dispositif=${CODE}&annee=${BUDGET_YEAR}&donnees=budget`;
    const first = await openImports(path);
    const second = await openImports(path);
    const api = `/api/programmes/${CODE}/budget-lines?year=${BUDGET_YEAR}&limit=25`;
    const before = await pageGet<EditableRowsPage<EditableBudgetLineView>>(first, api);
    const buttonName = (line: EditableBudgetLineView) => `Modifier la ligne ${line.accountCode ?? 'sans compte'} « ${line.label} »`;
    const line = before.rows.find((row) => row.amountCents !== null && before.rows.filter((other) => buttonName(other) === buttonName(row)).length === 1);
    expect(line, 'une ligne de budget réalisé 2023 avec un montant').toBeDefined();
    if (line === undefined || line.amountCents === null) return;
    const corrected = line.amountCents + 123;

    // The second session opens the same line first: it holds the version read now.
    await second.getByRole('button', { name: buttonName(line) }).click();
    await second.getByLabel('Montant (€)').waitFor();

    // The first session corrects it.
    await first.getByRole('button', { name: buttonName(line) }).click();
    const amount = first.getByLabel('Montant (€)');
    expect(await amount.inputValue()).toBe(formatNumber(line.amountCents / 100, 2));
    await amount.fill(typedAmount(corrected));
    expect(await seriousA11yViolations(first), 'formulaire de correction').toEqual([]);
    await first.screenshot({ path: join(shots, 'correction-formulaire.png'), fullPage: true });
    await first.getByRole('button', { name: 'Enregistrer' }).click();
    await first.getByRole('status').getByText(/^Correction enregistrée : la ligne/).waitFor();
    const row = first.getByRole('row').filter({ has: first.getByRole('button', { name: buttonName(line) }) });
    await row.getByText(formatEuros(corrected, { decimals: 2 })).waitFor();
    expect(await row.textContent()).toContain(formatEuros(corrected, { decimals: 2 }));
    const saved = (await pageGet<EditableRowsPage<EditableBudgetLineView>>(first, api)).rows.find((r) => r.id === line.id);
    expect(saved).toMatchObject({ amountCents: corrected, version: line.version + 1 });
    await first.screenshot({ path: join(shots, 'correction-enregistree.png'), fullPage: true });

    // The second session saves over a version that is no longer the current one: 409, nothing written.
    await second.getByLabel('Montant (€)').fill(typedAmount(line.amountCents + 999));
    await second.getByRole('button', { name: 'Enregistrer' }).click();
    await second.getByRole('alert').getByText(/^Cette ligne a été modifiée par quelqu’un d’autre/).waitFor();
    // The form now shows the current values (the first session's amount).
    await second.waitForFunction(
      (expected) => (document.querySelector('.correction-form input[inputmode="decimal"]') as HTMLInputElement | null)?.value === expected,
      formatNumber(corrected / 100, 2),
    );
    const after = (await pageGet<EditableRowsPage<EditableBudgetLineView>>(second, api)).rows.find((r) => r.id === line.id);
    expect(after).toMatchObject({ amountCents: corrected, version: line.version + 1 });
    expect(await seriousA11yViolations(second), 'conflit de version').toEqual([]);
    await second.screenshot({ path: join(shots, 'correction-conflit-409.png'), fullPage: true });
  });

  it('an upload shows its progress (rows validated, rows written), then its result', async () => {
    const page = await openImports(`/imports?dispositif=${CODE}&annee=${UPLOAD_YEAR}&donnees=monthly_activity`);
    const historyApi = `/api/programmes/${CODE}/imports?year=${UPLOAD_YEAR}`;
    const versionsBefore = (await pageGet<ImportVersionView[]>(page, historyApi)).filter((v) => v.dataset === 'monthly_activity').length;
    // Every phase the page shows, in order (a small file goes through them in well under a second).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const phase = document.querySelector('.import-progress__phase')?.textContent ?? null;
        const bar = document.querySelector('.import-progress progress');
        if (phase !== null && bar !== null && seen[seen.length - 1] !== phase) seen.push(phase);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });

    await page.getByLabel(/^Fichier XLSX ou CSV/).setInputFiles({ name: `activite-${UPLOAD_YEAR}.csv`, mimeType: 'text/csv', buffer: monthlyActivityCsv(UPLOAD_YEAR, Date.now()) });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('status').getByText(new RegExp(`^Import réussi : Activité mensuelle ${UPLOAD_YEAR}, 12 lignes, version \\d+\\.`)).waitFor({ timeout: 30_000 });

    const bar = page.getByRole('progressbar', { name: 'Progression de l’import' });
    expect([await bar.getAttribute('value'), await bar.getAttribute('max')]).toEqual(['1', '1']);
    await page.getByText('Import terminé.').waitFor();
    expect(await page.locator('.import-progress__counts').textContent()).toBe('12\u00a0lignes validées · 12\u00a0lignes écrites');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen[0]).toBe('Fichier reçu, import en attente…');
    expect(seen[seen.length - 1]).toBe('Import terminé.');
    // The history shows the new version.
    await page.getByRole('table', { name: /^Versions importées pour 2025/ }).getByText(`activite-${UPLOAD_YEAR}.csv`).first().waitFor();
    const versionsAfter = (await pageGet<ImportVersionView[]>(page, historyApi)).filter((v) => v.dataset === 'monthly_activity').length;
    expect(versionsAfter).toBe(versionsBefore + 1);
    expect(await seriousA11yViolations(page), 'import terminé').toEqual([]);
    await page.screenshot({ path: join(shots, 'import-progression-resultat.png'), fullPage: true });
  });
});
