import { format as formatDateFns, isValid, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale/fr';
import { assertCents, MoneyError } from './money';
import { NBSP, normaliseSpaces } from './spaces';

/**
 * fr-FR formatters for the dashboard, the PDFs and the XLSX exports.
 * Every string returned goes through `normaliseSpaces` (see spaces.ts): thousands are
 * separated by U+00A0, never U+202F, so that PDF fonts render them.
 */

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('fr-FR', options);
    cache.set(key, formatter);
  }
  return formatter;
}

function assertFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${what} doit être un nombre fini (reçu : ${String(value)}).`);
  }
}

function assertDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
    throw new RangeError(`Nombre de décimales invalide : ${String(digits)}.`);
  }
}

/** Integer division of cents by 100, rounding half away from zero (no float involved). */
function centsToWholeEuros(cents: number): number {
  const magnitude = Math.floor((Math.abs(cents) + 50) / 100);
  return cents < 0 ? -magnitude : magnitude;
}

export interface EuroFormatOptions {
  /** 0 (default: whole euros, rounded half away from zero) or 2 (cents shown). */
  decimals?: 0 | 2;
}

function euros(cents: number, options: EuroFormatOptions, signDisplay: 'auto' | 'exceptZero'): string {
  assertCents(cents);
  const decimals = options.decimals ?? 0;
  if (decimals !== 0 && decimals !== 2) {
    throw new MoneyError(`Décimales invalides pour un montant : ${String(decimals)} (0 ou 2).`);
  }
  const value = decimals === 0 ? centsToWholeEuros(cents) : cents / 100;
  const text = numberFormat({
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay,
  }).format(value === 0 ? 0 : value);
  return normaliseSpaces(text);
}

/** Integer cents → `22 651 €` (whole euros by default) or `22 651,00 €` with `{ decimals: 2 }`. */
export function formatEuros(cents: number, options: EuroFormatOptions = {}): string {
  return euros(cents, options, 'auto');
}

/** Integer cents → `+1 234 €`, `-1 234 €`, `0 €` (explicit sign, for differences). */
export function formatSignedEuros(cents: number, options: EuroFormatOptions = {}): string {
  return euros(cents, options, 'exceptZero');
}

/** Plain number with exactly `decimals` decimals: `formatNumber(1234.5, 1)` → `1 234,5`. */
export function formatNumber(value: number, decimals = 0): string {
  assertFinite(value, 'La valeur');
  assertDigits(decimals);
  const text = numberFormat({
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
  return normaliseSpaces(text);
}

/** Ratio (fraction of 1) → percentage: `formatPercent(0.72)` → `72,0 %`. */
export function formatPercent(ratioValue: number, digits = 1): string {
  assertFinite(ratioValue, 'Le ratio');
  assertDigits(digits);
  const text = numberFormat({
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratioValue);
  return normaliseSpaces(text);
}

/** Growth rate (fraction of 1) with an explicit sign: `0.032` → `+3,2 %`. */
export function formatSignedPercent(rate: number, digits = 1): string {
  assertFinite(rate, 'Le taux');
  assertDigits(digits);
  const text = numberFormat({
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(rate);
  return normaliseSpaces(text);
}

/**
 * Difference between two ratios, in percentage points, with an explicit sign.
 * `delta` is a difference of fractions of 1 (the same scale as `formatPercent`):
 * `formatPoints(0.012)` → `+1,2 pt` ; `formatPoints(-0.003)` → `-0,3 pt`.
 */
export function formatPoints(delta: number, digits = 1): string {
  assertFinite(delta, "L'écart");
  assertDigits(digits);
  const text = numberFormat({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'exceptZero',
  }).format(delta * 100);
  return normaliseSpaces(`${text}${NBSP}pt`);
}

/** Full-time equivalents, 2 decimals: `0.08` → `0,08`, `9` → `9,00`. */
export function formatFte(fte: number): string {
  return formatNumber(fte, 2);
}

/** Number of days with the French noun: `1 jour`, `1,5 jour`, `45 jours`, `1 234 jours`. */
export function formatDays(days: number, decimals = 0): string {
  assertFinite(days, 'La durée');
  const text = formatNumber(days, decimals);
  // French: singular below 2 ("0 jour", "1,5 jour"), judged on the displayed value.
  const shown = Math.abs(Number(days.toFixed(decimals)));
  const noun = shown < 2 ? 'jour' : 'jours';
  return `${text}${NBSP}${noun}`;
}

/**
 * `'2023-03-15'` (ISO date or date-time) or a `Date` → `15/03/2023`.
 * Throws a RangeError (French message) on an invalid date.
 */
export function formatDate(date: string | Date): string {
  const parsed = typeof date === 'string' ? parseISO(date) : date;
  if (!(parsed instanceof Date) || !isValid(parsed)) {
    throw new RangeError(`Date invalide : « ${String(date)} ».`);
  }
  return formatDateFns(parsed, 'dd/MM/yyyy');
}

/**
 * `'2022-03'` (a month, `YYYY-MM`) → `mars 2022`; `{ short: true }` → `mars` (axis labels).
 * Throws a RangeError (French message) on an invalid month.
 */
export function formatMonth(month: string, options: { short?: boolean } = {}): string {
  const parsed = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? parseISO(`${month}-01`) : null;
  if (parsed === null || !isValid(parsed)) {
    throw new RangeError(`Mois invalide : « ${month} » (attendu AAAA-MM).`);
  }
  return formatDateFns(parsed, options.short ? 'LLL' : 'LLLL yyyy', { locale: fr });
}
