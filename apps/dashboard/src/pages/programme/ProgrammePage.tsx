import type { Basis, BudgetView, ProgrammeDetail, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import {
  expensesByGroupOption,
  expensesByGroupTable,
  fundingByFunderOption,
  fundingByFunderTable,
} from '@sdat/charts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useMemo, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useIndicatorCatalogue, useProgrammeIndicators } from '../../api/indicators';
import { useBudget, useFunding, useProgramme } from '../../api/programmes';
import { ChartPanel } from '../../charts/ChartPanel';
import { DemoBanner } from '../../components/DemoBanner';
import { catalogueByCode, type IndicatorCatalogue } from '../../components/HowComputed';
import { ErrorMessage, isForbidden, Loading, QueryResult } from '../../components/QueryResult';
import { BASIS_URL_VALUES, basisFromUrl, basisLabel } from '../../labels';
import { useDocumentTitle } from '../../use-document-title';
import { BudgetTables } from './BudgetTables';
import { FundingTable } from './FundingTable';
import { ACTIVITY_CHARTS, IndicatorChartList, MEANS_CHARTS } from './IndicatorCharts';
import { IndicatorsTable } from './IndicatorsTable';
import { KeyFigures } from './KeyFigures';
import { CapacityTable, IndicatorRequirements, ProgrammeFacts, StaffTable } from './ProgrammeSections';

const DEFAULT_YEAR = 2022;

function parseYear(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value)) {
    return null;
  }
  return Number(value);
}

/** Year shown when the address gives none: 2022 (the convention cadre) when it has a budget, else the latest. */
function defaultYear(programme: ProgrammeDetail): number {
  const years = programme.budgets.map((budget) => budget.year);
  if (years.length === 0 || years.includes(DEFAULT_YEAR)) {
    return DEFAULT_YEAR;
  }
  return Math.max(...years);
}

function hasBudget(programme: ProgrammeDetail | undefined, year: number, basis: Basis): boolean | null {
  if (programme === undefined) {
    return null;
  }
  return programme.budgets.some((budget) => budget.year === year && budget.basis === basis);
}

/**
 * The indicators of N, and of N-1 and N-2 (change from N-1, charts over three years). N-1 and
 * N-2 are requested only when the programme lists a budget of that year on the same basis: the
 * API would answer « Pas de données » for every indicator otherwise.
 */
function useIndicatorYears(code: string, programme: ProgrammeDetail | undefined, year: number | null, basis: Basis) {
  const exists = (offset: number) => year !== null && hasBudget(programme, year - offset, basis) === true;
  const current = useProgrammeIndicators(code, year ?? 0, basis, { enabled: year !== null });
  const previous = useProgrammeIndicators(code, (year ?? 0) - 1, basis, { enabled: exists(1) });
  const beforePrevious = useProgrammeIndicators(code, (year ?? 0) - 2, basis, { enabled: exists(2) });
  const history = [beforePrevious, previous, current];
  // The charts over years wait for N-1 and N-2 (a failed year is left out, never drawn as 0).
  const historyReady = !previous.isLoading && !beforePrevious.isLoading;
  const [first, second, third] = history.map((query) => query.data);
  const loaded = useMemo(
    () => [first, second, third].filter((data): data is ProgrammeIndicatorsResponse => data !== undefined),
    [first, second, third],
  );
  return { current, previous, historyReady, loaded };
}

/** Key figures, or the loading state / the error of the indicators request. */
function IndicatorsResult({
  query,
  children,
}: {
  query: UseQueryResult<ProgrammeIndicatorsResponse>;
  children: (data: ProgrammeIndicatorsResponse) => ReactNode;
}) {
  return (
    <QueryResult query={query} loading="Chargement des indicateurs…" errorContext="Les indicateurs n’ont pas pu être chargés.">
      {children}
    </QueryResult>
  );
}


