/**
 * The small-count solver, on plain numbers: which cells to mask so that no count of 1 to
 * threshold − 1 people is shown, and none can be recovered from the figures left visible.
 * Pure; knows nothing of IndicatorValue (see ./extract.ts for how an indicator becomes cells).
 */
import type { SuppressionReason } from '../types';

/**
 * A figure of the output:
 * - `count`: a count of people (or of events bounding a number of people). Masked when it lies in
 *   1 … threshold − 1 (`small_count`), or as a complement (`complementary`). 0 is never masked: an
 *   empty category discloses nobody.
 * - `derived`: a mean, median, share or rate computed on counts (`bases`): masked (`small_base`) when
 *   one of its bases is masked, or when a `literalBases` people figure is below the threshold.
 * An `implicit` count is shown nowhere but follows by difference (e.g. the entries outside the
 * territories detailed, the referrals not sent to the SIAO): it must not be recoverable when it is small.
 */
export interface SolverCell {
  kind: 'count' | 'derived';
  raw: number | null;
  implicit?: boolean;
  bases?: readonly number[];
  literalBases?: readonly number[];
}

/**
 * `total + Σ minus = Σ parts` (indices of count cells); `minus` is for balances such as
 * « month-end + exits = previous month-end + entries ».
 */
export interface SolverEquation {
  total: number;
  parts: readonly number[];
  minus?: readonly number[];
}

type State = SuppressionReason | null;

interface Bounds {
  lo: number;
  hi: number;
}

function isSmall(raw: number | null, threshold: number): boolean {
  return raw !== null && raw >= 1 && raw <= threshold - 1;
}

/**
 * Masks cells and returns, for every cell, the reason it is masked (null: shown).
 *
 * 1. Primary suppression: every displayed count in 1 … threshold − 1.
 * 2. Complementary suppression, until nothing changes: in every equation `total = Σ parts` whose
 *    terms are all known, a masked (or implicit) count must not be computable — neither exactly by
 *    difference (one masked term alone), nor by narrowing it to a single value from the bounds a
 *    reader knows (« < 5 » means 1 … 4; a complementary cell is ≥ threshold and, conservatively, at
 *    most the smallest part left visible; e.g. 1 + 1 + 50 = 52 with both 1s masked gives them back).
 *    Otherwise the smallest non-zero visible part is masked too, else the total.
 * 3. Derived figures computed on a masked count, or on fewer people than the threshold, are masked.
 * Equations are checked one at a time (not a full linear-programming audit across equations).
 */
export function solveSuppression(
  cells: readonly SolverCell[],
  equations: readonly SolverEquation[],
  threshold: number,
): State[] {
  const state: State[] = cells.map((cell) =>
    cell.kind === 'count' && !cell.implicit && isSmall(cell.raw, threshold) ? 'small_count' : null,
  );
  const hidden = (i: number): boolean => state[i] !== null || cells[i]?.implicit === true;
  const secret = (i: number): boolean =>
    state[i] === 'small_count' || state[i] === 'complementary' || (cells[i]?.implicit === true && isSmall(cells[i]?.raw ?? null, threshold));

  const usable = equations
    .map((eq) => normalise(eq))
    .filter((terms) => terms.length > 1 && terms.every((t) => cells[t.index]?.kind === 'count' && cells[t.index]?.raw !== null));

  let changed = true;
  while (changed) {
    changed = false;
    for (const terms of usable) {
      if (!terms.some((t) => secret(t.index))) continue;
      if (!exposed(terms)) continue;
      const candidate = pickComplement(terms);
      if (candidate === undefined) continue;
      state[candidate] = 'complementary';
      changed = true;
    }
  }

  cells.forEach((cell, i) => {
    if (cell.kind !== 'derived') return;
    const maskedBase = (cell.bases ?? []).some((b) => hidden(b) && cells[b]?.implicit !== true);
    const smallLiteral = (cell.literalBases ?? []).some((n) => n < threshold);
    if (maskedBase || smallLiteral) state[i] = 'small_base';
  });
  return state;

  /** Terms with coefficients: −1 for the total (and `minus`), +1 for each part (a repeated cell adds up). */
  function normalise(eq: SolverEquation): { index: number; coef: number; part: boolean }[] {
    const byIndex = new Map<number, { index: number; coef: number; part: boolean }>();
    const add = (index: number, coef: number, part: boolean): void => {
      const term = byIndex.get(index);
      if (term === undefined) byIndex.set(index, { index, coef, part });
      else term.coef += coef;
    };
    add(eq.total, -1, false);
    for (const other of eq.minus ?? []) add(other, -1, false);
    for (const part of eq.parts) add(part, 1, true);
    return [...byIndex.values()].filter((t) => t.coef !== 0);
  }

  function bounds(terms: readonly { index: number; part: boolean }[], index: number, part: boolean): Bounds {
    const raw = cells[index]?.raw ?? 0;
    if (!hidden(index)) return { lo: raw, hi: raw };
    if (cells[index]?.implicit === true && state[index] === null) return { lo: 0, hi: Infinity };
    if (state[index] === 'small_count') return { lo: 1, hi: threshold - 1 };
    // complementary: not small and not 0, so ≥ threshold; a reader who knows the rule may also
    // infer it is at most the smallest part left visible (it was chosen as the smallest).
    let hi = Infinity;
    if (part) {
      for (const t of terms) {
        const r = cells[t.index]?.raw ?? 0;
        if (t.part && !hidden(t.index) && r > 0) hi = Math.min(hi, r);
      }
    }
    // (never below the true value: the bound must hold when the cell was chosen for another equation)
    return { lo: threshold, hi: Math.max(hi, raw, threshold) };
  }

  /** True when a secret term can be narrowed to a single value from this equation alone. */
  function exposed(terms: readonly { index: number; coef: number; part: boolean }[]): boolean {
    let known = 0;
    const unknown: { index: number; coef: number; b: Bounds }[] = [];
    for (const t of terms) {
      if (hidden(t.index)) unknown.push({ index: t.index, coef: t.coef, b: bounds(terms, t.index, t.part) });
      else known -= t.coef * (cells[t.index]?.raw ?? 0);
    }
    // Σ_unknown coef·x = known
    for (const u of unknown) {
      if (!secret(u.index)) continue;
      let min = 0;
      let max = 0;
      for (const o of unknown) {
        if (o === u) continue;
        min += o.coef > 0 ? o.coef * o.b.lo : o.coef * o.b.hi;
        max += o.coef > 0 ? o.coef * o.b.hi : o.coef * o.b.lo;
      }
      const a = (known - max) / u.coef;
      const b = (known - min) / u.coef;
      const lo = Math.max(u.b.lo, Math.ceil(Math.min(a, b)));
      const hi = Math.min(u.b.hi, Math.floor(Math.max(a, b)));
      if (Number.isFinite(lo) && lo === hi) return true;
    }
    return false;
  }

  function pickComplement(terms: readonly { index: number; part: boolean }[]): number | undefined {
    let best: number | undefined;
    for (const t of terms) {
      if (!t.part || hidden(t.index)) continue;
      const raw = cells[t.index]?.raw ?? 0;
      if (raw > 0 && (best === undefined || raw < (cells[best]?.raw ?? 0))) best = t.index;
    }
    if (best !== undefined) return best;
    // else the total side: the total (or, in a balance, the smallest of its terms)
    for (const t of terms) {
      if (t.part || hidden(t.index)) continue;
      const raw = cells[t.index]?.raw ?? 0;
      if (raw > 0 && (best === undefined || raw < (cells[best]?.raw ?? 0))) best = t.index;
    }
    return best;
  }
}
