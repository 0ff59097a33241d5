import { Rng, powInt } from './random';
import type {
  DemoBudget,
  DemoBudgetLine,
  DemoBudgetLineIn,
  DemoFunding,
  DemoFundingEarmark,
  DemoFundingIn,
  DemoOperatingResult,
  DemoSocialLifeFund,
  DemoStaffIn,
  DemoStaffLine,
} from './types';

/**
 * Actual (réalisé) budgets, funding, staff, social-life fund and operating results, derived from the
 * 2022 forecast. Money is handled in integer cents and every amount produced is a whole number of
 * euros. Each (programme, year) has its own random stream, so a year never depends on which other
 * years are asked for (except the social-life fund, whose carry-over chains the years).
 */

// ---------------------------------------------------------------------------
// Year factors
// ---------------------------------------------------------------------------

const YEAR_FACTORS: Readonly<Record<number, number>> = {
  2019: 0.91,
  2020: 0.93,
  2021: 0.96,
  2022: 1.01,
  2023: 1.05,
  2024: 1.08,
};

/** Level of the actual expenses of a year relative to the 2022 forecast (before the Ségur bonus). */
export function yearFactor(year: number): number {
  const known = YEAR_FACTORS[year];
  if (known !== undefined) return known;
  if (year > 2024) return 1.08 * powInt(1.03, year - 2024);
  return 0.91 / powInt(1.02, 2019 - year);
}

/**
 * Ségur bonus relative to the 2022 forecast, which covers April–December 2022 (9 months):
 * nothing before 2022, the forecast in 2022, a full year (12/9) from 2023, +1 % a year after.
 */
