import { formatEuros, formatMeasure, formatNumber, formatPercent, formatSignedEuros } from '@sdat/format';
import type { IndicatorUnit } from '../types';

/** French display of a value in a given unit (display only: rounding happens here). */
export function formatIndicatorValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null) {
    return 'non disponible';
  }
  const text = formatMeasure(value, unit);
  // In running French text (formula lines, findings) the verdict is lower-case.
  return unit === 'pass_fail' ? text.toLowerCase() : text;
}

export const euros = (cents: number): string => formatEuros(cents);
export const signedEuros = (cents: number): string => formatSignedEuros(cents);
export const percent = (ratio: number, digits = 1): string => formatPercent(ratio, digits);
export const count = (value: number): string => formatNumber(value);
