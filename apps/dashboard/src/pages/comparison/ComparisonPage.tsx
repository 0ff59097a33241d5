import type { AgreementSummary, Basis, ComparisonResponse, IndicatorDefinition, ProgrammeSummary } from '@sdat/api-types';
import { comparisonChart, comparisonValue, valueKindOfUnit, type IndicatorCode } from '@sdat/charts';
import { useId, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAgreements } from '../../api/agreements';
import { apiUrl } from '../../api/api-fetch';
import { useComparison, useIndicatorCatalogue } from '../../api/indicators';
import { useProgrammes } from '../../api/programmes';
import { ChartPanel } from '../../charts/ChartPanel';
import { DemoBanner } from '../../components/DemoBanner';
import { catalogueByCode, HowComputedAcross, type IndicatorCatalogue } from '../../components/HowComputed';
import { ErrorMessage, Loading } from '../../components/QueryResult';
import { basisLabel } from '../../labels';
import { useDocumentTitle } from '../../use-document-title';
import { ComparisonTable } from './ComparisonTable';
import {
  comparisonHref,
  DEFAULT_INDICATORS,
  MAX_YEARS,
  normaliseYears,
  readComparisonUrl,
  type ComparisonView,
} from './comparison-url';

/*
 * XLSX export of this table: comes with the server-side exports (same figures, built by the API
 * from the same comparison). Until then there is deliberately no export button here.
 */

const CATEGORY_LABELS: { category: IndicatorDefinition['category']; label: string }[] = [
  { category: 'means', label: 'Moyens' },
  { category: 'results', label: 'Résultats' },
  { category: 'compliance', label: 'Conformité' },
];

/** Indicators computed per programme (the Pacte checks are per agreement), catalogue order. */
function comparableIndicators(catalogue: readonly IndicatorDefinition[]): IndicatorDefinition[] {
  return catalogue.filter((definition) => definition.scope === 'programme');
}

/** Years for which the agreement's programmes have a budget on this basis. */
function availableYears(programmes: readonly ProgrammeSummary[], agreement: string, basis: Basis): number[] {
  return normaliseYears(
    programmes
      .filter((programme) => programme.agreement.code === agreement)
      .flatMap((programme) => programme.budgets.filter((budget) => budget.basis === basis).map((budget) => budget.year)),
  );
}

function isChartable(catalogue: IndicatorCatalogue, code: string): boolean {
  const definition = catalogue.get(code);
  return definition !== undefined && valueKindOfUnit(definition.unit) !== null;
}

/** Applies the defaults to what the address says. Null while the lists it needs are loading. */
function resolveView(
  search: string,
  agreements: readonly AgreementSummary[] | undefined,
  programmes: readonly ProgrammeSummary[] | undefined,
  definitions: readonly IndicatorDefinition[] | undefined,
): ComparisonView | null {
  const url = readComparisonUrl(new URLSearchParams(search));
  const agreement = url.agreement ?? agreements?.find((item) => item.programmeCodes.length > 0)?.code ?? null;
  if (agreement === null || definitions === undefined || (url.years === null && programmes === undefined)) {
    return null;
  }
  const basis = url.basis ?? 'actual';
  const comparable = comparableIndicators(definitions);
  const wanted = new Set(url.indicators ?? DEFAULT_INDICATORS);
  const indicators = comparable.filter((definition) => wanted.has(definition.code)).map((definition): string => definition.code);
  const catalogue = catalogueByCode(definitions);
  const chartable = indicators.filter((code) => isChartable(catalogue, code));
  const chart = url.chart !== null && chartable.includes(url.chart) ? url.chart : (chartable[0] ?? null);
  return {
    agreement,
    years: url.years ?? availableYears(programmes ?? [], agreement, basis),
    indicators,
    basis,
    chart,
  };
}

function periodText(view: ComparisonView): string {
  const label = basisLabel(view.basis);
  const first = view.years[0];
  const last = view.years[view.years.length - 1];
  if (first === undefined || last === undefined) {
    return label;
  }
  return first === last ? `${label} ${first}` : `${label} ${first} à ${last}`;
}

