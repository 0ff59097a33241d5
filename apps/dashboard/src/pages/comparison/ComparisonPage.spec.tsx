import type { ComparisonResponse } from '@sdat/api-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import App from '../../app/app';
import { byQuery, mockApi } from '../../test/api-mock';
import { agreementSummaries, programmeSummaries } from '../../test/fixtures';
import { comparison, indicatorCatalogue } from '../../test/indicator-fixtures';
import { renderAt } from '../../test/render';
import { readComparisonUrl, writeComparisonUrl } from './comparison-url';

const ROUTE =
  '/comparaison?convention=convention-cadre-sdat-2022&annees=2021,2022&indicateurs=entries,head_office_ratio&base=realise&graphique=entries';

/** The comparison fixture restricted to the years asked for, as the API would answer. */
function comparisonFor(params: URLSearchParams): ComparisonResponse {
  const years = (params.get('years') ?? '').split(',').map(Number);
  return {
    ...comparison,
    years,
    basis: params.get('basis') === 'forecast' ? 'forecast' : 'actual',
    cells: comparison.cells.filter((cell) => years.includes(cell.year)),
  };
}

function mockComparisonApi() {
  return mockApi({
    '/api/agreements': agreementSummaries,
    '/api/programmes': programmeSummaries,
    '/api/indicators': indicatorCatalogue,
    '/api/comparisons': byQuery(comparisonFor),
  });
}

/** Shows the current address, to check what the page writes in it. */
function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="adresse">{`${pathname}${search}`}</output>;
}

function renderComparison(route = ROUTE) {
  return renderAt(
    route,
    <>
      <App />
      <LocationProbe />
    </>,
  );
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw new Error('valeur attendue');
  }
  return value;
}

function address(): URLSearchParams {
  const text = screen.getByTestId('adresse').textContent ?? '';
  return new URLSearchParams(text.slice(text.indexOf('?')));
}

function comparisonRequests(fetchMock: ReturnType<typeof mockApi>): URLSearchParams[] {
  return fetchMock.mock.calls
    .map(([url]) => new URL(String(url), 'http://localhost'))
    .filter((url) => url.pathname === '/api/comparisons')
    .map((url) => url.searchParams);
}

describe('comparison address', () => {
  it('reads and writes every choice', () => {
    const state = readComparisonUrl(new URLSearchParams(ROUTE.slice(ROUTE.indexOf('?'))));
    expect(state).toEqual({
      agreement: 'convention-cadre-sdat-2022',
      years: [2021, 2022],
      indicators: ['entries', 'head_office_ratio'],
      basis: 'actual',
      chart: 'entries',
    });
    const written = writeComparisonUrl({ agreement: 'convention-cadre-sdat-2022', years: [2022, 2021], indicators: ['entries'], basis: 'forecast', chart: null });
    expect(written.toString()).toBe('convention=convention-cadre-sdat-2022&annees=2021%2C2022&indicateurs=entries&base=previsionnel');
  });

  it('ignores what is not valid and tells "absent" from "empty"', () => {
    expect(readComparisonUrl(new URLSearchParams('convention=<x>&annees=1999,abc,2023,2023&indicateurs=entries,DROP;&base=autre'))).toEqual({
      agreement: null,
      years: [2023],
      indicators: ['entries'],
      basis: null,
      chart: null,
    });
    expect(readComparisonUrl(new URLSearchParams('annees=&indicateurs=')).years).toEqual([]);
    expect(readComparisonUrl(new URLSearchParams('')).years).toBeNull();
  });
});