function IndicatorSections({
  current,
  loaded,
  historyReady,
  catalogue,
  kind,
  switchLink,
}: {
  current: ProgrammeIndicatorsResponse;
  loaded: readonly ProgrammeIndicatorsResponse[];
  historyReady: boolean;
  catalogue: IndicatorCatalogue;
  kind: 'means' | 'activity';
  switchLink: ReactNode;
}) {
  const years = useMemo(
    () => loaded.map((data) => ({ year: data.year, indicators: data.indicators })).sort((a, b) => a.year - b.year),
    [loaded],
  );
  const currentYear = useMemo(() => ({ year: current.year, indicators: current.indicators }), [current]);
  if (!historyReady) {
    return <Loading label="Chargement des années précédentes…" />;
  }
  const period = { basis: basisLabel(current.basis), year: current.year };
  return (
    <IndicatorChartList
      definitions={kind === 'means' ? MEANS_CHARTS : ACTIVITY_CHARTS}
      years={years}
      current={currentYear}
      period={period}
      catalogue={catalogue}
      emptyMessage={
        <p>
          Aucune donnée {kind === 'means' ? 'de moyens' : 'd’activité'} pour le {period.basis.toLocaleLowerCase('fr-FR')}{' '}
          {period.year}.
          {switchLink}
        </p>
      }
    />
  );
}

