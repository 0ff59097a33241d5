import { bigFraction, bigSub, type BigFraction } from '../fraction';
import { fractionItem } from '../internal/build';
import type { Basis, BreakdownItem, Flag } from '../types';

/** One yearly figure of a multi-year series (e.g. payroll in cents). */
export interface SeriesPoint {
  year: number;
  /** Integer value for the year (cents, counts), null when the year is missing. */
  value: number | null;
  /** Catalogue version of the definition the value was computed with. */
  version: number;
  /** Computation method (e.g. 'group_total' vs 'detailed_accounts'); a change is a definition break. */
  method?: string;
  basis?: Basis;
}

/**
 * Flags a definition break between consecutive available points: a different catalogue
 * version, or a different computation method. `what` is the French name of the figure.
 */
export function definitionBreakFlags(points: readonly SeriesPoint[], what: string): Flag[] {
  const available = [...points].filter((p) => p.value !== null).sort((a, b) => a.year - b.year);
  const flags: Flag[] = [];
  for (let i = 1; i < available.length; i += 1) {
    const previous = available[i - 1];
    const current = available[i];
    if (previous === undefined || current === undefined) continue;
    if (previous.version !== current.version) {
      flags.push({
        code: 'definition_changed',
        message: `Changement de définition de ${what} entre ${previous.year} (version ${previous.version}) et ${current.year} (version ${current.version}) : les années ne sont pas directement comparables.`,
      });
    } else if (
      previous.method !== undefined &&
      current.method !== undefined &&
      previous.method !== current.method
    ) {
      flags.push({
        code: 'definition_changed',
        message: `Mode de calcul de ${what} différent entre ${previous.year} (${previous.method}) et ${current.year} (${current.method}) : comparaison à interpréter avec prudence.`,
      });
    }
  }
  return flags;
}

/** Flags a series that mixes forecast and actual figures. */
export function mixedBasesFlags(points: readonly SeriesPoint[]): Flag[] {
  const bases = new Set(points.filter((p) => p.value !== null && p.basis !== undefined).map((p) => p.basis));
  if (bases.size > 1) {
    const detail = points
      .filter((p) => p.value !== null && p.basis !== undefined)
      .sort((a, b) => a.year - b.year)
      .map((p) => `${p.year} : ${p.basis === 'forecast' ? 'prévisionnel' : 'réalisé'}`)
      .join(', ');
    return [
      {
        code: 'mixed_bases',
        message: `La série mélange budgets prévisionnels et réalisés (${detail}).`,
      },
    ];
  }
  return [];
}

/** Exact growth rate (to − from) / from; null when `from` is zero or a value is missing. */
export function growthRate(from: number | null, to: number | null): BigFraction | null {
  if (from === null || to === null || from === 0) {
    return null;
  }
  return bigSub(bigFraction(to, from), bigFraction(1));
}

/**
 * Compound average annual rate between two values `years` apart: (to / from)^(1/years) − 1.
 * Irrational in general, so returned as a number (null when not computable).
 */
export function averageAnnualRate(from: number | null, to: number | null, years: number): number | null {
  if (from === null || to === null || from <= 0 || to < 0 || years <= 0) {
    return null;
  }
  return Math.pow(to / from, 1 / years) - 1;
}

/**
 * Year-on-year rates of a series (consecutive years only), with definition-break
 * and mixed-basis flags. Usable on stored historical values by the API.
 */
export function yearOverYearRates(
  points: readonly SeriesPoint[],
  what: string,
): { rates: BreakdownItem[]; flags: Flag[] } {
  const byYear = new Map(points.map((p) => [p.year, p]));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const rates: BreakdownItem[] = [];
  for (const year of years) {
    const previous = byYear.get(year - 1);
    const current = byYear.get(year);
    if (previous === undefined || current === undefined) continue;
    rates.push(
      fractionItem(`rate_${year - 1}_${year}`, `Évolution de ${year - 1} à ${year}`, 'rate', growthRate(previous.value, current.value), {
        attributes: { fromYear: year - 1, toYear: year },
      }),
    );
  }
  return { rates, flags: [...definitionBreakFlags(points, what), ...mixedBasesFlags(points)] };
}
