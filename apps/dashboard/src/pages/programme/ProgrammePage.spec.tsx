import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, notFound } from '../../test/api-mock';
import {
  acorCentreVilleBudget2022,
  acorCentreVilleDetail,
  acorCentreVilleFunding2022,
} from '../../test/fixtures';
import { acorCentreVilleIndicators2022, indicatorCatalogue } from '../../test/indicator-fixtures';
import { renderAt } from '../../test/render';

const ROUTE = '/dispositifs/acor-centre-ville?annee=2022&base=previsionnel';

function mockProgrammeApi() {
  return mockApi({
    '/api/programmes/acor-centre-ville': acorCentreVilleDetail,
    '/api/programmes/acor-centre-ville/budgets': acorCentreVilleBudget2022,
    '/api/programmes/acor-centre-ville/funding': acorCentreVilleFunding2022,
    '/api/programmes/acor-centre-ville/indicators': { ...acorCentreVilleIndicators2022, basis: 'forecast' },
    '/api/indicators': indicatorCatalogue,
  });
}

describe('Dispositif page', () => {
  it('requests the budget of the year and basis given in the address', async () => {
    const fetchMock = mockProgrammeApi();
    renderAt(ROUTE);
    await screen.findByRole('heading', { level: 1, name: 'ACOR Centre Ville' });
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
        '/api/programmes/acor-centre-ville/budgets?year=2022&basis=forecast',
      ),
    );
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/programmes/acor-centre-ville/funding?year=2022&basis=forecast');
    expect(document.title).toBe('ACOR Centre Ville — Indicateurs des conventions');
  });

  it('shows the programme header: operator, pilot, public, territory', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    await screen.findByRole('heading', { level: 1, name: 'ACOR Centre Ville' });
    expect(screen.getByText('SDAT')).toBeTruthy();
    expect(screen.getByText('CCAS de Dijon (pilote)')).toBeTruthy();
    expect(screen.getByText('Personnes isolées en grande précarité')).toBeTruthy();
    expect(screen.getByText('Dijon centre-ville')).toBeTruthy();
  });

  it('warns when a printed subtotal differs from the sum of its lines', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    const badge = await screen.findByText('Écart : imprimé 652 913 €, calculé 675 281 €', { exact: false });
    expect(badge.closest('.badge--warning')).not.toBeNull();
    // Only group 74 differs; the others are checked.
    expect(screen.getAllByText(/Écart : imprimé/)).toHaveLength(1);
    expect(screen.getByText('1 montant imprimé diffère de la somme de ses lignes.')).toBeTruthy();
    const income = screen.getByRole('table', { name: 'Produits — Budget prévisionnel 2022' });
    expect(within(income).getByRole('rowheader', { name: "74 – SUBVENTIONS D'EXPLOITATION" })).toBeTruthy();
    expect(within(income).getByText('652 913 €')).toBeTruthy();
    expect(within(income).getByText('675 281 €')).toBeTruthy();
    expect(screen.getByText('Équilibre (0 €)')).toBeTruthy();
    // The code printed in front of a group label is not repeated; earmarks are named by kind.
    const expenses = screen.getByRole('table', { name: 'Charges — Budget prévisionnel 2022' });
    expect(within(expenses).getByRole('rowheader', { name: '60 – ACHATS' })).toBeTruthy();
    expect(within(expenses).getByText('dont primes Ségur : 2 059 €')).toBeTruthy();
  });

  it('shows the earmarked part and the signatory status in the funding table', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    const table = await screen.findByRole('table', { name: 'Financements 2022 par financeur' });
    const etat = within(table).getByRole('row', { name: /État crédits BOP 177/ });
    expect(within(etat).getByText('dont primes Ségur : 43 483 €')).toBeTruthy();
    expect(within(etat).getByText('292 807 €')).toBeTruthy();
    expect(within(etat).getByText('signataire')).toBeTruthy();
    const caf = within(table).getByRole('row', { name: /CAF/ });
    expect(within(caf).getByText('non signataire')).toBeTruthy();
    expect(within(table).getByText('676 281 €')).toBeTruthy();
  });

  it('shows the demonstration banner when a displayed figure is demo data', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    await screen.findByRole('table', { name: 'Financements 2022 par financeur' });
    expect(screen.getByRole('note', { name: 'Données de démonstration' })).toBeTruthy();
  });

  it('shows staff in FTE, and in "postes" when printed in posts', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    const staff = await screen.findByRole('table', { name: 'Personnel affecté au dispositif — Budget prévisionnel 2022' });
    const director = within(staff).getByRole('row', { name: /Directeur adjoint/ });
    expect(within(director).getByRole('cell').textContent).toBe('0,15\u00a0ETP');
    const social = within(staff).getByRole('row', { name: /Intervenants sociaux/ });
    expect(within(social).getByRole('cell').textContent).toBe('8\u00a0postes');
    expect(within(staff).queryByText(/8,00/)).toBeNull();
    expect(within(staff).getByRole('row', { name: /Total en postes/ }).textContent).toContain('8\u00a0postes');
  });

  it('offers the data of each chart as a table', async () => {
    mockProgrammeApi();
    renderAt(ROUTE);
    await screen.findByRole('table', { name: 'Financements 2022 par financeur' });
    const panel = screen.getByRole('region', { name: 'Charges par groupe de comptes' });
    const first = within(panel).getByRole('button', { name: 'Afficher le tableau' });
    expect(first.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(first);
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(first.textContent).toBe('Masquer le tableau');
    const table = screen.getByRole('table', { name: 'Charges par groupe de comptes : budget prévisionnel 2022' });
    expect(within(table).getByRole('rowheader', { name: '60 Achats' })).toBeTruthy();
    expect(within(table).getByText('679 241 €')).toBeTruthy();
  });

  it('shows the French message of the API when the programme does not exist', async () => {
    mockApi({ '/api/programmes/inconnu': notFound('Dispositif introuvable : « inconnu ».') });
    renderAt('/dispositifs/inconnu');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dispositif introuvable : « inconnu ».');
  });
});
