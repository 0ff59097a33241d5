import type { IndicatorValue } from '@sdat/api-types';
import { formatSuppressed, percentDigitsOf } from '@sdat/indicators';
import { formatDays, formatMeasure, formatNumber, formatPoints, formatSignedEuros, formatSignedPercent } from '@sdat/format';
import type { ValueKind } from './values';

/** Unit of an indicator value (see `IndicatorValue.unit` in @sdat/indicators). */
export type IndicatorUnit = IndicatorValue['unit'];
export type IndicatorCode = IndicatorValue['code'];
export type IndicatorStatus = NonNullable<IndicatorValue['status']>;

/** The indicators of one programme-year (one `GET /api/programmes/:code/indicators` answer). */
export interface YearIndicators {
  year: number;
  indicators: readonly IndicatorValue[];
}

/**
 * How a unit is drawn: money (`eur`, `eur_per_person`, in cents) as euros; ratios, growth rates
 * and points as percentages; FTE; counts; days. `pass_fail` is not drawn (null).
 */
export function valueKindOfUnit(unit: IndicatorUnit): ValueKind | null {
  switch (unit) {
    case 'eur':
    case 'eur_per_person':
      return 'euros';
    case 'ratio':
    case 'rate':
    case 'points':
      return 'ratio';
    case 'fte':
      return 'fte';
    case 'count':
    case 'count_per_day':
      return 'count';
    case 'days':
      return 'days';
    case 'pass_fail':
      return null;
  }
}

/**
 * An indicator value as a chart INPUT value (see `CategoryChartSpec`): money in integer cents
 * (a mean per person is rounded to the cent), anything else as is. Null stays null (a gap,
 * never 0).
 */
export function indicatorInputValue(value: number | null, unit: IndicatorUnit): number | null {
  if (value === null || !Number.isFinite(value)) {
    return null;
  }
  if (unit === 'eur' || unit === 'eur_per_person') {
    const cents = Math.round(value);
    return cents === 0 ? 0 : cents;
  }
  return value;
}

/**
 * fr-FR text of a value in its unit (see `formatMeasure` in @sdat/format); ratios with the decimals the
 * catalogue gives indicator `code` (head-office fees: 2), else 1.
 */
export function formatIndicatorValue(value: number, unit: IndicatorUnit, code?: string): string {
  return formatMeasure(value, unit, { percentDigits: code === undefined ? 1 : percentDigitsOf(code) });
}

/**
 * Why an indicator has no value: « Pas de données » (input missing), « Non calculable : … », or
 * masked by the small-count rule (« < 5 », « masqué »).
 */
export interface MissingValue {
  /** `Pas de données`, `Non calculable`, or the masked figure (`< 5`, `masqué`). */
  label: string;
  /** The API's French reason, when given. */
  reason: string | null;
  /** One line: `Pas de données` / `Non calculable : <raison>` / `< 5`. */
  text: string;
  /** True when the value exists but is masked by the small-count rule (never « Pas de données », never 0). */
  suppressed?: boolean;
}

/** « < 5 » (small count) or « masqué » (complementary, small base) for a masked figure, else null. */
export function suppressedText(item: Pick<IndicatorValue, 'suppressed'>): string | null {
  return item.suppressed === undefined ? null : formatSuppressed(item.suppressed);
}

/** Null when the indicator has a value; otherwise what to show instead (never 0). */
export function missingValue(indicator: Pick<IndicatorValue, 'value' | 'flags' | 'reason' | 'suppressed'>): MissingValue | null {
  const masked = suppressedText(indicator);
  if (masked === null && indicator.value !== null && Number.isFinite(indicator.value)) {
    return null;
  }
  const reason = indicator.reason !== undefined && indicator.reason.trim() !== '' ? indicator.reason.trim() : null;
  if (masked !== null) {
    return { label: masked, reason, text: masked, suppressed: true };
  }
  if (indicator.flags.some((flag) => flag.code === 'no_data')) {
    return { label: 'Pas de données', reason, text: 'Pas de données' };
  }
  return { label: 'Non calculable', reason, text: reason === null ? 'Non calculable' : `Non calculable : ${reason}` };
}

/** The value in its unit, or « Pas de données » / « Non calculable : … » / « < 5 » (masked). */
export function indicatorValueText(indicator: Pick<IndicatorValue, 'code' | 'value' | 'unit' | 'flags' | 'reason' | 'suppressed'>): string {
  const missing = missingValue(indicator);
  return missing === null ? formatIndicatorValue(indicator.value as number, indicator.unit, indicator.code) : missing.text;
}

function signedNumber(value: number, decimals: number): string {
  const text = formatNumber(value, decimals);
  return value > 0 && text !== formatNumber(0, decimals) ? `+${text}` : text;
}

/**
 * Change from `previous` to `current`, both in `unit`: money (also per person) `+59 750 € (+13,7 %)`, ratios and
 * rates in points `+1,2 pt`, FTE `-0,16 ETP`, counts `+12`, days `-3 jours`. Null for
 * `pass_fail` (no arithmetic on a verdict).
 */
export function formatIndicatorChange(current: number, previous: number, unit: IndicatorUnit): string | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) {
    return null;
  }
  const difference = current - previous;
  switch (unit) {
    case 'eur':
    case 'eur_per_person': {
      const cents = Math.round(current) - Math.round(previous);
      const money = formatSignedEuros(cents);
      return previous > 0 ? `${money} (${formatSignedPercent(cents / Math.round(previous))})` : money;
    }
    case 'ratio':
    case 'rate':
    case 'points':
      return formatPoints(difference);
    case 'fte':
      return `${signedNumber(difference, 2)}\u00a0ETP`;
    case 'count':
      return signedNumber(difference, Number.isInteger(difference) ? 0 : 1);
    case 'count_per_day':
      return `${signedNumber(difference, 1)} par jour`;
    case 'days': {
      const decimals = Number.isInteger(difference) ? 0 : 1;
      const shown = Number(difference.toFixed(decimals));
      const sign = shown > 0 ? '+' : shown < 0 ? '-' : '';
      return `${sign}${formatDays(Math.abs(difference), decimals)}`;
    }
    case 'pass_fail':
      return null;
  }
}

const STATUS_LABELS: Readonly<Record<IndicatorStatus, string>> = {
  ok: 'Conforme',
  warning: 'Vigilance',
  alert: 'Alerte',
};

/** French word of a status (shown next to its colour, never the colour alone). */
export function statusLabel(status: IndicatorStatus): string {
  return STATUS_LABELS[status];
}

/** The indicator of `code` in a list, or null. */
export function findIndicator<T extends Pick<IndicatorValue, 'code'> = IndicatorValue>(indicators: readonly T[], code: IndicatorCode): T | null {
  return indicators.find((indicator) => indicator.code === code) ?? null;
}
