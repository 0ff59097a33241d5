import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { Flag, Period } from '../types';
import { IndicatorInputError } from './validate';
import { formatDate } from '@sdat/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string, what: string): Date {
  const date = ISO_DATE.test(value) ? parseISO(value) : new Date(Number.NaN);
  if (!isValid(date) || format(date, 'yyyy-MM-dd') !== value) {
    throw new IndicatorInputError(`${what} : date ISO invalide « ${value} » (format AAAA-MM-JJ attendu).`);
  }
  return date;
}

export function calendarYear(year: number): Period {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new IndicatorInputError(`Année invalide : ${String(year)}.`);
  }
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** Validates the period and returns its number of calendar days (both ends included). */
export function periodDays(period: Period): number {
  const start = parseDay(period.start, 'Début de période');
  const end = parseDay(period.end, 'Fin de période');
  const days = differenceInCalendarDays(end, start) + 1;
  if (days < 1) {
    throw new IndicatorInputError(
      `Période invalide : la fin (${period.end}) précède le début (${period.start}).`,
    );
  }
  return days;
}

/** A period is partial when it does not start on 1 January or does not end on 31 December. */
export function isPartialYear(period: Period): boolean {
  periodDays(period);
  return !period.start.endsWith('-01-01') || !period.end.endsWith('-12-31');
}

export function partialYearFlags(period: Period): Flag[] {
  if (!isPartialYear(period)) {
    return [];
  }
  return [
    {
      code: 'partial_year',
      message: `Période partielle (du ${formatDate(period.start)} au ${formatDate(period.end)}) : les flux ne couvrent pas une année entière.`,
    },
  ];
}

/** Year an activity period is attributed to: the year of its end date. */
export function yearOfPeriod(period: Period): number {
  return Number(period.end.slice(0, 4));
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Checks months `YYYY-MM` of a monthly series: well formed, strictly ascending (each month once),
 * each overlapping `period`. Throws `IndicatorInputError` (French) otherwise.
 */
export function assertMonthsInPeriod(months: readonly string[], period: Period, what: string): void {
  let previous = '';
  for (const month of months) {
    if (!MONTH.test(month)) throw new IndicatorInputError(`${what} : mois invalide « ${month} » (format AAAA-MM attendu).`);
    if (month <= previous) throw new IndicatorInputError(`${what} : les mois doivent être distincts et dans l'ordre (« ${month} » après « ${previous} »).`);
    if (month < period.start.slice(0, 7) || month > period.end.slice(0, 7)) {
      throw new IndicatorInputError(`${what} : le mois « ${month} » est hors de la période du ${formatDate(period.start)} au ${formatDate(period.end)}.`);
    }
    previous = month;
  }
}