function CopyLinkButton({ href }: { href: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [showLink, setShowLink] = useState(false);
  const inputId = useId();
  const link = `${window.location.origin}${href}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setMessage('Lien copié : il reproduit exactement cette vue.');
      setShowLink(false);
    } catch {
      setMessage('La copie automatique a échoué : copiez le lien ci-dessous.');
      setShowLink(true);
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="button button--secondary" onClick={() => void copy()}>
        Copier le lien
      </button>
      <p role="status" className="copy-link__status">
        {message}
      </p>
      {showLink && (
        <div className="field">
          <label htmlFor={inputId}>Lien de cette vue</label>
          <input id={inputId} type="text" readOnly value={link} onFocus={(event) => event.target.select()} />
        </div>
      )}
    </div>
  );
}

interface ControlsProps {
  view: ComparisonView;
  agreements: readonly AgreementSummary[];
  years: readonly number[];
  definitions: readonly IndicatorDefinition[];
  onChange: (next: ComparisonView) => void;
}

function Controls({ view, agreements, years, definitions, onChange }: ControlsProps) {
  const agreementId = useId();
  const basisId = useId();
  const comparable = comparableIndicators(definitions);
  const catalogue = catalogueByCode(definitions);
  const withAgreement = agreements.filter((agreement) => agreement.programmeCodes.length > 0);
  const toggleYear = (year: number, checked: boolean) =>
    onChange({ ...view, years: normaliseYears(checked ? [...view.years, year] : view.years.filter((item) => item !== year)) });
  const toggleIndicator = (code: string, checked: boolean) => {
    const selected = new Set(view.indicators);
    if (checked) {
      selected.add(code);
    } else {
      selected.delete(code);
    }
    const indicators = comparable.filter((definition) => selected.has(definition.code)).map((definition): string => definition.code);
    const chartable = indicators.filter((item) => isChartable(catalogue, item));
    const chart = view.chart !== null && chartable.includes(view.chart) ? view.chart : (chartable[0] ?? null);
    onChange({ ...view, indicators, chart });
  };
  return (
    <form className="comparison-controls" onSubmit={(event) => event.preventDefault()}>
      <fieldset className="comparison-controls__scope">
        <legend>Convention et base</legend>
        <div className="field field--grow">
          <label htmlFor={agreementId}>Convention</label>
          <select id={agreementId} value={view.agreement} onChange={(event) => onChange({ ...view, agreement: event.target.value })}>
            {withAgreement.every((agreement) => agreement.code !== view.agreement) && (
              <option value={view.agreement}>{view.agreement}</option>
            )}
            {withAgreement.map((agreement) => (
              <option key={agreement.code} value={agreement.code}>
                {agreement.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={basisId}>Base</label>
          <select id={basisId} value={view.basis} onChange={(event) => onChange({ ...view, basis: event.target.value as Basis })}>
            <option value="actual">Réalisé</option>
            <option value="forecast">Budget prévisionnel</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>Années (10 au plus)</legend>
        {years.length === 0 ? (
          <p>Aucune année disponible pour cette base.</p>
        ) : (
          <ul className="checkbox-list checkbox-list--inline">
            {years.map((year) => {
              const checked = view.years.includes(year);
              return (
                <li key={year}>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && view.years.length >= MAX_YEARS}
                      onChange={(event) => toggleYear(year, event.target.checked)}
                    />{' '}
                    {year}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>Indicateurs</legend>
        <div className="indicator-choices">
          {CATEGORY_LABELS.map(({ category, label }) => {
            const items = comparable.filter((definition) => definition.category === category);
            if (items.length === 0) {
              return null;
            }
            return (
              <fieldset key={category} className="checkbox-group checkbox-group--nested">
                <legend>{label}</legend>
                <ul className="checkbox-list">
                  {items.map((definition) => (
                    <li key={definition.code}>
                      <label>
                        <input
                          type="checkbox"
                          checked={view.indicators.includes(definition.code)}
                          onChange={(event) => toggleIndicator(definition.code, event.target.checked)}
                        />{' '}
                        {definition.label}
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}

function ComparisonChart({
  comparison,
  view,
  catalogue,
  onChange,
}: {
  comparison: ComparisonResponse;
  view: ComparisonView;
  catalogue: IndicatorCatalogue;
  onChange: (next: ComparisonView) => void;
}) {
  const selectId = useId();
  const chartable = view.indicators.filter((code) => isChartable(catalogue, code));
  const code = view.chart;
  const definition = code === null ? undefined : catalogue.get(code);
  const title = definition === undefined ? '' : `${definition.label} — ${periodText(view)}`;
  const chart = useMemo(
    () => (code === null ? null : comparisonChart(comparison, code as IndicatorCode, { title, showTitle: false })),
    [comparison, code, title],
  );
  const values = useMemo(
    () =>
      code === null
        ? []
        : comparison.programmes.flatMap((programme) =>
            [...comparison.years]
              .sort((a, b) => a - b)
              .map((year) => ({ name: `${programme.name}, ${year}`, indicator: comparisonValue(comparison, programme.code, year, code as IndicatorCode) }))
              .filter((item): item is { name: string; indicator: NonNullable<typeof item.indicator> } => item.indicator !== null),
          ),
    [comparison, code],
  );
  if (chartable.length === 0) {
    return <p>Choisissez un indicateur chiffré (les contrôles de conformité ne sont pas représentés en graphique).</p>;
  }
  return (
    <>
      <form className="chart-choice" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={selectId}>Indicateur représenté</label>
          <select id={selectId} value={code ?? ''} onChange={(event) => onChange({ ...view, chart: event.target.value })}>
            {chartable.map((item) => (
              <option key={item} value={item}>
                {catalogue.get(item)?.label ?? item}
              </option>
            ))}
          </select>
        </div>
      </form>
      {chart === null ? (
        <p>Aucune valeur de « {definition?.label ?? code} » n’est calculée pour ces années.</p>
      ) : (
        <ChartPanel title={title} option={chart.option} table={chart.table} height={360}>
          <HowComputedAcross
            definition={definition}
            values={values}
            caption={`Calcul de « ${definition?.label ?? code ?? ''} » par dispositif et par année`}
          />
        </ChartPanel>
      )}
    </>
  );
}

/** `GET /api/comparisons.xlsx` with the choices of the page (agreement, years, basis, indicators). */
export function comparisonXlsxUrl(view: ComparisonView): string {
  return apiUrl('comparisons.xlsx', {
    agreement: view.agreement,
    years: view.years.join(','),
    basis: view.basis,
    indicators: view.indicators.length > 0 ? view.indicators.join(',') : undefined,
  });
}

/** `/comparaison?convention=&annees=&indicateurs=&base=&graphique=`: programmes × years × indicators. */
export function ComparisonPage() {
  useDocumentTitle('Comparaison des dispositifs');
  const { search, pathname } = useLocation();
  const navigate = useNavigate();
  const agreements = useAgreements();
  const programmes = useProgrammes();
  const catalogueQuery = useIndicatorCatalogue();
  const view = useMemo(
    () => resolveView(search, agreements.data, programmes.data, catalogueQuery.data),
    [search, agreements.data, programmes.data, catalogueQuery.data],
  );
  const catalogue = useMemo(() => catalogueByCode(catalogueQuery.data), [catalogueQuery.data]);
  const comparison = useComparison(view?.agreement ?? '', view?.years ?? [], view?.basis ?? 'actual', {
    enabled: view !== null && view.years.length > 0,
  });

  const onChange = (next: ComparisonView) => {
    const href = comparisonHref(next);
    navigate({ pathname, search: href.slice(href.indexOf('?')) }, { replace: true });
  };

  const years = useMemo(() => {
    if (view === null) {
      return [];
    }
    const known = availableYears(programmes.data ?? [], view.agreement, view.basis);
    return normaliseYears([...known, ...view.years]);
  }, [view, programmes.data]);

  const failed = [agreements, programmes, catalogueQuery].find((query) => query.isError);

  return (
    <>
      <h1>Comparaison des dispositifs</h1>
      <p className="lead">
        Les indicateurs des dispositifs d’une convention, année par année, tels que l’API les calcule. Chaque choix est
        enregistré dans l’adresse de la page : un lien copié reproduit exactement cette vue.
      </p>
      <DemoBanner show={comparison.data?.cells.some((cell) => cell.demo) ?? false} />
      {failed !== undefined ? (
        <ErrorMessage error={failed.error} context="Les listes nécessaires à la comparaison n’ont pas pu être chargées." />
      ) : view === null ? (
        <Loading label="Chargement de la comparaison…" />
      ) : (
        <>
          <Controls
            view={view}
            agreements={agreements.data ?? []}
            years={years}
            definitions={catalogueQuery.data ?? []}
            onChange={onChange}
          />
          <CopyLinkButton href={comparisonHref(view)} />

          <section aria-labelledby="titre-tableau-comparatif">
            <h2 id="titre-tableau-comparatif">Tableau comparatif — {periodText(view)}</h2>
            {view.years.length === 0 ? (
              <p>Choisissez au moins une année.</p>
            ) : view.indicators.length === 0 ? (
              <p>Choisissez au moins un indicateur.</p>
            ) : comparison.isError ? (
              <ErrorMessage error={comparison.error} context="La comparaison n’a pas pu être chargée." />
            ) : comparison.isPending ? (
              <Loading label="Chargement de la comparaison…" />
            ) : (
              <>
                <ComparisonTable
                  comparison={comparison.data}
                  indicators={view.indicators as IndicatorCode[]}
                  catalogue={catalogue}
                  caption={`Indicateurs par dispositif et par année — ${periodText(view)}`}
                />
                <p>
                  <a href={comparisonXlsxUrl(view)} download>
                    Exporter en XLSX
                  </a>
                </p>
              </>
            )}
          </section>

          {comparison.data !== undefined && view.indicators.length > 0 && view.years.length > 0 && (
            <section aria-labelledby="titre-graphique-comparatif">
              <h2 id="titre-graphique-comparatif">Graphique</h2>
              <ComparisonChart comparison={comparison.data} view={view} catalogue={catalogue} onChange={onChange} />
            </section>
          )}
        </>
      )}
    </>
  );
}
