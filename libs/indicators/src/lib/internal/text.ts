import { formatEuros, formatMeasure, formatNumber, formatPercent, formatSignedEuros } from '@sdat/format';
import type { IndicatorUnit, Suppression } from '../types';

/** Display of a figure masked by the small-count rule: « < 5 » for a small count, « masqué » otherwise. */
export function formatSuppressed(suppressed: Suppression): string {
  return suppressed.reason === 'small_count' && suppressed.below !== undefined ? `< ${suppressed.below}` : 'masqué';
}

/**
 * French display of a value in a given unit (display only: rounding happens here). With the
 * `suppressed` marker of a masked figure (small-count rule): « < 5 » or « masqué ».
 */
export function formatIndicatorValue(value: number | null, unit: IndicatorUnit, suppressed?: Suppression): string {
  if (suppressed !== undefined) {
    return formatSuppressed(suppressed);
  }
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
