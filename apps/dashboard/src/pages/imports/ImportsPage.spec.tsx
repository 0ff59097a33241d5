import { fireEvent, screen, within } from '@testing-library/react';
import type { DatasetView, ImportJobView, ImportVersionView } from '../../api/imports';
import { importYears } from './ImportsPage';
import { byQuery, mockApi, reply } from '../../test/api-mock';
import { programmeSummaries } from '../../test/fixtures';
import { renderAt } from '../../test/render';

const datasets: DatasetView[] = [
  {
    key: 'budget',
    title: 'Budget réalisé',
    description: "Les lignes du budget réalisé (compte administratif) du dispositif pour l'année.",
    naturalKey: 'compte',
    columns: [
      { key: 'account', header: 'Compte', required: true, help: 'Numéro de compte du plan comptable.' },
      { key: 'amount', header: 'Montant (€)', required: true, help: 'En euros, deux décimales au plus.' },
    ],
  },
  {
    key: 'staff',
    title: 'Personnel (ETP)',
    description: 'Les ETP mobilisés sur le dispositif.',
    naturalKey: 'métier',
    columns: [{ key: 'job', header: 'Poste', required: true, help: 'Intitulé du poste.' }],
  },
];

const history: ImportVersionView[] = [
  {
    dataset: 'budget',
    datasetTitle: 'Budget réalisé',
    number: 2,
    current: true,
    contentHash: 'b'.repeat(64),
    fileName: 'budget-2022-v2.xlsx',
    format: 'xlsx',
    rowCount: 38,
    importedAt: new Date(2026, 1, 3, 10, 15).toISOString(),
    importedBy: 'Opératrice SDAT',
  },
];

function routes(extra: Record<string, unknown> = {}) {
  return mockApi({
    '/api/programmes': programmeSummaries,
    '/api/imports/datasets': datasets,
    '/api/programmes/acor-centre-ville/imports': byQuery((params) => (params.get('year') === '2022' ? history : [])),
    '/api/programmes/acor-centre-ville/budget-lines': { programmeCode: 'acor-centre-ville', year: 2022, total: 0, offset: 0, limit: 25, rows: [] },
    ...extra,
  });
}

const JOB_ID = '6f1c2b9e-7d1a-4c55-9a3e-0b8f1f2d3c4e';

function job(phase: ImportJobView['phase'], rowsValidated: number, rowsWritten: number, result: unknown = null): ImportJobView {
  return { id: JOB_ID, phase, rowsValidated, rowsWritten, result, startedAt: '2026-02-03T09:15:00.000Z' };
}

/** The upload answers 202 with a queued job; the job then answers `states` one poll after the other (the last one stays). */
function asyncImport(...states: ImportJobView[]) {
  let polls = 0;
  return {
    '/api/programmes/acor-centre-ville/imports/budget': reply(202, job('queued', 0, 0)),
    [`/api/import-jobs/${JOB_ID}`]: byQuery(() => states[Math.min(polls++, states.length - 1)]),
  };
}

