import { formatEuros, formatFte, formatNumber } from '@sdat/format';
import type { StaffLineView } from '@sdat/api-types';
import { unitLabel } from './labels';

/** Thin wrappers over @sdat/format for values the API may leave empty. */

export const EMPTY = '—';

/** `formatEuros`, or "—" for a missing amount. */
export function eurosOrDash(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? EMPTY : formatEuros(cents);
}

/** Staff quantity in its unit: `9,00 ETP`, `8 postes`, or the printed text for other units. */
export function staffQuantity(line: Pick<StaffLineView, 'quantity' | 'unit' | 'printed'>): string {
  if (line.quantity === null) {
    return line.printed ?? EMPTY;
  }
  if (line.unit === 'fte') {
    return `${formatFte(line.quantity)}\u00a0ETP`;
  }
  if (line.unit === 'posts') {
    return `${formatNumber(line.quantity)}\u00a0${unitLabel('posts', line.quantity)}`;
  }
  return line.printed ?? formatNumber(line.quantity, Number.isInteger(line.quantity) ? 0 : 2);
}

/** A target value with its French unit: `220 suivis`, `40 personnes`. */
export function quantityWithUnit(value: number, unit: string | null): string {
  const number = formatNumber(value, Number.isInteger(value) ? 0 : 2);
  return unit === null || unit === '' ? number : `${number}\u00a0${unitLabel(unit, value)}`;
}
