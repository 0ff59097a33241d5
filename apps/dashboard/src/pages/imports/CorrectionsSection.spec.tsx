import type { EditableBudgetLineView, EditableEpisodesPage, EditableEpisodeView, EditableRowsPage, ImportDatasetView } from '@sdat/api-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { indicatorKeys } from '../../api/indicators';
import { byQuery, mockApi, reply } from '../../test/api-mock';
import { programmeSummaries } from '../../test/fixtures';
import { renderAt } from '../../test/render';

const CODE = 'acor-centre-ville';

const datasets: ImportDatasetView[] = [
  { key: 'budget', title: 'Budget réalisé', description: 'Le budget réalisé.', naturalKey: 'compte', columns: [] },
  { key: 'funding', title: 'Financements reçus', description: 'Les financements.', naturalKey: 'financeur', columns: [] },
  { key: 'episodes', title: 'Accompagnements', description: 'Les accompagnements.', naturalKey: 'personne', columns: [] },
];

function budgetPage(version: number, amountCents: number): EditableRowsPage<EditableBudgetLineView> {
  return {
    programmeCode: CODE,
    year: 2022,
    total: 2,
    offset: 0,
    limit: 25,
    rows: [
      { id: '101', version, side: 'expenses', groupCode: '60', groupLabel: 'Achats', accountCode: '606120', label: 'Eau, électricité, chauffage', amountCents, demo: true },
      { id: '102', version: 1, side: 'income', groupCode: '74', groupLabel: 'Subventions', accountCode: '741000', label: 'Subvention Ville de Dijon', amountCents: 38_247_400, demo: false },
    ],
  };
}

const conflict = (message: string, reason: 'year_locked' | 'stale_version') => reply(409, { statusCode: 409, error: 'Conflit', message, reason });

/** The API of the page, the budget lines answering `current()` (a test changes it to play another user). */
function routes(budget: () => unknown, extra: Record<string, unknown> = {}) {
  return mockApi({
    '/api/programmes': programmeSummaries,
    '/api/imports/datasets': datasets,
    [`/api/programmes/${CODE}/imports`]: [],
    [`/api/programmes/${CODE}/budget-lines`]: byQuery(budget),
    ...extra,
  });
}

const NBSP = '\u00a0';
const editButton = () => screen.findByRole('button', { name: 'Modifier la ligne 606120 « Eau, électricité, chauffage »' });
const amountField = () => screen.getByLabelText('Montant (€)') as HTMLInputElement;
const patchCalls = (fetchMock: ReturnType<typeof mockApi>) => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PATCH');

