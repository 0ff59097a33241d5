import { monthlyActivity } from './activity';
import { dayNumber, parseIsoDate } from './calendar';
import {
  actualBudget,
  actualFundings,
  actualStaff,
  hasSocialLifeFund,
  operatingResult,
  socialLifeFunds,
} from './finance';
import { planFor } from './profiles';
import { Rng } from './random';
import { simulateProgramme } from './simulation';
import type { DemoBudget, DemoDataset, DemoOptions, DemoProgrammeInput } from './types';

const PROFILES = new Set(['day_centre_outreach', 'housing_support', 'mobile_mental_health']);

interface NormalisedOptions {
  seed: number;
  years: number[];
  asOf: number;
  scale: number;
}

function normaliseOptions(options: DemoOptions): NormalisedOptions {
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`La graine doit être un entier (reçu : ${String(options.seed)}).`);
  }
  if (!Array.isArray(options.years) || options.years.length === 0) {
    throw new RangeError('Au moins une année est attendue.');
  }
  for (const year of options.years) {
    if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new RangeError(`Année invalide : ${String(year)}.`);
  }
  const years = [...new Set(options.years)].sort((a, b) => a - b);
  const asOf = parseIsoDate(options.asOf);
  const first = years[0] as number;
  if (asOf < dayNumber(first, 1, 1)) {
    throw new RangeError(`La date de fin des données (${options.asOf}) précède la première année (${first}).`);
  }
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`Le facteur d'échelle doit être positif (reçu : ${String(scale)}).`);
  return { seed: options.seed, years, asOf, scale };
}

/** push(...rows) overflows the call stack on large arrays. */
function append<T>(target: T[], rows: readonly T[]): void {
  for (const row of rows) target.push(row);
}

function checkProgrammes(programmes: readonly DemoProgrammeInput[]): void {
  const codes = new Set<string>();
  for (const p of programmes) {
    if (typeof p.programmeCode !== 'string' || p.programmeCode === '') throw new RangeError('Code de dispositif vide.');
    if (codes.has(p.programmeCode)) throw new RangeError(`Dispositif en double : « ${p.programmeCode} ».`);
    codes.add(p.programmeCode);
    if (!PROFILES.has(p.profile)) throw new RangeError(`Profil inconnu pour « ${p.programmeCode} » : « ${String(p.profile)} ».`);
  }
}

/**
 * Deterministic demo activity and financial data for the given programmes: same inputs and seed →
 * byte-identical output on any machine. No I/O. See README.md for the model.
 */
export function generateDemoData(programmes: readonly DemoProgrammeInput[], options: DemoOptions): DemoDataset {
  checkProgrammes(programmes);
  const { seed, years, asOf, scale } = normaliseOptions(options);
  const firstYear = years[0] as number;
  const lastYear = years[years.length - 1] as number;
  const start = dayNumber(firstYear - 1, 1, 1);
  const outputStart = dayNumber(firstYear, 1, 1);
  /** Financial and staff data exist only for closed years. */
  const closedYears = years.filter((y) => dayNumber(y, 12, 31) <= asOf);
  const wanted = new Set(closedYears);

  const dataset: DemoDataset = {
    capacities: [],
    episodes: [],
    referrals: [],
    monthlyActivity: [],
    budgets: [],
    fundings: [],
    staff: [],
    socialLifeFunds: [],
    operatingResults: [],
  };

  for (const programme of programmes) {
    const code = programme.programmeCode;
    const plan = planFor(programme, scale);
    for (const kind of plan.kinds) dataset.capacities.push({ programmeCode: code, kind: kind.kind, places: kind.places });

    const sim = simulateProgramme(code, plan, Rng.stream(seed, code, 'simulation'), start, outputStart, asOf);
    append(dataset.episodes, sim.episodes);
    append(dataset.referrals, sim.referrals);
    append(dataset.monthlyActivity, monthlyActivity(code, programme.profile, years, asOf, sim.waitingListEnd, seed, scale));

    // Budgets of every closed year from the warm-up year on (the social-life fund chains them).
    const budgets = new Map<number, DemoBudget>();
    const lastClosed = closedYears.length > 0 ? Math.min(lastYear, closedYears[closedYears.length - 1] as number) : firstYear - 1;
    for (let year = firstYear - 1; year <= lastClosed; year++) {
      budgets.set(year, actualBudget(code, programme.forecast2022, year, seed));
    }
    for (const year of closedYears) {
      const budget = budgets.get(year);
      if (budget === undefined) continue;
      dataset.budgets.push(budget);
      append(dataset.fundings, actualFundings(code, programme.forecast2022, programme.funding2022, budget));
      append(dataset.staff, actualStaff(code, programme.staff2022, year, seed));
      dataset.operatingResults.push(operatingResult(budget, Rng.stream(seed, code, 'allocation', year)));
    }
    if (hasSocialLifeFund(programme.forecast2022)) {
      const chain = [...budgets.values()].sort((a, b) => a.year - b.year);
      append(dataset.socialLifeFunds, socialLifeFunds(code, chain, seed).filter((row) => wanted.has(row.year)));
    }
  }
  return dataset;
}
