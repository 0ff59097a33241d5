import { screen, within } from '@testing-library/react';
import { mockApi, reply } from '../test/api-mock';
import {
  acorCentreVilleBudget2022,
  agreementSummaries,
  demoBudget2022,
  obligations,
  programmeSummaries,
} from '../test/fixtures';
import { renderAt } from '../test/render';
import { obligationRange, sortObligations } from './HomePage';

function budgetsRoute(code: string) {
  return `/api/programmes/${code}/budgets`;
}

describe('Accueil', () => {
  it('shows a card per programme with its 2022 forecast expenses', async () => {
    mockApi({
      '/api/programmes': programmeSummaries,
      [budgetsRoute('acor-centre-ville')]: acorCentreVilleBudget2022,
      [budgetsRoute('acor-dijon-metropole')]: acorCentreVilleBudget2022,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
    renderAt('/');
    const programmes = screen.getByRole('region', { name: 'Dispositifs' });
    const card = (await within(programmes).findByRole('link', { name: 'ACOR Centre Ville' })).closest('article');
    expect(card).not.toBeNull();
    const scoped = within(card as HTMLElement);
    expect(scoped.getByText('Convention cadre 2022')).toBeTruthy();
    expect(scoped.getByText('CCAS de Dijon (pilote)')).toBeTruthy();
    expect(await scoped.findByText('679 241 €')).toBeTruthy();
    const emas = within(programmes).getByRole('link', { name: 'EMAS' }).closest('article') as HTMLElement;
    expect(within(emas).getByText('Aucun budget prévisionnel')).toBeTruthy();
    expect(screen.queryByRole('note', { name: 'Données de démonstration' })).toBeNull();
  });

  it('shows the demonstration banner when a card budget is demo data', async () => {
    mockApi({
      '/api/programmes': programmeSummaries,
      [budgetsRoute('acor-centre-ville')]: acorCentreVilleBudget2022,
      [budgetsRoute('acor-dijon-metropole')]: demoBudget2022,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
    renderAt('/');
    expect(await screen.findByRole('note', { name: 'Données de démonstration' })).toBeTruthy();
  });

  it('lists the obligations by due date with French statuses', async () => {
    mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
    renderAt('/');
    const table = await screen.findByRole('table', { name: 'Échéances du 01/01/2025 au 23/11/2026' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      '01/12/2024',
      '15/03/2025',
      '31/03/2026',
      'Sans datedu 01/01/2025 au 31/12/2025',
    ]);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      'remis',
      'en retard',
      'à venir',
      'sans date',
    ]);
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'ACOR Centre Ville' })).toBeTruthy();
    expect(await within(rows[0] as HTMLElement).findByRole('link', { name: 'Convention cadre 2022' })).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('au-delà de la validité imprimée')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(/Exercice 2024 — le 15 mars de l’année N\+1/)).toBeTruthy();
    expect(['Échéance', 'Libellé', 'Dispositif ou convention', 'Statut'].every((name) => within(table).getByRole('columnheader', { name }))).toBe(true);
  });

  it('asks the obligations of the expired convention cadre beyond its printed validity (extend)', async () => {
    const fetchMock = mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': obligations,
      '/api/agreements': agreementSummaries,
    });
    renderAt('/');
    await screen.findByRole('table', { name: /^Échéances du/ });
    const call = fetchMock.mock.calls.map(([url]) => new URL(String(url), 'http://localhost')).find((url) => url.pathname === '/api/obligations');
    expect(call?.searchParams.get('extend')).toBe('convention-cadre-sdat-2022');
    expect(call?.searchParams.get('from')).toMatch(/^\d{4}-01-01$/);
  });

  it('shows the French error message when the obligations cannot be loaded', async () => {
    mockApi({
      '/api/programmes': programmeSummaries,
      '/api/obligations': reply(400, { statusCode: 400, error: 'Bad Request', message: 'La date de début est invalide.' }),
    });
    renderAt('/');
    expect((await screen.findByRole('alert')).textContent).toContain('La date de début est invalide.');
  });
});

describe('obligation helpers', () => {
  it('covers the current year and the next 12 months', () => {
    expect(obligationRange(new Date(2025, 10, 23))).toEqual({ from: '2025-01-01', to: '2026-11-23' });
  });

  it('sorts by due date, undated last', () => {
    expect(sortObligations(obligations.obligations).map((item) => item.dueDate)).toEqual([
      '2024-12-01',
      '2025-03-15',
      '2026-03-31',
      null,
    ]);
  });
});
