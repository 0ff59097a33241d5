import type { IndicatorValue, ProgrammeDetail, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { computeMonthlyCaseload, computeWaitingList } from '@sdat/indicators';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { byQuery, mockApi, notFound } from '../../test/api-mock';
import { acorCentreVilleBudget2022, acorCentreVilleDetail, acorCentreVilleFunding2022 } from '../../test/fixtures';
import {
  acorCentreVilleIndicators2020,
  acorCentreVilleIndicators2021,
  acorCentreVilleIndicators2022,
  indicatorCatalogue,
} from '../../test/indicator-fixtures';
import { renderAt } from '../../test/render';
import { sessionUser } from '../../test/session';

const NBSP = '\u00a0';
const ROUTE = '/dispositifs/acor-centre-ville?annee=2022&base=realise';

/** The programme with actual budgets 2020–2022 (so that N-1 and N-2 exist), no demo line of its own. */
const detail: ProgrammeDetail = {
  ...acorCentreVilleDetail,
  budgets: [
    { year: 2020, basis: 'actual', demo: false },
    { year: 2021, basis: 'actual', demo: false },
    { year: 2022, basis: 'actual', demo: false },
    { year: 2022, basis: 'forecast', demo: false },
  ],
};

const fundingWithoutDemo = {
  ...acorCentreVilleFunding2022,
  lines: acorCentreVilleFunding2022.lines.map((line) => ({ ...line, source: 'document' as const, demo: false })),
};

function withIndicator(
  response: ProgrammeIndicatorsResponse,
  code: IndicatorValue['code'],
  change: Partial<IndicatorValue>,
): ProgrammeIndicatorsResponse {
  return {
    ...response,
    indicators: response.indicators.map((indicator) => (indicator.code === code ? { ...indicator, ...change } : indicator)),
  };
}

function mockIndicatorsApi(current: ProgrammeIndicatorsResponse = acorCentreVilleIndicators2022) {
  const byYear: Record<string, ProgrammeIndicatorsResponse> = {
    '2022': current,
    '2021': acorCentreVilleIndicators2021,
    '2020': acorCentreVilleIndicators2020,
  };
  return mockApi({
    '/api/programmes/acor-centre-ville': detail,
    '/api/programmes/acor-centre-ville/budgets': acorCentreVilleBudget2022,
    '/api/programmes/acor-centre-ville/funding': fundingWithoutDemo,
    '/api/indicators': indicatorCatalogue,
    '/api/programmes/acor-centre-ville/indicators': byQuery(
      (params) => byYear[params.get('year') ?? ''] ?? notFound('Données introuvables.'),
    ),
  });
}

/** The key-figure card whose title is `label`. */
async function card(label: string): Promise<HTMLElement> {
  const keyFigures = await screen.findByRole('region', { name: 'Chiffres clés — Réalisé 2022' });
  const heading = await within(keyFigures).findByRole('heading', { level: 3, name: label });
  const item = heading.closest('li');
  if (item === null) {
    throw new Error(`carte « ${label} » introuvable`);
  }
  return item;
}

function requestedUrls(fetchMock: ReturnType<typeof mockApi>): string[] {
  return fetchMock.mock.calls.map(([url]) => String(url));
}

describe('Dispositif page: indicators', () => {
  it('requests every indicator of the year in one request, then N-1 and N-2 for the changes and charts', async () => {
    const fetchMock = mockIndicatorsApi();
    renderAt(ROUTE);
    await card('Masse salariale');
    await waitFor(() =>
      expect(requestedUrls(fetchMock)).toContain('/api/programmes/acor-centre-ville/indicators?year=2020&basis=actual'),
    );
    const indicatorRequests = requestedUrls(fetchMock).filter((url) => url.includes('/indicators?'));
    expect(indicatorRequests.filter((url) => url.includes('year=2022'))).toEqual([
      '/api/programmes/acor-centre-ville/indicators?year=2022&basis=actual',
    ]);
    expect(indicatorRequests).toContain('/api/programmes/acor-centre-ville/indicators?year=2021&basis=actual');
    expect(requestedUrls(fetchMock)).toContain('/api/indicators');
  });

  it('shows the key figures formatted by unit, with the change from N-1', async () => {
    mockIndicatorsApi();
    renderAt(ROUTE);
    const payroll = await card('Masse salariale');
    expect(within(payroll).getByText('494 894 €', { selector: '.kpi__value' })).toBeTruthy();
    await waitFor(() => expect(payroll.textContent).toContain(`Évolution depuis 2021 : +59${NBSP}750${NBSP}€ (+13,7${NBSP}%)`));
    expect(payroll.textContent).toContain(`Valeur 2021 : 435${NBSP}144${NBSP}€`);

    expect((await card('ETP mobilisés')).textContent).toContain(`10,30${NBSP}ETP`);
    const ratio = await card('Ratio masse salariale / budget global');
    expect(within(ratio).getByText('72,1 %', { selector: '.kpi__value' })).toBeTruthy();
    expect(ratio.textContent).toContain(`+1,2${NBSP}pt`);
    expect((await card('Durée moyenne des parcours')).textContent).toContain(`128,4${NBSP}jours`);
    expect((await card('Entrées')).textContent).toContain('121');
    expect((await card('Coût par personne accompagnée')).textContent).toContain(`4${NBSP}162${NBSP}€ par personne`);
  });

  it('shows the status in words and colour, with the target', async () => {
    mockIndicatorsApi();
    renderAt(ROUTE);
    const headOffice = await card('Taux de frais de siège');
    expect(within(headOffice).getByText('4,89 %', { selector: '.kpi__value' })).toBeTruthy();
    const badge = within(headOffice).getByText('Vigilance');
    expect(badge.closest('.badge--warning')).not.toBeNull();
    expect(headOffice.className).toContain('kpi--warning');
    expect(headOffice.textContent).toContain('Cible : Plafond de 5 % (vigilance au-delà de 4,5 %)');
    // Without a target, no status is shown.
    expect(within(await card('Entrées')).queryByText(/Conforme|Vigilance|Alerte/)).toBeNull();
  });

  it('shows the reason of an indicator without value, never 0', async () => {
    const withoutValues = withIndicator(
      withIndicator(acorCentreVilleIndicators2022, 'entries', {
        value: null,
        reason: 'Données non fournies pour cette période.',
        flags: [{ code: 'no_data', message: 'Données non fournies pour cette période.' }],
      }),
      'payroll_ratio',
      { value: null, reason: 'Total des charges nul : ratio non calculable.', flags: [], details: [] },
    );
    mockIndicatorsApi(withoutValues);
    renderAt(ROUTE);
    const entries = await card('Entrées');
    expect(within(entries).getByText('Pas de données')).toBeTruthy();
    expect(within(entries).getByText('Données non fournies pour cette période.')).toBeTruthy();
    const ratio = await card('Ratio masse salariale / budget global');
    expect(within(ratio).getByText('Non calculable')).toBeTruthy();
    expect(within(ratio).getByText('Total des charges nul : ratio non calculable.')).toBeTruthy();
    for (const item of [entries, ratio]) {
      expect(item.querySelector('.kpi__value')?.textContent).not.toMatch(/\d/);
    }
    // N-1 is still shown, without a change computed from nothing.
    await waitFor(() => expect(entries.textContent).toContain('Valeur 2021 : 147'));
    expect(entries.textContent).not.toContain('Évolution');
    // The table of every indicator says it too.
    const all = screen.getByRole('table', { name: 'Indicateurs calculés — Réalisé 2022' });
    const row = within(all).getByRole('row', { name: /^Entrées/ });
    expect(within(row).getByText('Pas de données')).toBeTruthy();
  });

  it('shows a count masked by the small-count rule as « < 5 », never 0 nor « Pas de données »', async () => {
    const masked = withIndicator(acorCentreVilleIndicators2022, 'entries', {
      value: null,
      suppressed: { reason: 'small_count', threshold: 5, below: 5 },
      reason: 'Effectif inférieur à 5 personnes : masqué (règle des petits effectifs).',
      flags: [{ code: 'suppressed_small_count', message: 'Petits effectifs : les effectifs inférieurs à 5 personnes sont masqués.' }],
    });
    mockIndicatorsApi(masked);
    renderAt(ROUTE, undefined, { session: sessionUser('funder') });
    const entries = await card('Entrées');
    expect(entries.querySelector('.kpi__value')?.textContent).toBe('< 5');
    expect(within(entries).getByText('Effectif inférieur à 5 personnes : masqué (règle des petits effectifs).')).toBeTruthy();
    expect(entries.textContent).not.toContain('Pas de données');
    expect(entries.textContent).not.toContain('Évolution');
    const all = screen.getByRole('table', { name: 'Indicateurs calculés — Réalisé 2022' });
    const row = within(all).getByRole('row', { name: /^Entrées/ });
    expect(within(row).getByText('< 5')).toBeTruthy();
  });

  it('lists the definition, the formula, the computation and the inputs in « Comment c’est calculé »', async () => {
    mockIndicatorsApi();
    renderAt(ROUTE);
    const panel = await screen.findByRole('region', { name: 'Masse salariale et part dans le total des charges — Réalisé 2020 à 2022' });
    const details = panel.querySelector('details');
    expect(details).not.toBeNull();
    fireEvent.click(within(panel).getByText("Comment c'est calculé"));
    await waitFor(() => expect(details?.open).toBe(true));
    expect(within(panel).getByText(/Charges de personnel : comptes 631 et 633/)).toBeTruthy();
    expect(within(panel).getAllByText('Masse salariale / total des charges').length).toBeGreaterThan(0);
    expect(within(panel).getByText('Masse salariale 2022 (réalisé) = 494 894 € (groupe 63/64) = 494 894 €')).toBeTruthy();

    const inputs = within(panel).getByRole('table', { name: "Données utilisées : Taux d'évolution de la masse salariale — 2022" });
    const row2020 = within(inputs).getByRole('row', { name: /Masse salariale 2020 \(réalisé\)/ });
    expect(within(row2020).getByText('414 314 €')).toBeTruthy();
    expect(within(row2020).getByText('2020')).toBeTruthy();
    const payrollInputs = within(panel).getByRole('table', { name: 'Données utilisées : Masse salariale — 2022' });
    expect(within(payrollInputs).getByRole('rowheader', { name: 'CHARGES DE PERSONNEL' })).toBeTruthy();
    expect(within(payrollInputs).getByText('2022')).toBeTruthy();
    // The flags are listed as remarks.
    expect(within(panel).getAllByText(/les comptes 631\/633\/64 ne sont pas détaillés/).length).toBeGreaterThan(0);
  });

  it('draws the charts from the indicators, each with its table alternative in French', async () => {
    mockIndicatorsApi();
    renderAt(ROUTE);
    const fte = await screen.findByRole('region', { name: 'ETP par qualification — Réalisé 2022' });
    fireEvent.click(within(fte).getByRole('button', { name: 'Afficher le tableau' }));
    const table = within(fte).getByRole('table', { name: 'ETP par qualification — Réalisé 2022' });
    const row = within(table).getByRole('row', { name: /Personnel éducatif/ });
    expect(within(row).getByText('8,79')).toBeTruthy();
    expect(within(row).getByText('85,3 %')).toBeTruthy();

    const flows = await screen.findByRole('region', { name: 'Entrées, sorties et file active — Réalisé 2020 à 2022' });
    fireEvent.click(within(flows).getByRole('button', { name: 'Afficher le tableau' }));
    const flowTable = within(flows).getByRole('table', { name: 'Entrées, sorties et file active — Réalisé 2020 à 2022' });
    expect(within(flowTable).getByRole('row', { name: /2022/ }).textContent).toBe('2022121121165' + '44');
    for (const title of [
      'Durée des parcours — Réalisé 2020 à 2022',
      'Liste d’attente en fin d’année — Réalisé 2020 à 2022',
      'Personnes accompagnées par tranche d’âge — Réalisé 2022',
      'Personnes accompagnées par situation — Réalisé 2022',
      'Fréquentation de l’accueil de jour — Réalisé 2020 à 2022',
      'Maraudes — Réalisé 2020 à 2022',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
    }
    // Not computed for this programme: no chart.
    expect(screen.queryByRole('region', { name: /Relais à la sortie/ })).toBeNull();
  });

  it('draws the months of the year: entries and exits, caseload at each month end, waiting list, with their tables', async () => {
    // made-up months for ACOR Centre Ville 2022: 40 present on 1 January
    const entries = [12, 9, 11, 10, 8, 10, 9, 3, 12, 11, 10, 9];
    const exits = [10, 11, 9, 10, 9, 8, 11, 7, 9, 10, 12, 8];
    let present = 40;
    const byMonth = entries.map((entered, i) => {
      present += entered - (exits[i] ?? 0);
      return { month: `2022-${String(i + 1).padStart(2, '0')}`, entries: entered, exits: exits[i] ?? 0, presentAtEnd: present };
    });
    const scope = { programmeCode: 'acor-centre-ville' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };
    const monthly = computeMonthlyCaseload({ ...scope, presentAtStart: 40, entries: 114, exits: 114, byMonth });
    const waiting = computeWaitingList({ ...scope, atPeriodEnd: 6, byMonth: [{ month: '2022-11', count: 8 }, { month: '2022-12', count: 6 }] });
    if (monthly === null) throw new Error('monthly_caseload attendu');
    const response: ProgrammeIndicatorsResponse = {
      ...acorCentreVilleIndicators2022,
      indicators: [...acorCentreVilleIndicators2022.indicators.filter((i) => i.code !== 'waiting_list'), monthly, waiting] as IndicatorValue[],
    };
    mockIndicatorsApi(response);
    renderAt(ROUTE);
    const panel = await screen.findByRole('region', { name: 'Entrées, sorties et file active par mois — Réalisé 2022' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Afficher le tableau' }));
    const table = within(panel).getByRole('table', { name: 'Entrées, sorties et file active par mois — Réalisé 2022' });
    expect(within(table).getByRole('row', { name: /Janvier 2022/ }).textContent).toBe('Janvier 2022' + '12' + '10' + '42');
    expect(within(table).getByRole('row', { name: /Août 2022/ }).textContent).toBe('Août 2022' + '3' + '7' + '37');
    expect(within(table).getByRole('row', { name: /Total de l’année/ }).textContent).toBe('Total de l’année' + '114' + '114' + '—');
    const waitingPanel = screen.getByRole('region', { name: 'Liste d’attente en fin de mois — Réalisé 2022' });
    fireEvent.click(within(waitingPanel).getByRole('button', { name: 'Afficher le tableau' }));
    expect(within(waitingPanel).getByRole('row', { name: /Novembre 2022/ }).textContent).toBe('Novembre 2022' + '8');
  });

  it('shows the demonstration banner when the indicators say demo, not otherwise', async () => {
    mockIndicatorsApi({ ...acorCentreVilleIndicators2022, demo: true });
    const { unmount } = renderAt(ROUTE);
    expect(await screen.findByRole('note', { name: 'Données de démonstration' })).toBeTruthy();
    unmount();

    const notDemo = { demo: false };
    const byYear: Record<string, ProgrammeIndicatorsResponse> = {
      '2022': { ...acorCentreVilleIndicators2022, ...notDemo },
      '2021': { ...acorCentreVilleIndicators2021, ...notDemo },
      '2020': { ...acorCentreVilleIndicators2020, ...notDemo },
    };
    mockApi({
      '/api/programmes/acor-centre-ville': detail,
      '/api/programmes/acor-centre-ville/budgets': acorCentreVilleBudget2022,
      '/api/programmes/acor-centre-ville/funding': fundingWithoutDemo,
      '/api/indicators': indicatorCatalogue,
      '/api/programmes/acor-centre-ville/indicators': byQuery((params) => byYear[params.get('year') ?? '']),
    });
    renderAt(ROUTE);
    await card('Masse salariale');
    await screen.findByRole('region', { name: /Masse salariale et part dans le total des charges/ });
    expect(screen.queryByRole('note', { name: 'Données de démonstration' })).toBeNull();
  });

  it('says once that a forecast has no activity, and links to the actual', async () => {
    const forecast: ProgrammeIndicatorsResponse = {
      ...acorCentreVilleIndicators2022,
      basis: 'forecast',
      indicators: acorCentreVilleIndicators2022.indicators.map((indicator) =>
        indicator.category === 'results'
          ? { ...indicator, value: null, reason: 'Données non fournies pour cette période.', flags: [{ code: 'no_data', message: 'Données non fournies pour cette période.' }] }
          : indicator,
      ),
    };
    mockIndicatorsApi(forecast);
    renderAt('/dispositifs/acor-centre-ville?annee=2022&base=previsionnel');
    const activity = await screen.findByRole('region', { name: 'Activité et personnes accompagnées — Budget prévisionnel 2022' });
    await within(activity).findByText(/Aucune donnée d’activité pour le budget prévisionnel 2022/);
    expect(within(activity).getByRole('link', { name: 'Voir le réalisé 2022' }).getAttribute('href')).toBe(
      '/dispositifs/acor-centre-ville?annee=2022&base=realise',
    );
  });
});
