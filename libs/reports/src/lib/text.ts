import type { Basis, IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import {
  formatDate,
  formatEuros,
  formatNumber,
  formatPercent,
  formatSignedEuros,
  formatSignedPercent,
} from '@sdat/format';
import { formatIndicatorValue, formatSuppressed, percentDigitsOf, type BreakdownItem, type Fraction, type Status, type Suppression } from '@sdat/indicators';

/** What the report prints for a figure it does not have. */
export const NOT_AVAILABLE = 'non disponible';
/** Empty table cell. */
export const DASH = '—';

/** Due date of the annual report of year N: 15 March N+1 (« pour le 15 mars », annexes 1 to 3). */
export function annualReportDueDate(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) {
    throw new RangeError(`Année invalide : ${String(year)}.`);
  }
  return `${year + 1}-03-15`;
}

export function basisLabel(basis: Basis): string {
  return basis === 'forecast' ? 'budget prévisionnel' : 'réalisé';
}

/** Column header: « BP 2022 » / « Réalisé 2022 ». */
export function basisColumn(basis: Basis, year: number): string {
  return basis === 'forecast' ? `BP ${year}` : `Réalisé ${year}`;
}

export function statusLabel(status: Status | null | undefined): string {
  switch (status) {
    case 'ok':
      return 'Conforme';
    case 'warning':
      return 'Vigilance';
    case 'alert':
      return 'Alerte';
    default:
      return DASH;
  }
}

export function severityLabel(severity: 'error' | 'warning' | 'info'): string {
  switch (severity) {
    case 'error':
      return 'Erreur';
    case 'warning':
      return 'Avertissement';
    case 'info':
      return 'Information';
  }
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Money (integer cents) or « — ». */
export function euros(cents: number | null | undefined): string {
  return isFiniteNumber(cents) && Number.isInteger(cents) ? formatEuros(cents) : DASH;
}

export function signedEuros(cents: number | null | undefined): string {
  return isFiniteNumber(cents) && Number.isInteger(cents) ? formatSignedEuros(cents) : DASH;
}

export function percent(ratio: number | null | undefined, digits = 1): string {
  return isFiniteNumber(ratio) ? formatPercent(ratio, digits) : DASH;
}

export function signedPercent(rate: number | null | undefined, digits = 1): string {
  return isFiniteNumber(rate) ? formatSignedPercent(rate, digits) : DASH;
}

export function count(value: number | null | undefined): string {
  return isFiniteNumber(value) ? formatNumber(value, Number.isInteger(value) ? 0 : 1) : DASH;
}

export function date(iso: string | null | undefined): string {
  if (!iso) return DASH;
  try {
    return formatDate(iso);
  } catch {
    return DASH;
  }
}

/** A value in its indicator unit (« 72,0 % », « 10,30 ETP », « 128,4 jours »…), « — » when absent; ratios with `percentDigits` decimals. */
export function unitValue(value: number | null | undefined, unit: IndicatorValue['unit'], percentDigits = 1): string {
  if (!isFiniteNumber(value)) return DASH;
  return unit === 'ratio' ? formatPercent(value, percentDigits) : formatIndicatorValue(value, unit);
}

/** Anything that may carry a value masked by the small-count rule. */
type MaybeMasked = { value: number | null; suppressed?: Suppression } | undefined | null;

/** A count, « < 5 » / « masqué » when the small-count rule hid it, « — » when absent. */
export function countOf(item: MaybeMasked): string {
  return item?.suppressed ? formatSuppressed(item.suppressed) : count(item?.value);
}

/** A value in its unit, « < 5 » / « masqué » when hidden, « — » when absent. */
export function valueOf(item: MaybeMasked, unit: IndicatorValue['unit']): string {
  return item?.suppressed ? formatSuppressed(item.suppressed) : unitValue(item?.value, unit);
}

/** The main value of an indicator, « < 5 » / « masqué » when hidden, or « non disponible ». */
export function indicatorText(indicator: IndicatorValue | undefined | null): string {
  if (indicator?.suppressed) return formatSuppressed(indicator.suppressed);
  if (!indicator || !isFiniteNumber(indicator.value)) return NOT_AVAILABLE;
  return unitValue(indicator.value, indicator.unit, percentDigitsOf(indicator.code));
}

/** Share (exact fraction) as a percentage, « — » when absent. */
export function share(fraction: Fraction | undefined): string {
  if (!fraction || !isFiniteNumber(fraction.numerator) || !isFiniteNumber(fraction.denominator) || fraction.denominator === 0) {
    return DASH;
  }
  return formatPercent(fraction.numerator / fraction.denominator);
}

export function findIndicator(set: ProgrammeIndicatorsResponse | null | undefined, code: string): IndicatorValue | undefined {
  return set?.indicators.find((indicator) => indicator.code === code);
}

export function detail(indicator: IndicatorValue | undefined, key: string): BreakdownItem | undefined {
  return indicator?.details?.find((item) => item.key === key);
}

/** Number held by a breakdown item, when it is a finite number. */
export function itemNumber(item: BreakdownItem | undefined): number | null {
  return item && isFiniteNumber(item.value) ? item.value : null;
}

/** A numeric attribute of a breakdown item. */
export function attributeNumber(item: BreakdownItem | undefined, key: string): number | null {
  const value = item?.attributes?.[key];
  return isFiniteNumber(value) ? value : null;
}

/** Relative gap (actual − forecast) / forecast, null when the forecast is 0 or a side is missing. */
export function relativeGap(forecastCents: number | null | undefined, actualCents: number | null | undefined): number | null {
  if (!isFiniteNumber(forecastCents) || !isFiniteNumber(actualCents) || forecastCents === 0) return null;
  return (actualCents - forecastCents) / Math.abs(forecastCents);
}

/** Distinct flag messages of one or more indicators, in order. */
export function flagMessages(...indicators: (IndicatorValue | undefined)[]): string[] {
  const messages: string[] = [];
  for (const indicator of indicators) {
    for (const flag of indicator?.flags ?? []) {
      if (flag.code === 'no_data') continue;
      if (!messages.includes(flag.message)) messages.push(flag.message);
    }
  }
  return messages;
}

/** Text with no leading/trailing blanks, or null when empty. */
export function nonEmpty(text: string | null | undefined): string | null {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  return trimmed === '' ? null : trimmed;
}

/** French list: « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
