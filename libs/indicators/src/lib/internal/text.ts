import {
  formatDays,
  formatEuros,
  formatFte,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSignedEuros,
  formatSignedPercent,
} from '@sdat/format';
import type { IndicatorUnit } from '../types';

/** French display of a value in a given unit (display only: rounding happens here). */
export function formatIndicatorValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null) {
    return 'non disponible';
  }
  switch (unit) {
    case 'eur':
      return formatEuros(Math.round(value));
    case 'eur_per_person':
      return `${formatEuros(Math.round(value))} par personne`;
    case 'ratio':
      return formatPercent(value);
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
      return value >= 1 ? 'conforme' : 'non conforme';
  }
}

export const euros = (cents: number): string => formatEuros(cents);
export const signedEuros = (cents: number): string => formatSignedEuros(cents);
export const percent = (ratio: number, digits = 1): string => formatPercent(ratio, digits);
export const count = (value: number): string => formatNumber(value);
