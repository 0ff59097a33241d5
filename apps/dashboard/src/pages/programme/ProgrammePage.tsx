import type { Basis, BudgetView, ProgrammeDetail } from '@sdat/api-types';
import {
  expensesByGroupOption,
  expensesByGroupTable,
  fundingByFunderOption,
  fundingByFunderTable,
} from '@sdat/charts';
import { useId, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useBudget, useFunding, useProgramme } from '../../api/programmes';
import { ChartPanel } from '../../charts/ChartPanel';
import { DemoBanner } from '../../components/DemoBanner';
import { ErrorMessage, Loading, QueryResult } from '../../components/QueryResult';
import { BASIS_URL_VALUES, basisFromUrl, basisLabel } from '../../labels';
import { useDocumentTitle } from '../../use-document-title';
import { BudgetTables } from './BudgetTables';
import { FundingTable } from './FundingTable';
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

  const fundingOption = useMemo(
    () => (funding.data ? fundingByFunderOption(funding.data, { showTitle: false }) : null),
    [funding.data],
  );
  const fundingTable = useMemo(() => (funding.data ? fundingByFunderTable(funding.data) : null), [funding.data]);

  useDocumentTitle(programme.data?.name ?? 'Dispositif');

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
    (programme.data?.budgets.some((item) => item.year === year && item.basis === basis && item.demo) ?? false);

  const periodTitle = year === null ? basisLabel(basis) : `${basisLabel(basis)} ${year}`;

  return (
    <QueryResult query={programme} loading="Chargement du dispositif…" errorContext="Le dispositif n’a pas pu être affiché.">
      {(detail) => (
        <>
          <h1>{detail.name}</h1>
          {detail.description !== null && detail.description !== '' && <p className="lead pre-line">{detail.description}</p>}
          <DemoBanner show={showDemo} />
          {year !== null && <PeriodSelector programme={detail} year={year} basis={basis} onChange={onPeriodChange} />}

          <section aria-labelledby="titre-presentation">
            <h2 id="titre-presentation">Présentation</h2>
            <ProgrammeFacts programme={detail} />
          </section>

          <section aria-labelledby="titre-moyens">
            <h2 id="titre-moyens">Capacité et personnel</h2>
            <CapacityTable targets={detail.capacityTargets} />
            <StaffTable lines={staff} title={periodTitle} />
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

          <section aria-labelledby="titre-indicateurs">
            <h2 id="titre-indicateurs">Indicateurs demandés par la convention</h2>
            <IndicatorRequirements programme={detail} />
          </section>
        </>
      )}
    </QueryResult>
  );
}
