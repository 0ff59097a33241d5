import { assertCents, formatDays, formatEuros, formatFte, formatNumber, formatPercent } from '@sdat/format';

/**
 * What the numbers of a chart are.
 * - `euros`: the INPUT values are integer cents (as everywhere in the API); the chart data are
 *   euros, `cents / 100`, not rounded. `eurosToCents` gives the cents back exactly.
 * - `count`: plain numbers (persons, follow-ups…).
 * - `ratio`: fractions of 1, shown as percentages (`0.72` → `72,0 %`).
 * - `fte`: full-time equivalents (`9` → `9,00`).
 * - `days`: durations in calendar days (`45` → `45 jours`).
 */
export type ValueKind = 'euros' | 'count' | 'ratio' | 'fte' | 'days';

/** Money in charts: euros = cents / 100 (exact division, no rounding). */
export function centsToEuros(cents: number): number {
  assertCents(cents);
  return cents / 100;
}

/** Inverse of `centsToEuros`: a chart value back to integer cents. */
export function eurosToCents(euros: number): number {
  const cents = Math.round(euros * 100);
  return cents === 0 ? 0 : cents;
}

/** Converts an input value (cents for `euros`) to the value put in the chart data. */
export function toChartValue(value: number | null, kind: ValueKind): number | null {
  if (value === null) {
    return null;
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`Valeur de graphique invalide : ${String(value)}.`);
  }
  return kind === 'euros' ? centsToEuros(value) : value;
}

/** fr-FR text of a chart value (euros for `euros`, not cents). Non-numbers give "—". */
export function formatChartValue(value: unknown, kind: ValueKind): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '—';
  }
  switch (kind) {
    case 'euros':
      return formatEuros(eurosToCents(value));
    case 'ratio':
      return formatPercent(value);
    case 'fte':
      return formatFte(value);
    case 'count':
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case 'days':
      return formatDays(value, Number.isInteger(value) ? 0 : 1);
  }
}

/** fr-FR text of an INPUT value (cents for `euros`). `null` gives "—". */
export function formatInputValue(value: number | null, kind: ValueKind): string {
  if (value === null) {
    return '—';
  }
  return kind === 'euros' ? formatEuros(value) : formatChartValue(value, kind);
}

/** Escapes text put in HTML tooltips. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