function chooseFile(name: string) {
  const input = screen.getByLabelText(/^Fichier XLSX ou CSV/) as HTMLInputElement;
  const file = new File(['Compte;Montant (€)\n606120;18782,00\n'], name, { type: 'text/csv' });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

describe('Imports (operator)', () => {
  it('offers the programmes, years and datasets, with the template and export links of the choice', async () => {
    routes();
    renderAt('/imports');
    expect(screen.getByRole('heading', { level: 1, name: 'Imports' })).toBeTruthy();
    const programme = await screen.findByLabelText('Dispositif');
    expect(within(programme).getAllByRole('option').map((option) => option.textContent)).toEqual(programmeSummaries.map((item) => item.name));
    expect((screen.getByLabelText('Année') as HTMLSelectElement).value).toBe('2022');
    expect((screen.getByLabelText('Jeu de données') as HTMLSelectElement).value).toBe('budget');
    expect(screen.getByRole('link', { name: 'Télécharger le modèle à remplir (XLSX)' }).getAttribute('href')).toBe(
      '/api/programmes/acor-centre-ville/imports/budget/template?year=2022',
    );
    expect(screen.getByRole('link', { name: /^Exporter les données 2022/ }).getAttribute('href')).toBe(
      '/api/programmes/acor-centre-ville/exports/budget?year=2022',
    );
    const table = await screen.findByRole('table', { name: 'Versions importées pour 2022, la plus récente d’abord' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Budget réalisé')).toBeTruthy();
    expect(within(row).getByText('en place')).toBeTruthy();
    expect(within(row).getByText('03/02/2026 10:15')).toBeTruthy();
    expect(within(row).getByText('Opératrice SDAT')).toBeTruthy();
  });

  it('keeps the choice in the address', async () => {
    routes({ '/api/programmes/acor-dijon-metropole/imports': [] });
    renderAt('/imports?dispositif=acor-dijon-metropole&annee=2023&donnees=staff');
    expect(((await screen.findByLabelText('Dispositif')) as HTMLSelectElement).value).toBe('acor-dijon-metropole');
    expect((screen.getByLabelText('Année') as HTMLSelectElement).value).toBe('2023');
    expect((screen.getByLabelText('Jeu de données') as HTMLSelectElement).value).toBe('staff');
    expect(screen.getByRole('heading', { level: 2, name: 'Personnel (ETP) — ACOR Dijon Métropole 2023' })).toBeTruthy();
    expect(await screen.findByText(/Aucun import pour 2023/)).toBeTruthy();
  });

  it('uploads the file as multipart in async mode with the CSRF token, follows the job, and says what was imported', async () => {
    const fetchMock = routes(
      asyncImport(
        job('done', 38, 38, {
          status: 'imported',
          dataset: 'budget',
          programmeCode: 'acor-centre-ville',
          year: 2022,
          rows: 38,
          version: 3,
          contentHash: 'c'.repeat(64),
          format: 'csv',
        }),
      ),
    );
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    const file = chooseFile('budget-2022.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const done = await screen.findByText(/^Import réussi : Budget réalisé 2022, 38 lignes, version 3\./);
    expect(done.closest('[role="status"]')).not.toBeNull();
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(call?.[0])).toBe('/api/programmes/acor-centre-ville/imports/budget?year=2022&async=true');
    const body = call?.[1]?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe(file.name);
    const headers = new Headers(call?.[1]?.headers);
    expect(headers.get('X-CSRF-Token')).toBe('jeton-operator');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('says when the file is the same as the version in place', async () => {
    routes(
      asyncImport(
        job('done', 38, 0, {
          status: 'unchanged',
          dataset: 'budget',
          programmeCode: 'acor-centre-ville',
          year: 2022,
          rows: 38,
          version: 2,
          contentHash: 'b'.repeat(64),
          format: 'xlsx',
        }),
      ),
    );
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    chooseFile('budget-2022.xlsx');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Fichier identique à la version 2 en place (38 lignes) : rien n’a été modifié.')).toBeTruthy();
  });

  it('lists every error of a refused file (the job failed with the 422 body), nothing imported', async () => {
    routes(
      asyncImport(
        job('failed', 12, 0, {
          statusCode: 422,
          error: 'Données invalides',
          message: "Le fichier contient 2 erreurs : rien n'a été importé.",
          errorCount: 2,
          errors: [
            { sheet: 'Budget', row: 4, column: 'Montant (€) (C)', value: 'douze', message: 'Montant invalide : « douze ».' },
            { sheet: null, row: 1, column: 'a (A)', value: 'a', message: 'Colonne inconnue « a ».' },
          ],
        }),
      ),
    );
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    chooseFile('budget.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const alert = await screen.findByText("Le fichier contient 2 erreurs : rien n'a été importé.", { exact: false });
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    const table = screen.getByRole('table', { name: 'Erreurs du fichier (2)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Budget', '4', 'Montant (€) (C)', 'douze', 'Montant invalide : « douze ».'],
      ['—', '1', 'a (A)', 'a', 'Colonne inconnue « a ».'],
    ]);
  });

  it('shows the progress of the job (rows validated, rows written) until its outcome', async () => {
    const outcome = { status: 'imported', dataset: 'budget', programmeCode: 'acor-centre-ville', year: 2022, rows: 38, version: 3, contentHash: 'c'.repeat(64), format: 'xlsx' };
    const fetchMock = routes(asyncImport(job('validation', 0, 0), job('writing', 38, 0), job('done', 38, 38, outcome)));
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    chooseFile('budget-2022.xlsx');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));

    const writing = await screen.findByText('Écriture des lignes…');
    expect(writing.closest('[role="status"]')).not.toBeNull();
    const bar = screen.getByRole('progressbar', { name: 'Progression de l’import' }) as HTMLProgressElement;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['0', '38']);
    expect(screen.getByText('38 lignes validées · 0 ligne écrite')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import en cours…' }) as HTMLButtonElement).disabled).toBe(true);

    expect(await screen.findByText(/^Import réussi : Budget réalisé 2022, 38 lignes, version 3\./)).toBeTruthy();
    expect(screen.getByText('Import terminé.')).toBeTruthy();
    expect(screen.getByText('38 lignes validées · 38 lignes écrites')).toBeTruthy();
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1', '1']);
    const polls = fetchMock.mock.calls.filter(([url]) => String(url) === `/api/import-jobs/${JOB_ID}`).length;
    expect(polls).toBeGreaterThanOrEqual(3);
    // Finished: no more polling.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(fetchMock.mock.calls.filter(([url]) => String(url) === `/api/import-jobs/${JOB_ID}`).length).toBe(polls);
  });

  it('shows the API’s message when the upload itself is refused (413), nothing imported', async () => {
    routes({
      '/api/programmes/acor-centre-ville/imports/budget': reply(413, { statusCode: 413, error: 'Contenu trop volumineux', message: 'Le fichier dépasse la taille autorisée (20 Mo).' }),
    });
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    chooseFile('enorme.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const alert = await screen.findByText('Le fichier dépasse la taille autorisée (20 Mo).', { exact: false });
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Rien n’a été importé.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('asks for a file before sending anything', async () => {
    const fetchMock = routes();
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect(screen.getByText('Choisissez le fichier à importer.').closest('[role="alert"]')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText(/^Fichier XLSX ou CSV/));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('offers the budget years and 2020 to next year', () => {
    expect(importYears(programmeSummaries[1], new Date(2025, 5, 1))).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020]);
  });
});
