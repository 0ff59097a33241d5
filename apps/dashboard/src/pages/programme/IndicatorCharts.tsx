import type { IndicatorValue } from '@sdat/api-types';
import {
  distributionChart,
  durationBandsChart,
  durationChart,
  findIndicator,
  formatIndicatorValue,
  indicatorYearsChart,
  missingValue,
  monthlyCaseloadChart,
  monthlyWaitingListChart,
  payrollTrendChart,
  suppressedText,
  type DistributionChartOptions,
  type IndicatorChart,
  type IndicatorCode,
  type YearIndicators,
} from '@sdat/charts';
import { useId, useMemo, type ReactNode } from 'react';
import { ChartPanel } from '../../charts/ChartPanel';
import { HowComputed, missingValueSentence, type IndicatorCatalogue } from '../../components/HowComputed';

/** What a chart of the programme page draws, from the indicators of N (and N-1, N-2 when loaded). */
export interface IndicatorChartDefinition {
  key: string;
  title: string;
  /** The indicators the chart shows (their « Comment c'est calculé » is attached to it). */
  codes: readonly IndicatorCode[];
  /** `years`: N-2..N as loaded, ascending; `current`: N. */
  build: (years: readonly YearIndicators[], current: YearIndicators) => IndicatorChart | null;
  /** Over several years (title gets the year range) or of year N only. */
  overYears: boolean;
  /** Fixed height in pixels (charts over months); else from the years or the number of categories. */
  height?: number;
  /** A sentence above the chart, e.g. the ratio a distribution of counts explains. */
  intro?: (current: YearIndicators) => ReactNode;
}

function distributionOf(code: IndicatorCode, options: Omit<DistributionChartOptions, 'title' | 'showTitle'> & { title: string }) {
  return (_years: readonly YearIndicators[], current: YearIndicators): IndicatorChart | null => {
    const indicator = findIndicator(current.indicators, code);
    return indicator === null ? null : distributionChart(indicator, { ...options, showTitle: false });
  };
}

/** The value in its unit, « < 5 » / « masqué » when the small-count rule masked it, else null (nothing to say). */
function shownValue(item: Pick<IndicatorValue, 'value' | 'unit' | 'suppressed'>): string | null {
  const masked = suppressedText(item);
  if (masked !== null) {
    return masked;
  }
  return item.value === null ? null : formatIndicatorValue(item.value, item.unit);
}

function valueSentence(current: YearIndicators, code: IndicatorCode, prefix: string): ReactNode {
  const indicator = findIndicator(current.indicators, code);
  const text = indicator === null ? null : shownValue(indicator);
  if (text === null) {
    return null;
  }
  return (
    <p className="chart-intro">
      {prefix} : <strong>{text}</strong>
    </p>
  );
}

function detailSentence(current: YearIndicators, code: IndicatorCode, key: string, prefix: string): ReactNode {
  const item = findIndicator(current.indicators, code)?.details?.find((detail) => detail.key === key);
  const text = item === undefined ? null : shownValue(item);
  if (text === null) {
    return null;
  }
  return (
    <p className="chart-intro">
      {prefix} : <strong>{text}</strong>
    </p>
  );
}

/** Means: payroll over N-2..N, FTE by job title. */
export const MEANS_CHARTS: readonly IndicatorChartDefinition[] = [
  {
    key: 'payroll',
    title: 'Masse salariale et part dans le total des charges',
    codes: ['payroll', 'payroll_ratio', 'payroll_growth'],
    overYears: true,
    build: (years) => payrollTrendChart(years, { showTitle: false }),
  },
  {
    key: 'fte-by-job',
    title: 'ETP par qualification',
    codes: ['fte_by_job'],
    overYears: false,
    build: distributionOf('fte_by_job', { title: 'ETP par qualification', categoryLabel: 'Qualification', valueLabel: 'ETP' }),
  },
];