export function segurFactor(year: number): number {
  if (year < 2022) return 0;
  if (year === 2022) return 1;
  return (12 / 9) * powInt(1.01, year - 2023);
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Rounds a (floating) cents amount to whole euros, in cents. */
export function roundToEuro(cents: number): number {
  return Math.round(cents / 100) * 100;
}

/**
 * Splits an integer `total` into integer parts proportional to non-negative integer `weights`
 * (largest remainder, ties to the first). Exact integer arithmetic. All-zero weights → equal split.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (!Number.isSafeInteger(total) || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('distribute : entiers positifs attendus.');
  }
  if (total < 0) return distribute(-total, weights).map((v) => -v);
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = (sum > 0 ? weights : weights.map(() => 1)).map((x) => BigInt(x));
  const weightSum = BigInt(sum > 0 ? sum : weights.length);
  const bigTotal = BigInt(total);
  const parts = w.map((wi) => Number((bigTotal * wi) / weightSum));
  const remainders = w.map((wi, i) => ({ i, r: (bigTotal * wi) % weightSum }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

const SEGUR_WORDS = /s[ée]gu|m[ée]dico-social/i;
const NOTE_AMOUNT = /\((?:dt|dont)\b[^)]*?(\d{1,3}(?:[ \u00a0\u202f]\d{3})*)\s*€/i;
const NOTE = /\s*\((?:dt|dont)\b[^)]*\)/gi;

/** Ségur part of a forecast line (see `DemoBudgetLineIn.segurCents`), null when none. */
export function segurPart(line: DemoBudgetLineIn): number | null {
  if (line.amountCents === null) return null;
  if (line.segurCents !== undefined && line.segurCents !== null) return line.segurCents;
  if (!SEGUR_WORDS.test(line.label)) return null;
  const note = NOTE_AMOUNT.exec(line.label);
  if (note !== null && note[1] !== undefined) return Number(note[1].replace(/[ \u00a0\u202f]/g, '')) * 100;
  return line.side === 'income' ? line.amountCents : null;
}

/** Label without the « (dt … €) » / « (dont … €) » notes, which quote 2022 amounts. */
export function cleanLabel(label: string): string {
  const cleaned = label.replace(NOTE, '').trim();
  return cleaned === '' ? label : cleaned;
}

export function isSubsidy(line: { side: string; groupCode: string }): boolean {
  return line.side === 'income' && line.groupCode.startsWith('74');
}

function isPayroll(line: DemoBudgetLineIn): boolean {
  const account = line.accountCode ?? '';
  return line.groupCode === '63/64' || line.groupCode === '64' || account.startsWith('64') || account.startsWith('621');
}

function sumAmounts(lines: readonly { side: string; amountCents: number | null }[], side: string): number {
  let total = 0;
  for (const line of lines) if (line.side === side && line.amountCents !== null) total += line.amountCents;
  return total;
}

function assertCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} : montant non entier en centimes (${value}).`);
}

// ---------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------

export function actualBudget(programmeCode: string, forecast: readonly DemoBudgetLineIn[], year: number, seed: number): DemoBudget {
  const rng = Rng.stream(seed, programmeCode, 'budget', year);
  const factor = yearFactor(year);
  const segur = segurFactor(year);
  const lines: DemoBudgetLine[] = forecast.map((line) => {
    if (line.amountCents !== null) assertCents(line.amountCents, line.label);
    const noise = isPayroll(line)
      ? rng.between(-0.015, 0.015)
      : line.side === 'income' && !isSubsidy(line)
        ? rng.between(-0.1, 0.1)
        : rng.between(-0.04, 0.04);
    const segurNoise = rng.between(-0.01, 0.01);
    const out: DemoBudgetLine = {
      groupCode: line.groupCode,
      side: line.side,
      accountCode: line.accountCode,
      label: cleanLabel(line.label),
      amountCents: null,
      funderCode: line.funderCode ?? null,
      segurCents: null,
    };
    if (line.amountCents === null) return out;
    const part = segurPart(line);
    const segurForecast = part === null ? 0 : Math.min(Math.max(part, 0), Math.max(line.amountCents, 0));
    const base = line.amountCents - segurForecast;
    const segurActual = part === null ? 0 : roundToEuro(segurForecast * segur * (1 + segurNoise));
    out.amountCents = roundToEuro(base * factor * (1 + noise)) + segurActual;
    out.segurCents = part === null ? null : segurActual;
    return out;
  });

  // Income: the subsidies (non-Ségur part) absorb the difference so that the result is a small
  // surplus or deficit of 1 000 to 8 000 €.
  const expenses = sumAmounts(lines, 'expenses');
  const target = expenses + (rng.chance(0.55) ? 1 : -1) * rng.int(1000, 8000) * 100;
  const adjustable = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => isSubsidy(line) && line.amountCents !== null && line.amountCents - (line.segurCents ?? 0) > 0);
  if (adjustable.length > 0) {
    const gapEuros = (target - sumAmounts(lines, 'income')) / 100;
    const shares = distribute(
      gapEuros,
      adjustable.map(({ line }) => ((line.amountCents ?? 0) - (line.segurCents ?? 0)) / 100),
    );
    adjustable.forEach(({ line }, i) => {
      line.amountCents = (line.amountCents ?? 0) + (shares[i] ?? 0) * 100;
    });
  }
  return { programmeCode, year, basis: 'actual', lines };
}

export function operatingResult(budget: DemoBudget, rng: Rng): DemoOperatingResult {
  const incomeCents = sumAmounts(budget.lines, 'income');
  const expensesCents = sumAmounts(budget.lines, 'expenses');
  const resultCents = incomeCents - expensesCents;
  let allocation: string;
  if (resultCents > 0) {
    const use = rng.pick([
      ['en réserve de compensation des déficits', 3],
      ['au financement de mesures d’exploitation non reconductibles', 2],
      [`en réduction des financements de l’exercice ${budget.year + 2}`, 1],
    ] as const);
    allocation = `Excédent de ${formatEuros(resultCents)} : affectation proposée ${use}, soumise à la validation des co-financeurs.`;
  } else if (resultCents < 0) {
    allocation = `Déficit de ${formatEuros(-resultCents)} : couvert par les fonds propres de l’association, sans reprise sur le budget ${budget.year + 1}.`;
  } else {
    allocation = 'Résultat à l’équilibre : aucune affectation.';
  }
  return { programmeCode: budget.programmeCode, year: budget.year, incomeCents, expensesCents, resultCents, allocation };
}

/** 1234500 → « 12 345 € » (no-break spaces; no Intl, so identical on every machine). */
export function formatEuros(cents: number): string {
  const euros = Math.round(Math.abs(cents) / 100);
  const grouped = String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${cents < 0 ? '-' : ''}${grouped}\u00a0€`;
}