describe('Imports: one-row corrections', () => {
  it('lists the budget lines of the year and saves a correction with the version read, then refreshes what depends on it', async () => {
    let current = budgetPage(3, 423_018);
    const fetchMock = routes(() => current, {
      [`/api/programmes/${CODE}/budget-lines/101`]: byQuery(() => {
        current = budgetPage(4, 500_012);
        return { id: '101', version: 4 };
      }),
    });
    const { client } = renderAt('/imports');
    const table = await screen.findByRole('table', { name: 'Lignes du budget réalisé 2022 (2)' });
    const row = within(table).getByRole('rowheader', { name: /Eau, électricité, chauffage/ }).closest('tr') as HTMLElement;
    expect(within(row).getByText('4 230,18 €')).toBeTruthy();
    const indicators = indicatorKeys.programmeYear(CODE, 2022, 'actual');
    client.setQueryData(indicators, { indicators: [] });
    const historyReads = () => fetchMock.mock.calls.filter(([url]) => String(url) === `/api/programmes/${CODE}/imports?year=2022`).length;
    await waitFor(() => expect(historyReads()).toBe(1));

    fireEvent.click(await editButton());
    const form = screen.getByRole('form', { name: 'Corriger la ligne 606120 « Eau, électricité, chauffage »' });
    expect(document.activeElement).toBe(amountField());
    expect(amountField().value).toBe(`4${NBSP}230,18`);
    fireEvent.change(amountField(), { target: { value: '5 000,12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    const done = await screen.findByText(/^Correction enregistrée : la ligne 606120 « Eau, électricité, chauffage »\./);
    expect(done.closest('[role="status"]')).not.toBeNull();
    const [call] = patchCalls(fetchMock);
    expect(String(call?.[0])).toBe(`/api/programmes/${CODE}/budget-lines/101`);
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ amountCents: 500_012, version: 3 });
    expect(new Headers(call?.[1]?.headers).get('X-CSRF-Token')).toBe('jeton-operator');
    expect(await within(table).findByText('5 000,12 €')).toBeTruthy();
    expect(screen.queryByRole('form', { name: /^Corriger la ligne/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Modifier la ligne 606120 « Eau, électricité, chauffage »' })));
    expect(client.getQueryState(indicators)?.isInvalidated).toBe(true);
    // The history on the page is read again.
    await waitFor(() => expect(historyReads()).toBe(2));
  });

  it('checks the fields with French messages and sends nothing while one is wrong or nothing changed', async () => {
    const fetchMock = routes(() => budgetPage(3, 423_018));
    renderAt('/imports');
    fireEvent.click(await editButton());
    const save = screen.getByRole('button', { name: 'Enregistrer' });

    fireEvent.change(amountField(), { target: { value: 'douze' } });
    fireEvent.change(screen.getByLabelText('Libellé'), { target: { value: '   ' } });
    fireEvent.click(save);
    expect(await screen.findByText('Montant invalide : « douze ». Formats acceptés : 18 782 ; 3 960.00 ; 1 234,56.')).toBeTruthy();
    expect(screen.getByText('Le libellé est obligatoire.')).toBeTruthy();
    expect(amountField().getAttribute('aria-invalid')).toBe('true');
    expect(amountField().getAttribute('aria-describedby')).toContain(screen.getByText(/^Montant invalide/).id);
    await waitFor(() => expect(document.activeElement).toBe(amountField()));

    fireEvent.change(amountField(), { target: { value: '' } });
    fireEvent.click(save);
    expect(await screen.findByText('Le montant est obligatoire.')).toBeTruthy();

    fireEvent.change(amountField(), { target: { value: '4230,18' } });
    fireEvent.change(screen.getByLabelText('Libellé'), { target: { value: 'Eau, électricité, chauffage' } });
    fireEvent.click(save);
    expect(await screen.findByText('Aucune modification : changez une valeur avant d’enregistrer, ou annulez.')).toBeTruthy();
    expect(patchCalls(fetchMock)).toEqual([]);
  });

  it('corrects only the label of a line printed without amount', async () => {
    const page = budgetPage(1, 1);
    page.rows[0] = { ...page.rows[0], amountCents: null } as EditableBudgetLineView;
    const fetchMock = routes(() => page, { [`/api/programmes/${CODE}/budget-lines/101`]: { id: '101' } });
    renderAt('/imports');
    fireEvent.click(await editButton());
    expect(amountField().value).toBe('');
    fireEvent.change(screen.getByLabelText('Libellé'), { target: { value: 'Eau et énergie' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/^Correction enregistrée/);
    expect(patchCalls(fetchMock).map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ label: 'Eau et énergie', version: 1 }]);
  });

  it('409 because someone else saved the row first: says so, reloads the row into the form, and the next save sends the new version', async () => {
    let current = budgetPage(3, 423_018);
    const fetchMock = routes(() => current, {
      [`/api/programmes/${CODE}/budget-lines/101`]: byQuery(() => {
        if (patchCalls(fetchMock).length === 1) {
          // Another operator saved 6 000,00 € in the meantime.
          current = budgetPage(4, 600_000);
          return conflict("La ligne de budget a changé entre-temps (version 4, vous aviez la version 3) : rechargez la page, rien n'a été enregistré.", 'stale_version');
        }
        current = budgetPage(5, 650_000);
        return { id: '101', version: 5 };
      }),
    });
    renderAt('/imports');
    fireEvent.click(await editButton());
    fireEvent.change(amountField(), { target: { value: '5 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const message = await screen.findByText(/^Cette ligne a été modifiée par quelqu’un d’autre pendant votre saisie/);
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(message.textContent).toContain('rechargées');
    await waitFor(() => expect(amountField().value).toBe(`6${NBSP}000,00`));
    expect(screen.getAllByText('6 000,00 €').length).toBeGreaterThan(0);

    fireEvent.change(amountField(), { target: { value: '6 500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/^Correction enregistrée/);
    expect(patchCalls(fetchMock).map(([, init]) => JSON.parse(String(init?.body)))).toEqual([
      { amountCents: 500_000, version: 3 },
      { amountCents: 650_000, version: 4 },
    ]);
  });

  it('409 of a locked year: shows the API’s own message, not the one of a concurrent change', async () => {
    const locked = 'Les données 2022 de ce dispositif sont verrouillées : le bilan 2022 est validé. Le pilote doit le rouvrir avant toute modification.';
    routes(() => budgetPage(3, 423_018), { [`/api/programmes/${CODE}/budget-lines/101`]: conflict(locked, 'year_locked') });
    renderAt('/imports');
    fireEvent.click(await editButton());
    fireEvent.change(amountField(), { target: { value: '1,00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const alert = await screen.findByText(`Rien n’a été enregistré. ${locked}`);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByText(/modifiée par quelqu’un d’autre/)).toBeNull();
    expect(amountField().value).toBe('1,00');
  });

  it('Escape closes the form without saving and gives the focus back to « Modifier »', async () => {
    const fetchMock = routes(() => budgetPage(3, 423_018));
    renderAt('/imports');
    const button = await editButton();
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(amountField(), { key: 'Escape' });
    expect(screen.queryByRole('form', { name: /^Corriger la ligne/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(patchCalls(fetchMock)).toEqual([]);
  });

  it('pages the episodes and corrects one: exit date checked against the entry date, hand-over from the API’s list', async () => {
    const episode = (index: number): EditableEpisodeView => ({
      id: String(1000 + index),
      version: 2,
      keyPrefix: (index * 7919).toString(16).padStart(8, '0').slice(0, 8),
      kind: 'follow_up',
      kindLabel: 'Suivi',
      entryDate: `2022-03-${String((index % 27) + 1).padStart(2, '0')}`,
      exitDate: null,
      handover: null,
      leaseTransfer: false,
      demo: true,
    });
    const page = (offset: number): EditableEpisodesPage => ({
      programmeCode: CODE,
      year: 2022,
      total: 60,
      offset,
      limit: 25,
      rows: Array.from({ length: Math.min(25, 60 - offset) }, (_, i) => episode(offset + i)),
      handovers: [
        { code: 'siao', label: 'SIAO' },
        { code: 'sans_relais', label: 'Sans relais (fin de suivi)' },
      ],
    });
    const fetchMock = routes(() => budgetPage(1, 1), {
      [`/api/programmes/${CODE}/episodes`]: byQuery((params) => page(Number(params.get('offset')))),
      [`/api/programmes/${CODE}/episodes/1027`]: { id: '1027' },
    });
    renderAt(`/imports?dispositif=${CODE}&annee=2022&donnees=episodes`);
    const table = await screen.findByRole('table', { name: 'Accompagnements actifs pendant l’année 2022 (60)' });
    expect(within(table).getAllByRole('button', { name: /^Modifier/ })).toHaveLength(25);
    expect(screen.getByText('Lignes 1 à 25 sur 60')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Page suivante' }));
    expect(await screen.findByText('Lignes 26 à 50 sur 60')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url) === `/api/programmes/${CODE}/episodes?year=2022&offset=25&limit=25`)).toBe(true);

    const target = episode(27);
    fireEvent.click(await screen.findByRole('button', { name: `Modifier l’accompagnement ${target.keyPrefix}… entré le 01/03/2022` }));
    const exit = screen.getByLabelText('Date de sortie') as HTMLInputElement;
    fireEvent.change(exit, { target: { value: '2022-02-28' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('La date de sortie (28/02/2022) précède la date d’entrée (01/03/2022).')).toBeTruthy();
    expect(patchCalls(fetchMock)).toEqual([]);

    fireEvent.change(exit, { target: { value: '2022-09-30' } });
    fireEvent.change(screen.getByLabelText('Relais à la sortie'), { target: { value: 'siao' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText(/^Correction enregistrée : l’accompagnement/);
    const [call] = patchCalls(fetchMock);
    expect(String(call?.[0])).toBe(`/api/programmes/${CODE}/episodes/1027`);
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ exitDate: '2022-09-30', handover: 'siao', version: 2 });
  });

  it('says that the other datasets are corrected by a new import', async () => {
    routes(() => budgetPage(1, 1));
    renderAt(`/imports?dispositif=${CODE}&annee=2022&donnees=funding`);
    expect(await screen.findByText(/« Financements reçus » ne se corrige pas ligne à ligne/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Modifier/ })).toBeNull();
  });
});
