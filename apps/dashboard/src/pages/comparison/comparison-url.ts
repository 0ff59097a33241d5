import type { Basis } from '@sdat/api-types';
import { BASIS_URL_VALUES, basisFromUrl } from '../../labels';

/**
 * The state of the comparison page, entirely in its address (a copied link reproduces the view):
 * `/comparaison?convention=convention-cadre-sdat-2022&annees=2020,2021,2022,2023
 *   &indicateurs=payroll_ratio,entries&base=realise&graphique=entries`.
 * Absent parameters take their default (`null` here); an empty one (`annees=`) means "none".
 */
export interface ComparisonUrlState {
  agreement: string | null;
  years: number[] | null;
  indicators: string[] | null;
  basis: Basis | null;
  chart: string | null;
}

/** The view once the defaults are applied: what the page shows and writes back. */
export interface ComparisonView {
  agreement: string;
  years: number[];
  indicators: string[];
  basis: Basis;
  chart: string | null;
}

export const COMPARISON_PATH = '/comparaison';

/** Shown when the address names no indicator (a means, a compliance and three results indicators). */
export const DEFAULT_INDICATORS: readonly string[] = [
  'payroll_ratio',
  'head_office_ratio',
  'entries',
  'active_caseload',
  'avg_duration_days',
];

/** At most 10 years per comparison (the API's limit). */
export const MAX_YEARS = 10;

const CODE = /^[a-z0-9-]{1,100}$/;
const INDICATOR = /^[a-z_]{1,60}$/;

function list(value: string | null): string[] | null {
  if (value === null) {
    return null;
  }
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Years 2000–2100, unique, ascending, at most 10 (the latest). */
export function normaliseYears(years: readonly number[]): number[] {
  const valid = [...new Set(years.filter((year) => Number.isInteger(year) && year >= 2000 && year <= 2100))].sort(
    (a, b) => a - b,
  );
  return valid.slice(-MAX_YEARS);
}

export function readComparisonUrl(params: URLSearchParams): ComparisonUrlState {
  const agreement = params.get('convention');
  const years = list(params.get('annees'));
  const indicators = list(params.get('indicateurs'));
  const chart = params.get('graphique');
  return {
    agreement: agreement !== null && CODE.test(agreement) ? agreement : null,
    years: years === null ? null : normaliseYears(years.filter((item) => /^\d{4}$/.test(item)).map(Number)),
    indicators: indicators === null ? null : [...new Set(indicators.filter((item) => INDICATOR.test(item)))],
    basis: basisFromUrl(params.get('base')),
    chart: chart !== null && INDICATOR.test(chart) ? chart : null,
  };
}

/** The address parameters of a view, always complete (the canonical, shareable form). */
export function writeComparisonUrl(view: ComparisonView): URLSearchParams {
  const params = new URLSearchParams();
  params.set('convention', view.agreement);
  params.set('annees', normaliseYears(view.years).join(','));
  params.set('indicateurs', view.indicators.join(','));
  params.set('base', BASIS_URL_VALUES[view.basis]);
  if (view.chart !== null) {
    params.set('graphique', view.chart);
  }
  return params;
}

/** `/comparaison?convention=…` (commas kept readable). */
export function comparisonHref(view: ComparisonView): string {
  return `${COMPARISON_PATH}?${writeComparisonUrl(view).toString().replace(/%2C/g, ',')}`;
}