/** Activity: flows, durations, waiting list, profiles, referrals, hand-overs, day centre and outreach. */
export const ACTIVITY_CHARTS: readonly IndicatorChartDefinition[] = [
  {
    key: 'flows',
    title: 'Entrées, sorties et file active',
    codes: ['entries', 'exits', 'active_caseload'],
    overYears: true,
    build: (years) =>
      indicatorYearsChart({
        title: 'Entrées, sorties et file active',
        years,
        series: [
          { name: 'Entrées', code: 'entries' },
          { name: 'Sorties', code: 'exits' },
          { name: 'File active', code: 'active_caseload' },
          { name: 'Présents au 31/12', code: 'active_caseload', detail: 'at_end' },
        ],
        showTitle: false,
      }),
  },
  {
    key: 'monthly-flows',
    title: 'Entrées, sorties et file active par mois',
    codes: ['monthly_caseload'],
    overYears: false,
    height: 340,
    build: (_years, current) => monthlyCaseloadChart(findIndicator(current.indicators, 'monthly_caseload'), { showTitle: false }),
  },
  {
    key: 'duration',
    title: 'Durée des parcours',
    codes: ['avg_duration_days', 'median_duration_days'],
    overYears: true,
    build: (years) => durationChart(years, { showTitle: false }),
  },
  {
    key: 'duration-bands',
    title: 'Parcours terminés par durée',
    codes: ['avg_duration_days', 'median_duration_days'],
    overYears: false,
    intro: (current) => (
      <>
        {valueSentence(current, 'avg_duration_days', 'Durée moyenne des parcours terminés')}
        {valueSentence(current, 'median_duration_days', 'Durée médiane (parcours en cours inclus)')}
      </>
    ),
    build: (_years, current) => durationBandsChart(findIndicator(current.indicators, 'avg_duration_days'), { showTitle: false }),
  },
  {
    key: 'waiting-list',
    title: 'Liste d’attente en fin d’année',
    codes: ['waiting_list'],
    overYears: true,
    build: (years) =>
      indicatorYearsChart({
        title: 'Liste d’attente en fin d’année',
        years,
        series: [{ name: 'Personnes en attente au 31/12', code: 'waiting_list' }],
        showTitle: false,
      }),
  },
  {
    key: 'waiting-list-monthly',
    title: 'Liste d’attente en fin de mois',
    codes: ['waiting_list'],
    overYears: false,
    height: 300,
    build: (_years, current) => monthlyWaitingListChart(findIndicator(current.indicators, 'waiting_list'), { showTitle: false }),
  },
  {
    key: 'profile-age',
    title: 'Personnes accompagnées par tranche d’âge',
    codes: ['profile_age'],
    overYears: false,
    build: distributionOf('profile_age', {
      title: 'Personnes accompagnées par tranche d’âge',
      categoryLabel: 'Tranche d’âge',
      valueLabel: 'Personnes',
    }),
  },
  {
    key: 'profile-situation',
    title: 'Personnes accompagnées par situation',
    codes: ['profile_situation'],
    overYears: false,
    build: distributionOf('profile_situation', {
      title: 'Personnes accompagnées par situation',
      categoryLabel: 'Situation',
      valueLabel: 'Personnes',
    }),
  },
  {
    key: 'referrers',
    title: 'Personnes orientées par prescripteur',
    codes: ['referrers'],
    overYears: false,
    build: distributionOf('referrers', {
      title: 'Personnes orientées par prescripteur',
      categoryLabel: 'Prescripteur',
      valueLabel: 'Personnes',
    }),
  },
  {
    key: 'referral-decisions',
    title: 'Décisions de la commission de coordination des accompagnements',
    codes: ['referral_decisions'],
    overYears: false,
    build: distributionOf('referral_decisions', {
      title: 'Décisions de la commission de coordination des accompagnements',
      categoryLabel: 'Décision',
      valueLabel: 'Décisions',
    }),
  },
  {
    key: 'handover',
    title: 'Relais à la sortie',
    codes: ['handover_at_exit'],
    overYears: false,
    intro: (current) => valueSentence(current, 'handover_at_exit', 'Part des sorties avec un relais'),
    build: distributionOf('handover_at_exit', {
      title: 'Sorties par nature du relais',
      categoryLabel: 'Relais',
      valueLabel: 'Sorties',
      source: 'details',
    }),
  },
  {
    key: 'attendance',
    title: 'Fréquentation de l’accueil de jour',
    codes: ['attendance'],
    overYears: true,
    intro: (current) => detailSentence(current, 'attendance', 'visits_per_opening_day', 'Passages par jour d’ouverture'),
    build: (years) =>
      indicatorYearsChart({
        title: 'Fréquentation de l’accueil de jour',
        years,
        series: [
          { name: 'Passages', code: 'attendance' },
          { name: 'Personnes distinctes', code: 'attendance', detail: 'distinct_people' },
        ],
        showTitle: false,
      }),
  },
  {
    key: 'outreach',
    title: 'Maraudes',
    codes: ['outreach_contacts'],
    overYears: true,
    build: (years) =>
      indicatorYearsChart({
        title: 'Maraudes',
        years,
        series: [
          { name: 'Personnes rencontrées', code: 'outreach_contacts' },
          { name: 'Contacts', code: 'outreach_contacts', detail: 'contacts' },
        ],
        showTitle: false,
      }),
  },
];

function presentIndicators(current: YearIndicators, codes: readonly IndicatorCode[]): IndicatorValue[] {
  return codes.map((code) => findIndicator(current.indicators, code)).filter((item): item is IndicatorValue => item !== null);
}

/** The charts of `definitions` that apply to the programme (at least one of their indicators is returned). */
export function applicableCharts(
  definitions: readonly IndicatorChartDefinition[],
  current: YearIndicators,
): IndicatorChartDefinition[] {
  return definitions.filter((definition) => presentIndicators(current, definition.codes).length > 0);
}

