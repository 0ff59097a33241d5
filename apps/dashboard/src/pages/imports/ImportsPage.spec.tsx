import { fireEvent, screen, within } from '@testing-library/react';
import type { DatasetView, ImportVersionView } from '../../api/imports';
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
    ...extra,
  });
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

  it('uploads the file as multipart with the CSRF token, and says what was imported', async () => {
    const fetchMock = routes({
      '/api/programmes/acor-centre-ville/imports/budget': {
        status: 'imported',
        dataset: 'budget',
        programmeCode: 'acor-centre-ville',
        year: 2022,
        rows: 38,
        version: 3,
        contentHash: 'c'.repeat(64),
        format: 'csv',
      },
    });
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    const file = chooseFile('budget-2022.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    const done = await screen.findByText(/^Import réussi : Budget réalisé 2022, 38 lignes, version 3\./);
    expect(done.closest('[role="status"]')).not.toBeNull();
    const call = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(call?.[0])).toBe('/api/programmes/acor-centre-ville/imports/budget?year=2022');
    const body = call?.[1]?.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe(file.name);
    const headers = new Headers(call?.[1]?.headers);
    expect(headers.get('X-CSRF-Token')).toBe('jeton-operator');
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('says when the file is the same as the version in place', async () => {
    routes({
      '/api/programmes/acor-centre-ville/imports/budget': {
        status: 'unchanged',
        dataset: 'budget',
        programmeCode: 'acor-centre-ville',
        year: 2022,
        rows: 38,
        version: 2,
        contentHash: 'b'.repeat(64),
        format: 'xlsx',
      },
    });
    renderAt('/imports');
    await screen.findByLabelText('Dispositif');
    chooseFile('budget-2022.xlsx');
    fireEvent.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Fichier identique à la version 2 en place (38 lignes) : rien n’a été modifié.')).toBeTruthy();
  });

  it('lists every error of a refused file (422), nothing imported', async () => {
    routes({
      '/api/programmes/acor-centre-ville/imports/budget': reply(422, {
        statusCode: 422,
        error: 'Données invalides',
        message: "Le fichier contient 2 erreurs : rien n'a été importé.",
        errorCount: 2,
        errors: [
          { sheet: 'Budget', row: 4, column: 'Montant (€) (C)', value: 'douze', message: 'Montant invalide : « douze ».' },
          { sheet: null, row: 1, column: 'a (A)', value: 'a', message: 'Colonne inconnue « a ».' },
        ],
      }),
    });
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
