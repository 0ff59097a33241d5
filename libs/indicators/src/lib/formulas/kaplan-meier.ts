import type { DurationCount, SurvivalRow } from '../inputs';
import type { Fraction } from '../fraction';
import { PrimeProduct } from '../prime-product';
import { assertCount } from '../internal/validate';

export interface KaplanMeierStep {
  durationDays: number;
  /** Episodes still open just before `durationDays` (events and censored at t included). */
  atRisk: number;
  events: number;
  censored: number;
  /** Estimated survival S(t) just after t, exact when representable. */
  survival: Fraction | null;
  survivalValue: number;
}

export interface KaplanMeierResult {
  steps: KaplanMeierStep[];
  events: number;
  censored: number;
  /** Smallest duration t with S(t) ≤ 1/2; null when the curve never reaches 1/2. */
  medianDays: number | null;
  minObservedDays: number | null;
  maxObservedDays: number | null;
}

/** Merges rows sharing a duration and sorts them; validates counts. */
export function normaliseSurvival(rows: readonly SurvivalRow[]): SurvivalRow[] {
  const merged = new Map<number, SurvivalRow>();
  for (const row of rows) {
    assertCount(row.durationDays, 'Durée (jours)');
    assertCount(row.events, 'Sorties');
    assertCount(row.censored, 'Parcours en cours');
    const entry = merged.get(row.durationDays) ?? { durationDays: row.durationDays, events: 0, censored: 0 };
    entry.events += row.events;
    entry.censored += row.censored;
    merged.set(row.durationDays, entry);
  }
  return [...merged.values()]
    .filter((row) => row.events + row.censored > 0)
    .sort((a, b) => a.durationDays - b.durationDays);
}

/** Survival table from closed durations (events) and seniorities of open episodes (censored). */
export function survivalFromHistograms(
  closed: readonly DurationCount[] = [],
  open: readonly DurationCount[] = [],
): SurvivalRow[] {
  return normaliseSurvival([
    ...closed.map((c) => ({ durationDays: c.durationDays, events: c.count, censored: 0 })),
    ...open.map((c) => ({ durationDays: c.durationDays, events: 0, censored: c.count })),
  ]);
}

/**
 * Kaplan–Meier product-limit estimator: S(t) = Π_{tᵢ ≤ t} (1 − dᵢ / nᵢ), with dᵢ exits at tᵢ
 * and nᵢ episodes at risk (duration ≥ tᵢ). Episodes censored at tᵢ are counted at risk at tᵢ
 * (censoring after exits at equal durations, the usual convention). Computed exactly, as a product
 * of prime powers (see PrimeProduct).
 */
export function kaplanMeier(rows: readonly SurvivalRow[]): KaplanMeierResult {
  const table = normaliseSurvival(rows);
  let atRisk = table.reduce((total, row) => total + row.events + row.censored, 0);
  const survival = new PrimeProduct();
  let medianDays: number | null = null;
  let events = 0;
  let censored = 0;
  const steps: KaplanMeierStep[] = [];
  for (const row of table) {
    if (row.events > 0) {
      survival.multiply(atRisk - row.events, atRisk);
    }
    steps.push({
      durationDays: row.durationDays,
      atRisk,
      events: row.events,
      censored: row.censored,
      survival: survival.toFraction(),
      survivalValue: survival.toNumber(),
    });
    if (medianDays === null && row.events > 0 && survival.atMost(1, 2)) {
      medianDays = row.durationDays;
    }
    events += row.events;
    censored += row.censored;
    atRisk -= row.events + row.censored;
  }
  const first = table[0];
  const last = table[table.length - 1];
  return {
    steps,
    events,
    censored,
    medianDays,
    minObservedDays: first === undefined ? null : first.durationDays,
    maxObservedDays: last === undefined ? null : last.durationDays,
  };
}