function PeriodSelector({
  programme,
  year,
  basis,
  onChange,
}: {
  programme: ProgrammeDetail;
  year: number;
  basis: Basis;
  onChange: (year: number, basis: Basis) => void;
}) {
  const yearId = useId();
  const basisId = useId();
  const years = [...new Set([...programme.budgets.map((budget) => budget.year), year])].sort((a, b) => b - a);
  return (
    <form className="period-selector" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Période affichée</legend>
        <div className="field">
          <label htmlFor={yearId}>Année</label>
          <select id={yearId} value={year} onChange={(event) => onChange(Number(event.target.value), basis)}>
            {years.map((item) => (
              <option key={item} value={item}>
                {item}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={basisId}>Budget</label>
          <select id={basisId} value={basis} onChange={(event) => onChange(year, event.target.value as Basis)}>
            <option value="forecast">Budget prévisionnel</option>
            <option value="actual">Réalisé</option>
          </select>
        </div>
      </fieldset>
    </form>
  );
}

function BudgetChart({ forecast, actual }: { forecast: BudgetView | null; actual: BudgetView | null }) {
  const first = forecast ?? actual;
  const second = forecast !== null ? actual : null;
  const option = useMemo(
    () => (first === null ? null : expensesByGroupOption(first, second, { showTitle: false })),
    [first, second],
  );
  const table = useMemo(() => (first === null ? null : expensesByGroupTable(first, second)), [first, second]);
  if (first === null || option === null || table === null) {
    return null;
  }
  return (
    <ChartPanel
      title={second === null ? 'Charges par groupe de comptes' : 'Charges par groupe de comptes : prévisionnel et réalisé'}
      option={option}
      table={table}
      height={second === null ? 340 : 420}
    />
  );
}

const CONTENTS = [
  { id: 'titre-chiffres', label: 'Chiffres clés' },
  { id: 'titre-presentation', label: 'Présentation' },
  { id: 'titre-moyens', label: 'Moyens' },
  { id: 'titre-activite', label: 'Activité' },
  { id: 'titre-budget', label: 'Budget' },
  { id: 'titre-financements', label: 'Financements' },
  { id: 'titre-tous-indicateurs', label: 'Tous les indicateurs' },
];

/**
 * « Sur cette page »: links to the sections. The links carry the page's own address before the
 * fragment (`<base href="/">` would otherwise resolve `#x` against the home page).
 */
function PageContents({ comparisonLink }: { comparisonLink: string }) {
  const { pathname, search } = useLocation();
  return (
    <nav className="page-toc" aria-label="Sur cette page">
      <ul>
        {CONTENTS.map((item) => (
          <li key={item.id}>
            <a href={`${pathname}${search}#${item.id}`}>{item.label}</a>
          </li>
        ))}
        <li>
          <Link to={comparisonLink}>Comparer les dispositifs</Link>
        </li>
      </ul>
    </nav>
  );
}

/** `/dispositifs/:code?annee=2022&base=previsionnel` */
export function ProgrammePage() {
  const { code = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const programme = useProgramme(code);
  const basis: Basis = basisFromUrl(searchParams.get('base')) ?? 'forecast';
  const year = parseYear(searchParams.get('annee')) ?? (programme.data ? defaultYear(programme.data) : null);
  const otherBasis: Basis = basis === 'forecast' ? 'actual' : 'forecast';

  const listed = year === null ? null : hasBudget(programme.data, year, basis);
  const budget = useBudget(code, year ?? 0, basis, { enabled: year !== null && listed !== false });
  const otherListed = year !== null && hasBudget(programme.data, year, otherBasis) === true;
  const otherBudget = useBudget(code, year ?? 0, otherBasis, { enabled: otherListed });
  const funding = useFunding(code, year ?? 0, basis, { enabled: year !== null });

  const indicators = useIndicatorYears(code, programme.data, year, basis);
  const catalogueQuery = useIndicatorCatalogue();
  const catalogue = useMemo(() => catalogueByCode(catalogueQuery.data), [catalogueQuery.data]);

  const fundingOption = useMemo(
    () => (funding.data ? fundingByFunderOption(funding.data, { showTitle: false }) : null),
    [funding.data],
  );
  const fundingTable = useMemo(() => (funding.data ? fundingByFunderTable(funding.data) : null), [funding.data]);

  useDocumentTitle(isForbidden(programme.error) ? 'Accès refusé' : (programme.data?.name ?? 'Dispositif'));

  const onPeriodChange = (nextYear: number, nextBasis: Basis) => {
    setSearchParams({ annee: String(nextYear), base: BASIS_URL_VALUES[nextBasis] }, { replace: true });
  };

  const staff = (programme.data?.staff ?? []).filter((line) => line.year === year && line.basis === basis);
  const comparison = otherListed && otherBudget.data ? otherBudget.data : null;
  const showDemo =
    staff.some((line) => line.demo) ||
    budget.data?.demo === true ||
    comparison?.demo === true ||
    (funding.data?.lines.some((line) => line.demo) ?? false) ||
    (programme.data?.budgets.some((item) => item.year === year && item.basis === basis && item.demo) ?? false) ||
    indicators.loaded.some((data) => data.demo);

  const periodTitle = year === null ? basisLabel(basis) : `${basisLabel(basis)} ${year}`;
  const previousData = indicators.previous.data ?? null;
  // Activity is recorded on the actual basis: offer the switch when a forecast shows none.
  const actualListed = year !== null && basis === 'forecast' && hasBudget(programme.data, year, 'actual') === true;
  const switchLink = actualListed ? (
    <>
      {' '}
      <Link to={`?annee=${year}&base=${BASIS_URL_VALUES.actual}`}>Voir le réalisé {year}</Link>.
    </>
  ) : null;

  return (
    <QueryResult query={programme} loading="Chargement du dispositif…" errorContext="Le dispositif n’a pas pu être affiché." pageSubject>
      {(detail) => (
        <>
          <h1>{detail.name}</h1>
          {detail.description !== null && detail.description !== '' && <p className="lead pre-line">{detail.description}</p>}
          <DemoBanner show={showDemo} />
          {year !== null && <PeriodSelector programme={detail} year={year} basis={basis} onChange={onPeriodChange} />}

          <PageContents
            comparisonLink={`/comparaison?convention=${encodeURIComponent(detail.agreement.code)}&base=${BASIS_URL_VALUES[basis]}`}
          />

          <section aria-labelledby="titre-chiffres">
            <h2 id="titre-chiffres">Chiffres clés — {periodTitle}</h2>
            {year !== null && (
              <IndicatorsResult query={indicators.current}>
                {(data) => <KeyFigures current={data} previous={previousData} catalogue={catalogue} />}
              </IndicatorsResult>
            )}
          </section>

          <section aria-labelledby="titre-presentation">
            <h2 id="titre-presentation">Présentation</h2>
            <ProgrammeFacts programme={detail} />
          </section>

          <section aria-labelledby="titre-moyens">
            <h2 id="titre-moyens">Moyens : capacité, personnel et masse salariale</h2>
            <CapacityTable targets={detail.capacityTargets} />
            {indicators.current.data !== undefined && (
              <IndicatorSections
                current={indicators.current.data}
                loaded={indicators.loaded}
                historyReady={indicators.historyReady}
                catalogue={catalogue}
                kind="means"
                switchLink={null}
              />
            )}
            <StaffTable lines={staff} title={periodTitle} />
          </section>

          <section aria-labelledby="titre-activite">
            <h2 id="titre-activite">Activité et personnes accompagnées — {periodTitle}</h2>
            {indicators.current.isError ? (
              <p>Les indicateurs d’activité n’ont pas pu être chargés (voir les chiffres clés).</p>
            ) : indicators.current.data === undefined ? (
              year !== null && <Loading label="Chargement des indicateurs…" />
            ) : (
              <IndicatorSections
                current={indicators.current.data}
                loaded={indicators.loaded}
                historyReady={indicators.historyReady}
                catalogue={catalogue}
                kind="activity"
                switchLink={switchLink}
              />
            )}
          </section>

          <section aria-labelledby="titre-budget">
            <h2 id="titre-budget">{periodTitle}</h2>
            {listed === false ? (
              <p>
                Aucun {basis === 'forecast' ? 'budget prévisionnel' : 'budget réalisé'} n’est disponible pour {year}.
              </p>
            ) : budget.isError ? (
              <ErrorMessage error={budget.error} context="Le budget n’a pas pu être chargé." />
            ) : budget.isPending ? (
              <Loading label="Chargement du budget…" />
            ) : (
              <>
                {budget.data.printedTitle !== null && budget.data.printedTitle !== '' && (
                  <p className="muted">Titre imprimé dans le document : « {budget.data.printedTitle} »</p>
                )}
                <BudgetChart
                  forecast={basis === 'forecast' ? budget.data : comparison}
                  actual={basis === 'actual' ? budget.data : comparison}
                />
                <BudgetTables budget={budget.data} title={periodTitle} />
              </>
            )}
          </section>

          <section aria-labelledby="titre-financements">
            <h2 id="titre-financements">Financements {year ?? ''}</h2>
            {funding.isError ? (
              <ErrorMessage error={funding.error} context="Les financements n’ont pas pu être chargés." />
            ) : funding.isPending ? (
              <Loading label="Chargement des financements…" />
            ) : (
              <>
                {fundingOption !== null && fundingTable !== null && funding.data.lines.length > 0 && (
                  <ChartPanel
                    title="Financements par financeur"
                    option={fundingOption}
                    table={fundingTable}
                    height={Math.max(220, 70 + funding.data.lines.length * 48)}
                  />
                )}
                <FundingTable funding={funding.data} />
              </>
            )}
          </section>

          <section aria-labelledby="titre-tous-indicateurs">
            <h2 id="titre-tous-indicateurs">Tous les indicateurs — {periodTitle}</h2>
            {indicators.current.isError ? (
              <p>Les indicateurs n’ont pas pu être chargés (voir les chiffres clés).</p>
            ) : indicators.current.data === undefined ? (
              year !== null && <Loading label="Chargement des indicateurs…" />
            ) : (
              <IndicatorsTable
                current={indicators.current.data}
                previous={previousData}
                caption={`Indicateurs calculés — ${periodTitle}`}
              />
            )}
          </section>

          <section aria-labelledby="titre-indicateurs">
            <h2 id="titre-indicateurs">Indicateurs demandés par la convention</h2>
            <IndicatorRequirements programme={detail} />
          </section>
        </>
      )}
    </QueryResult>
  );
}
