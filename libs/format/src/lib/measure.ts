import {
  formatDays,
  formatEuros,
  formatFte,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedPercent,
} from './format';

/**
 * Units a measured value can carry (the indicator catalogue's units). Money (`eur`,
 * `eur_per_person`) is in integer cents; `ratio` is a share (0.72 = 72 %); `rate` a signed growth
 * rate; `points` a difference of two ratios; `pass_fail` 1 = conforme, 0 = non conforme.
 */
export type MeasureUnit =
  | 'eur'
  | 'eur_per_person'
  | 'ratio'
  | 'rate'
  | 'points'
  | 'fte'
  | 'count'
  | 'days'
  | 'count_per_day'
  | 'pass_fail';

/**
 * fr-FR text of a value in its unit: `22 651 €`, `72,0 %`, `+3,2 %`, `+1,2 pt`, `10,30 ETP`,
 * `121`, `128,4 jours`, `74,5 par jour`, `1 701 € par personne`, `Conforme`. Display only: the
 * rounding happens here, never in a computation. `percentDigits`: decimals of a ratio (1 unless the
 * indicator's definition asks for more, see `percentDigits` in the catalogue).
 */
export function formatMeasure(value: number, unit: MeasureUnit, { percentDigits = 1 }: { percentDigits?: number } = {}): string {
  switch (unit) {
    case 'eur':
      return formatEuros(Math.round(value));
    case 'eur_per_person':
      return `${formatEuros(Math.round(value))} par personne`;
    case 'ratio':
      return formatPercent(value, percentDigits);
    case 'rate':
      return formatSignedPercent(value);
    case 'points':
      return formatPoints(value);
    case 'fte':
      return `${formatFte(value)}\u00a0ETP`;
    case 'count':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'days':
      return formatDays(value, Number.isInteger(value) ? 0 : 1);
    case 'count_per_day':
      return `${formatNumber(value, 1)} par jour`;
    case 'pass_fail':
      return value >= 1 ? 'Conforme' : 'Non conforme';
  }
}