// ---------------------------------------------------------------------------
// Funding
// ---------------------------------------------------------------------------

function isSegurEarmark(earmark: DemoFundingEarmark): boolean {
  return /s[ée]gur/i.test(earmark.kind) || /s[ée]gur/i.test(earmark.label);
}

interface FunderTotals {
  total: number;
  segur: number;
}

function subsidyTotals<T extends DemoBudgetLineIn>(lines: readonly T[], segurOf: (line: T) => number) {
  const byFunder = new Map<string, FunderTotals>();
  let pooledBase = 0;
  let allBase = 0;
  let allSegur = 0;
  for (const line of lines) {
    if (!isSubsidy(line) || line.amountCents === null) continue;
    const segur = segurOf(line);
    allBase += line.amountCents - segur;
    allSegur += segur;
    const funder = line.funderCode ?? null;
    if (funder === null) {
      pooledBase += line.amountCents - segur;
    } else {
      const t = byFunder.get(funder) ?? { total: 0, segur: 0 };
      t.total += line.amountCents;
      t.segur += segur;
      byFunder.set(funder, t);
    }
  }
  return { byFunder, pooledBase, allBase, allSegur };
}

/**
 * Actual funding per funder: the 2022 funding rows, scaled like the funder's income lines.
 * When the funder's 2022 rows add up to its 2022 income lines (ACOR Dijon Métropole, the State for
 * ACOR Centre Ville), the actual rows add up exactly to its actual income lines; otherwise (pooled
 * lines, rows attributed differently from the budget) they follow the same ratio. Ségur earmarks
 * only exist from 2022 on.
 */
export function actualFundings(
  programmeCode: string,
  forecast: readonly DemoBudgetLineIn[],
  funding2022: readonly DemoFundingIn[],
  budget: DemoBudget,
): DemoFunding[] {
  const year = budget.year;
  const before = subsidyTotals(forecast, (line) => (line.amountCents === null ? 0 : (segurPart(line) ?? 0)));
  const after = subsidyTotals(budget.lines, (line) => line.segurCents ?? 0);
  const segurRatio = before.allSegur > 0 ? after.allSegur / before.allSegur : segurFactor(year);
  const fallbackRatio =
    before.pooledBase > 0 ? after.pooledBase / before.pooledBase : before.allBase > 0 ? after.allBase / before.allBase : yearFactor(year);

  const rowsOut: DemoFunding[] = funding2022.map((row) => {
    assertCents(row.amountCents, row.label);
    return {
      programmeCode,
      year,
      basis: 'actual',
      funderCode: row.funderCode,
      label: row.label,
      amountCents: 0,
      funderIsSignatory: row.funderIsSignatory,
      earmarks: [],
    };
  });

  const funders: string[] = [];
  for (const row of funding2022) if (!funders.includes(row.funderCode)) funders.push(row.funderCode);
  for (const funder of funders) {
    const indexes = funding2022.flatMap((row, i) => (row.funderCode === funder ? [i] : []));
    const rows = indexes.map((i) => funding2022[i] as DemoFundingIn);
    const segurOfRow = rows.map((row) => row.earmarks.filter(isSegurEarmark).reduce((a, e) => a + e.amountCents, 0));
    const baseOfRow = rows.map((row, i) => row.amountCents - (segurOfRow[i] ?? 0));
    const rowTotal = rows.reduce((a, r) => a + r.amountCents, 0);
    const rowSegur = segurOfRow.reduce((a, b) => a + b, 0);
    const f2022 = before.byFunder.get(funder) ?? { total: 0, segur: 0 };
    const fActual = after.byFunder.get(funder) ?? { total: 0, segur: 0 };
    const exact = rowTotal > 0 && f2022.total === rowTotal;

    const segurTarget =
      exact && f2022.segur === rowSegur ? fActual.segur : roundToEuro(rowSegur * segurRatio);
    let baseTarget: number;
    if (exact) {
      baseTarget = fActual.total - segurTarget;
    } else {
      const ownBase = f2022.total - f2022.segur;
      const ratio = ownBase > 0 ? (fActual.total - fActual.segur) / ownBase : fallbackRatio;
      baseTarget = roundToEuro((rowTotal - rowSegur) * ratio);
    }
    const baseParts = distribute(baseTarget / 100, baseOfRow.map((v) => Math.max(0, v)));
    const segurParts = distribute(segurTarget / 100, segurOfRow);
    indexes.forEach((rowIndex, i) => {
      const source = rows[i] as DemoFundingIn;
      const out = rowsOut[rowIndex] as DemoFunding;
      const base = (baseParts[i] ?? 0) * 100;
      const segur = rowSegur > 0 ? (segurParts[i] ?? 0) * 100 : 0;
      out.amountCents = base + segur;
      const segurEarmarks = source.earmarks.filter(isSegurEarmark);
      const segurSplit = distribute(segur / 100, segurEarmarks.map((e) => e.amountCents));
      let s = 0;
      for (const earmark of source.earmarks) {
        if (isSegurEarmark(earmark)) {
          const amount = (segurSplit[s++] ?? 0) * 100;
          if (year >= 2022) out.earmarks.push({ kind: earmark.kind, label: earmark.label, amountCents: amount });
        } else {
          const sourceBase = baseOfRow[i] ?? 0;
          const amount = sourceBase > 0 ? Math.min(base, roundToEuro((earmark.amountCents * base) / sourceBase)) : 0;
          out.earmarks.push({ kind: earmark.kind, label: earmark.label, amountCents: amount });
        }
      }
    });
  }
  return rowsOut;
}