/** Why the indicators of a chart have no value (« Pas de données — … », « Non calculable : … »). */
function MissingValues({ indicators }: { indicators: readonly IndicatorValue[] }) {
  const missing = indicators
    .map((indicator) => ({ indicator, missing: missingValue(indicator) }))
    .filter((item) => item.missing !== null);
  if (missing.length === 0) {
    return <p className="missing-values">Aucun détail à représenter pour cette période.</p>;
  }
  return (
    <ul className="missing-values">
      {missing.map(({ indicator, missing: value }) => (
        <li key={indicator.code}>
          <strong>{indicator.label}</strong> : {value === null ? '' : missingValueSentence(value)}
        </li>
      ))}
    </ul>
  );
}

function buildSafely(definition: IndicatorChartDefinition, years: readonly YearIndicators[], current: YearIndicators) {
  try {
    return definition.build(years, current);
  } catch (error) {
    console.error(`Graphique « ${definition.title} » non construit`, error);
    return null;
  }
}

function chartHeight(chart: IndicatorChart, overYears: boolean, legendRows: number): number {
  if (overYears) {
    return 300 + legendRows * 24;
  }
  return Math.max(200, 40 + chart.table.rows.length * 40);
}

/** The period of the page: « Réalisé » and the year N. */
export interface PagePeriod {
  basis: string;
  year: number;
}

/**
 * « Réalisé 2022 », or for a chart over years the years it actually shows, « Réalisé 2020 à
 * 2022 » — without the basis when the API says the series mixes forecasts and actuals.
 */
function chartPeriod(definition: IndicatorChartDefinition, chart: IndicatorChart | null, period: PagePeriod, mixed: boolean): string {
  const years = definition.overYears && chart !== null ? chart.table.rows.map((row) => row.header) : [];
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined || first === last) {
    return `${period.basis} ${first ?? period.year}`;
  }
  return mixed ? `${first} à ${last}` : `${period.basis} ${first} à ${last}`;
}

interface IndicatorChartPanelProps {
  definition: IndicatorChartDefinition;
  years: readonly YearIndicators[];
  current: YearIndicators;
  period: PagePeriod;
  catalogue: IndicatorCatalogue;
}

/** One chart with its table toggle and « Comment c'est calculé »; the reasons instead when nothing to draw. */
export function IndicatorChartPanel({ definition, years, current, period, catalogue }: IndicatorChartPanelProps) {
  const headingId = useId();
  const chart = useMemo(() => buildSafely(definition, years, current), [definition, years, current]);
  const explained = presentIndicators(current, definition.codes);
  const mixedBases = [
    ...new Set(explained.flatMap((indicator) => indicator.flags).filter((flag) => flag.code === 'mixed_bases').map((flag) => flag.message)),
  ];
  const title = `${definition.title} — ${chartPeriod(definition, chart, period, mixedBases.length > 0)}`;
  const howComputed = <HowComputed indicators={explained} catalogue={catalogue} />;
  if (chart === null) {
    return (
      <section className="chart-panel" aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <MissingValues indicators={explained} />
        {howComputed}
      </section>
    );
  }
  const seriesCount = Math.max(0, chart.table.headers.length - 1);
  return (
    <ChartPanel
      title={title}
      option={chart.option}
      table={{ ...chart.table, caption: title }}
      height={definition.height ?? chartHeight(chart, definition.overYears, seriesCount > 2 ? 2 : 1)}
      intro={
        <>
          {mixedBases.map((message) => (
            <p key={message} className="chart-intro chart-intro--warning">
              <span aria-hidden="true">⚠ </span>
              {message}
            </p>
          ))}
          {definition.intro?.(current)}
        </>
      }
    >
      {howComputed}
    </ChartPanel>
  );
}

interface IndicatorChartListProps {
  definitions: readonly IndicatorChartDefinition[];
  years: readonly YearIndicators[];
  current: YearIndicators;
  period: PagePeriod;
  catalogue: IndicatorCatalogue;
  /** Shown instead of the charts when none of their indicators has a value. */
  emptyMessage: ReactNode;
}

/** The applicable charts; one message instead when none of their indicators has a value. */
export function IndicatorChartList({ definitions, years, current, period, catalogue, emptyMessage }: IndicatorChartListProps) {
  const charts = applicableCharts(definitions, current);
  if (charts.length === 0) {
    return null;
  }
  const allMissing = charts.every((definition) =>
    // A value masked by the small-count rule exists: it is shown « < 5 », not « aucune donnée ».
    presentIndicators(current, definition.codes).every((indicator) => indicator.value === null && indicator.suppressed === undefined),
  );
  if (allMissing) {
    return <>{emptyMessage}</>;
  }
  return (
    <div className="chart-grid">
      {charts.map((definition) => (
        <IndicatorChartPanel
          key={definition.key}
          definition={definition}
          years={years}
          current={current}
          period={period}
          catalogue={catalogue}
        />
      ))}
    </div>
  );
}