describe('Comparaison page', () => {
  it('requests the agreement, years and basis of the address, in one request', async () => {
    const fetchMock = mockComparisonApi();
    renderComparison();
    await screen.findByRole('table', { name: 'Indicateurs par dispositif et par année — Réalisé 2021 à 2022' });
    const requests = comparisonRequests(fetchMock);
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(must(requests[0]))).toEqual({ agreement: 'convention-cadre-sdat-2022', years: '2021,2022', basis: 'actual' });
    expect(document.title).toBe('Comparaison des dispositifs — Indicateurs des conventions');
  });

  it('offers the XLSX export of the choices of the address', async () => {
    mockComparisonApi();
    renderComparison();
    const link = await screen.findByRole('link', { name: 'Exporter en XLSX' });
    const url = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(url.pathname).toBe('/api/comparisons.xlsx');
    expect(url.searchParams.get('agreement')).toBe('convention-cadre-sdat-2022');
    expect(url.searchParams.get('years')).toBe('2021,2022');
    expect(url.searchParams.get('basis')).toBe('actual');
    expect((url.searchParams.get('indicators') ?? '').split(',').sort()).toEqual(['entries', 'head_office_ratio']);
  });

  it('shows the chosen indicators only, programmes × years, with the checkboxes reflecting the address', async () => {
    mockComparisonApi();
    renderComparison();
    const table = await screen.findByRole('table', { name: 'Indicateurs par dispositif et par année — Réalisé 2021 à 2022' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Dispositif', '2021', '2022', 'Tendance']);
    expect(within(table).getByRole('rowheader', { name: 'Entrées' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'Taux de frais de siège' })).toBeTruthy();
    expect(within(table).queryByRole('rowheader', { name: 'Ratio masse salariale / budget global' })).toBeNull();
    // Indicators in catalogue order: means (frais de siège) before results (entrées).
    const emas = within(table).getAllByRole('row', { name: /^EMAS/ });
    // head-office fees with the catalogue's two decimals: 4,96 % under a 5 % cap must not read « 5,0 % »
    expect(emas[0]?.textContent).toMatch(/^EMAS4,84\s%.*Vigilance4,96\s%.*Vigilance/);
    expect(emas[1]?.textContent).toContain('7972');
    const metropole = within(table).getAllByRole('row', { name: /^ACOR Dijon Métropole/ });
    expect(within(must(metropole[0])).getByText('Alerte').closest('.badge--danger')).not.toBeNull();

    expect((screen.getByRole('checkbox', { name: 'Entrées' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Masse salariale' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: '2022' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '2023' }) as HTMLInputElement).checked).toBe(false);
    // An agreement-level check (Pacte) is not offered per programme.
    expect(screen.queryByRole('checkbox', { name: /Parité des financements/ })).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Base' }) as HTMLSelectElement).value).toBe('actual');
  });

  it('shows « Pas de données » with a numbered note instead of a missing value, never 0', async () => {
    const reason = 'Données non fournies pour cette période.';
    mockApi({
      '/api/agreements': agreementSummaries,
      '/api/programmes': programmeSummaries,
      '/api/indicators': indicatorCatalogue,
      '/api/comparisons': byQuery((params) => {
        const answer = comparisonFor(params);
        return {
          ...answer,
          cells: answer.cells.map((cell) =>
            cell.programmeCode === 'emas' && cell.year === 2021
              ? {
                  ...cell,
                  indicators: cell.indicators.map((indicator) =>
                    indicator.code === 'entries'
                      ? { ...indicator, value: null, reason, flags: [{ code: 'no_data' as const, message: reason }] }
                      : indicator,
                  ),
                }
              : cell,
          ),
        };
      }),
    });
    renderComparison();
    const table = await screen.findByRole('table', { name: /Indicateurs par dispositif et par année/ });
    const emasEntries = within(table).getAllByRole('row', { name: /^EMAS/ })[1];
    expect(emasEntries?.textContent).toMatch(/^EMASPas de données \(note 1\)72/);
    const notes = screen.getByRole('list', { name: 'Notes du tableau comparatif' });
    expect(within(notes).getByText(reason)).toBeTruthy();
    expect(await screen.findByText('Pas de tendance')).toBeTruthy();
  });

  it('draws a sparkline per row through the lazy chart wrapper', async () => {
    mockComparisonApi();
    renderComparison();
    expect(await screen.findByRole('img', { name: /^Tendance : Entrées — EMAS\. 2021 : 79 ; 2022 : 72\.$/ })).toBeTruthy();
  });

  it('writes every choice in the address and asks the API again only for years and basis', async () => {
    const fetchMock = mockComparisonApi();
    renderComparison();
    await screen.findByRole('table', { name: /Indicateurs par dispositif et par année/ });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Ratio masse salariale / budget global' }));
    await waitFor(() => expect(address().get('indicateurs')).toBe('payroll_ratio,head_office_ratio,entries'));
    expect(within(screen.getByRole('table', { name: /Indicateurs par dispositif/ })).getByRole('rowheader', { name: 'Ratio masse salariale / budget global' })).toBeTruthy();
    expect(comparisonRequests(fetchMock)).toHaveLength(1);

    fireEvent.click(screen.getByRole('checkbox', { name: '2021' }));
    await waitFor(() => expect(address().get('annees')).toBe('2022'));
    await screen.findByRole('table', { name: 'Indicateurs par dispositif et par année — Réalisé 2022' });
    expect(comparisonRequests(fetchMock).at(-1)?.get('years')).toBe('2022');

    fireEvent.change(screen.getByRole('combobox', { name: 'Indicateur représenté' }), { target: { value: 'head_office_ratio' } });
    await waitFor(() => expect(address().get('graphique')).toBe('head_office_ratio'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Base' }), { target: { value: 'forecast' } });
    await waitFor(() => expect(address().get('base')).toBe('previsionnel'));
    expect(address().get('convention')).toBe('convention-cadre-sdat-2022');
    expect(screen.getByTestId('adresse').textContent).toContain('annees=2022&indicateurs=payroll_ratio,head_office_ratio,entries');
  });

  it('draws the chosen indicator for every programme, with its table and « Comment c’est calculé »', async () => {
    mockComparisonApi();
    renderComparison();
    const panel = await screen.findByRole('region', { name: 'Entrées — Réalisé 2021 à 2022' });
    expect((screen.getByRole('combobox', { name: 'Indicateur représenté' }) as HTMLSelectElement).value).toBe('entries');
    fireEvent.click(within(panel).getByRole('button', { name: 'Afficher le tableau' }));
    const table = within(panel).getByRole('table', { name: 'Entrées — Réalisé 2021 à 2022' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Année',
      'ACOR Centre Ville',
      'ACOR Dijon Métropole',
      'EMAS',
    ]);
    expect(within(table).getByRole('row', { name: /2022/ }).textContent).toBe('202212112672');
    // The explanation is rendered when opened.
    expect(within(panel).queryByRole('table', { name: /Calcul de « Entrées »/ })).toBeNull();
    fireEvent.click(within(panel).getByText("Comment c'est calculé"));
    const how = await within(panel).findByRole('table', { name: 'Calcul de « Entrées » par dispositif et par année' });
    expect(within(how).getByRole('rowheader', { name: 'EMAS, 2022' })).toBeTruthy();
    expect(within(panel).getByText("Nombre de parcours ayant débuté pendant la période (date d'entrée dans la période).")).toBeTruthy();
  });

  it('copies a link that reproduces the view', async () => {
    mockComparisonApi();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderComparison();
    fireEvent.click(await screen.findByRole('button', { name: 'Copier le lien' }));
    await screen.findByText('Lien copié : il reproduit exactement cette vue.');
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/comparaison?convention=convention-cadre-sdat-2022&annees=2021,2022&indicateurs=head_office_ratio,entries&base=realise&graphique=entries`,
    );
  });

  it('shows the link to copy by hand when the clipboard is not available', async () => {
    mockComparisonApi();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
    renderComparison();
    fireEvent.click(await screen.findByRole('button', { name: 'Copier le lien' }));
    const field = (await screen.findByRole('textbox', { name: 'Lien de cette vue' })) as HTMLInputElement;
    expect(field.value).toContain('/comparaison?convention=convention-cadre-sdat-2022&annees=2021,2022');
  });

  it('applies the defaults when the address says nothing', async () => {
    const fetchMock = mockComparisonApi();
    renderComparison('/comparaison');
    await screen.findByRole('table', { name: /Indicateurs par dispositif et par année/ });
    // The agreement with programmes; the years with an actual budget; the default indicators.
    expect(Object.fromEntries(must(comparisonRequests(fetchMock)[0]))).toEqual({
      agreement: 'convention-cadre-sdat-2022',
      years: '2023',
      basis: 'actual',
    });
    for (const name of ['Ratio masse salariale / budget global', 'Taux de frais de siège', 'Entrées', 'File active', 'Durée moyenne des parcours']) {
      expect((screen.getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true);
    }
  });

  it('asks for a choice instead of requesting nothing', async () => {
    const fetchMock = mockComparisonApi();
    renderComparison('/comparaison?convention=convention-cadre-sdat-2022&annees=&indicateurs=entries&base=realise');
    expect(await screen.findByText('Choisissez au moins une année.')).toBeTruthy();
    expect(comparisonRequests(fetchMock)).toHaveLength(0);
  });
});