// ---------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------

/** The 2022 staff with small variations: FTE ±5 % (to the hundredth), posts and other units unchanged. */
export function actualStaff(programmeCode: string, staff2022: readonly DemoStaffIn[], year: number, seed: number): DemoStaffLine[] {
  const rng = Rng.stream(seed, programmeCode, 'staff', year);
  return staff2022.map((line) => {
    const variation = rng.between(-0.05, 0.05);
    let quantity = line.quantity;
    if (line.unit === 'fte' && quantity !== null) {
      const hundredths = Math.round(quantity * 100);
      const varied = hundredths > 0 ? Math.max(1, hundredths + Math.round(hundredths * variation)) : hundredths;
      quantity = varied / 100;
    }
    return { programmeCode, year, jobCode: line.jobCode, jobTitle: line.jobTitle, quantity, unit: line.unit };
  });
}

// ---------------------------------------------------------------------------
// Social-life fund (Fonds de Vie Sociale, account 658600)
// ---------------------------------------------------------------------------

export const SOCIAL_LIFE_FUND_ACCOUNT = '658600';

export function socialLifeFundEnvelope(budget: DemoBudget): number | null {
  const line = budget.lines.find((l) => l.side === 'expenses' && l.accountCode === SOCIAL_LIFE_FUND_ACCOUNT && l.amountCents !== null);
  return line?.amountCents ?? null;
}

/**
 * Chains the years: carried over N = envelope N-1 + carried over N-1 − used N-1, with
 * 80–100 % of the available credits used each year. `budgets` are consecutive years, the first
 * one being a warm-up year (not returned) that starts with nothing carried over.
 */
export function socialLifeFunds(programmeCode: string, budgets: readonly DemoBudget[], seed: number): DemoSocialLifeFund[] {
  const rows: DemoSocialLifeFund[] = [];
  let carried = 0;
  for (const budget of budgets) {
    const envelope = socialLifeFundEnvelope(budget) ?? 0;
    const rng = Rng.stream(seed, programmeCode, 'social-life-fund', budget.year);
    const available = Math.max(0, envelope + carried);
    const used = Math.min(available, roundToEuro(available * rng.between(0.8, 1)));
    rows.push({ programmeCode, year: budget.year, envelopeCents: envelope, usedCents: used, carriedOverCents: carried });
    carried = envelope + carried - used;
  }
  return rows;
}

export function hasSocialLifeFund(forecast: readonly DemoBudgetLineIn[]): boolean {
  return forecast.some((l) => l.side === 'expenses' && l.accountCode === SOCIAL_LIFE_FUND_ACCOUNT && l.amountCents !== null);
}
