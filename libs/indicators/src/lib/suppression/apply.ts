/**
 * Small-count suppression (« règle des petits effectifs », issue 5 « Privacy »).
 *
 * Indicator results concern vulnerable people: for every role except the operator, small counts
 * of people are masked, identically on screen, in the API, exports and PDFs. This is the one
 * implementation; callers pass their indicator values through `applySmallCountSuppression`.
 *
 * Rules (threshold T, default 5, configurable per agreement):
 * - a count of 1 to T − 1 people is masked and shown « < T » (`suppressed.reason: 'small_count'`);
 *   0 stays 0: an empty category discloses nobody, and masking it would hide that nobody is concerned;
 * - complementary suppression: a masked count must not be recoverable from a total or from the other
 *   cells — breakdowns (and their nested children), details carrying the same partition, identities
 *   between indicators of one programme-year (followed = present at start + entries; present at end =
 *   followed − exits) and the caseload carried over from one year to the next. The next smallest cell
 *   is masked too (`'complementary'`, shown « masqué »);
 * - no mean, median, share or rate computed on fewer than T people (or on a masked count):
 *   masked (`'small_base'`);
 * - nothing of a masked number is left anywhere: value, exact, breakdown/details value, exact and share,
 *   provenance inputs, attributes, the formula text (replaced by a French sentence), and flag
 *   messages or notes that quote numbers.
 * Which figures count people is described per indicator in ./extract.ts (`peopleCount` in the catalogue).
 */
import { SMALL_SAMPLE_THRESHOLD } from '../formulas/episodes';
import { IndicatorInputError } from '../internal/validate';
import type {
  BreakdownItem,
  Flag,
  FlagCode,
  IndicatorValue,
  Suppression,
  SuppressionReason,
} from '../types';
import { extract, Registry, type Binding } from './extract';
import { solveSuppression, type SolverCell, type SolverEquation } from './solver';

/** Default threshold of the rule (people), when the agreement sets none. */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 5;

export interface SmallCountOptions {
  /** Counts of 1 … threshold − 1 people are masked. Integer ≥ 1 (1: nothing is masked). */
  threshold: number;
}

function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    throw new RangeError(`Le seuil des petits effectifs doit être un entier supérieur ou égal à 1 (reçu : ${String(threshold)}).`);
  }
}

// ---------------------------------------------------------------------- French texts

/** Replaces `provenance.formulaText` of an indicator with a masked figure. */
export function suppressedFormulaText(threshold: number): string {
  return `Détail masqué : effectifs inférieurs à ${threshold} personnes (règle des petits effectifs).`;
}

function flagMessage(threshold: number): string {
  return `Petits effectifs : les effectifs inférieurs à ${threshold} personnes sont masqués, ainsi que les valeurs qui permettraient de les retrouver (règle des petits effectifs).`;
}

function reasonText(reason: SuppressionReason, threshold: number): string {
  switch (reason) {
    case 'small_count':
      return `Effectif inférieur à ${threshold} personnes : valeur masquée (règle des petits effectifs).`;
    case 'complementary':
      return `Valeur masquée pour qu'un effectif inférieur à ${threshold} personnes ne puisse pas être retrouvé par différence (règle des petits effectifs).`;
    case 'small_base':
      return `Valeur calculée sur moins de ${threshold} personnes ou sur un effectif masqué : masquée (règle des petits effectifs).`;
  }
}

/** Flags whose messages never quote activity figures (dates, bases, versions, money). */
const SAFE_FLAGS: ReadonlySet<FlagCode> = new Set<FlagCode>([
  'no_data',
  'partial_year',
  'definition_changed',
  'group_total_used',
  'mixed_bases',
  'forecast_basis',
  'basis_sensitive',
  'suppressed_small_count',
]);

const GENERIC_FLAG_MESSAGES: Partial<Record<FlagCode, string>> = {
  unreliable_small_sample: `Moins de ${SMALL_SAMPLE_THRESHOLD} parcours terminés : résultat peu fiable.`,
  inconsistent_input: 'Données incohérentes (détail masqué : petits effectifs).',
  above_capacity: 'Journées de présence supérieures aux journées théoriques : suroccupation (détail masqué : petits effectifs).',
  median_not_reached:
    'Médiane non atteinte : plus de la moitié des parcours durent au-delà de la plus longue durée observée (détail masqué : petits effectifs).',
};

const HAS_DIGIT = /\d/;

function scrubFlag(flag: Flag): Flag {
  if (SAFE_FLAGS.has(flag.code) || !HAS_DIGIT.test(flag.message)) return flag;
  return { code: flag.code, message: GENERIC_FLAG_MESSAGES[flag.code] ?? 'Détail masqué : petits effectifs.' };
}

// ---------------------------------------------------------------------- cloning

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => clone(v)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------------- linking

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let node = i;
    while (this.parent[node] !== root) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Solved {
  /** Reason per registry cell (null: shown). */
  reasons: (SuppressionReason | null)[];
}

function solveRegistry(registry: Registry, threshold: number): Solved {
  const cells = registry.cells;
  const uf = new UnionFind(cells.length);
  // Same semantic key and same number: the same figure, shown in several places.
  const groups = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.kind !== 'count' || cell.raw === null) return;
    for (const key of [...cell.keys, ...cell.links]) groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const members of groups.values()) {
    for (let a = 0; a < members.length; a += 1) {
      for (let b = a + 1; b < members.length; b += 1) {
        const i = members[a] ?? 0;
        const j = members[b] ?? 0;
        if (cells[i]?.raw === cells[j]?.raw) uf.union(i, j);
      }
    }
  }
  const definedBy = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    if (cell.kind !== 'count') return;
    for (const key of cell.keys) definedBy.set(key, [...(definedBy.get(key) ?? []), i]);
  });

  // a figure is implicit (shown nowhere) only if none of its occurrences is shown
  const shownRoots = new Set<number>();
  cells.forEach((cell, i) => {
    if (cell.kind === 'count' && !cell.implicit) shownRoots.add(uf.find(i));
  });
  const solverCells: SolverCell[] = cells.map((cell, i) => {
    const root = uf.find(i);
    if (cell.kind === 'count') {
      // merged occurrences are solved on their root; the others are inert placeholders
      if (root !== i) return { kind: 'count', raw: null };
      return { kind: 'count', raw: cell.raw, implicit: !shownRoots.has(root) };
    }
    const bases = cell.bases.map((b) => uf.find(b));
    const literalBases: number[] = [];
    for (const key of cell.keyBases) {
      const found = definedBy.get(key) ?? [];
      if (found.length > 0) bases.push(...found.map((f) => uf.find(f)));
      else if (cell.fallbackBase !== undefined) literalBases.push(cell.fallbackBase);
    }
    return { kind: 'derived', raw: null, bases, literalBases };
  });
  const equations: SolverEquation[] = registry.equations.map((eq) => ({
    total: uf.find(eq.total),
    parts: eq.parts.map((p) => uf.find(p)),
    ...(eq.minus === undefined ? {} : { minus: eq.minus.map((m) => uf.find(m)) }),
  }));
  const state = solveSuppression(solverCells, equations, threshold);
  return { reasons: cells.map((cell, i) => state[cell.kind === 'count' ? uf.find(i) : i] ?? null) };
}

// ---------------------------------------------------------------------- write-back

function marker(reason: SuppressionReason, threshold: number): Suppression {
  return reason === 'small_count' ? { reason, threshold, below: threshold } : { reason, threshold };
}

function maskItem(item: BreakdownItem, suppressed: Suppression): void {
  item.value = null;
  delete item.exact;
  delete item.share;
  if (item.status !== undefined) item.status = null;
  item.suppressed = suppressed;
}

/** Masks one binding; false when there was nothing to mask (already null). */
function mask(binding: Binding, suppressed: Suppression, threshold: number): boolean {
  switch (binding.kind) {
    case 'value': {
      const v = binding.value;
      if (v.value === null && v.exact === undefined) return false;
      v.value = null;
      delete v.exact;
      if (v.status !== undefined) v.status = null;
      v.suppressed = suppressed;
      v.reason = reasonText(suppressed.reason, threshold);
      return true;
    }
    case 'item':
      if (binding.item.value === null && binding.item.exact === undefined && binding.item.share === undefined) return false;
      maskItem(binding.item, suppressed);
      return true;
    case 'share':
      if (binding.item.share === undefined) return false;
      delete binding.item.share;
      return true;
    case 'input':
      if (binding.input.value === null) return false;
      binding.input.value = null;
      return true;
    case 'attribute': {
      const attributes = binding.item.attributes;
      if (attributes === undefined || attributes[binding.key] === null || attributes[binding.key] === undefined) return false;
      attributes[binding.key] = null;
      return true;
    }
  }
}

function hasMaskedStatus(items: readonly BreakdownItem[] | undefined): boolean {
  return (items ?? []).some((item) => (item.suppressed !== undefined && 'status' in item) || hasMaskedStatus(item.children));
}

/**
 * Masks small counts of people in indicator values (see the module comment for the rules).
 * Pure: returns new values, in the same order, and never mutates `values`. Idempotent.
 *
 * Pass together every value that can be seen together (one programme-year, or all the years and
 * programmes of a comparison, ideally with the adjacent years): identities between indicators of one
 * programme-year, and the caseload carried from 31 December to 1 January, are protected within one call.
 * Values of indicators that count no people (money, FTE, compliance) are returned unchanged (copied).
 */
export function applySmallCountSuppression(
  values: readonly IndicatorValue[],
  options: SmallCountOptions,
): IndicatorValue[] {
  const threshold = options.threshold;
  checkThreshold(threshold);
  const out = values.map((v) => clone(v));
  const registry = new Registry();
  const concerned = out.map((v, i) => extract(registry, v, i));
  const { reasons } = solveRegistry(registry, threshold);

  const touched = new Set<number>();
  registry.cells.forEach((cell, i) => {
    const reason = reasons[i];
    if (reason === null || reason === undefined) return;
    const suppressed = marker(reason, threshold);
    for (const binding of cell.bindings) {
      if (mask(binding, suppressed, threshold)) touched.add(cell.valueIndex);
    }
  });

  const maskedScopes = new Set<string>([...touched].map((i) => scopeOf(out[i])));
  out.forEach((v, i) => {
    if (!concerned[i]) return;
    if (touched.has(i)) {
      v.provenance.formulaText = suppressedFormulaText(threshold);
      if (v.provenance.notes !== undefined) v.provenance.notes = v.provenance.notes.filter((n) => !HAS_DIGIT.test(n));
      if (v.reason !== undefined && v.suppressed === undefined && HAS_DIGIT.test(v.reason)) {
        v.reason = GENERIC_FLAG_MESSAGES[v.flags[0]?.code ?? 'no_data'] ?? 'Détail masqué : petits effectifs.';
      }
      if (v.status !== undefined && v.status !== null && (hasMaskedStatus(v.details) || hasMaskedStatus(v.breakdown))) {
        // the overall status would tell something of the masked items
        v.status = null;
      }
      if (!v.flags.some((f) => f.code === 'suppressed_small_count')) {
        v.flags.push({ code: 'suppressed_small_count', message: flagMessage(threshold) });
      }
    }
    if (touched.has(i) || maskedScopes.has(scopeOf(v))) {
      // messages may quote figures of the indicators of the same programme-year
      v.flags = v.flags.map(scrubFlag);
    }
  });
  return out;
}

function scopeOf(v: IndicatorValue | undefined): string {
  return v === undefined ? '' : `${v.programmeCode ?? '*'}|${v.year ?? '*'}`;
}

// ---------------------------------------------------------------------- other tables

/** A count as shown: null with a marker when masked. */
export interface SuppressedCount {
  value: number | null;
  suppressed?: Suppression;
}

function checkCount(n: number | null, what: string): void {
  if (n !== null && (!Number.isSafeInteger(n) || n < 0)) {
    throw new IndicatorInputError(`${what} doit être un entier positif ou nul (reçu : ${String(n)}).`);
  }
}

/**
 * One count of people outside an IndicatorValue (e.g. a cell of a comparison table): 1 … threshold − 1
 * → null + `{ reason: 'small_count', below: threshold }`; 0, null and larger counts unchanged. A
 * count alone cannot be protected against differencing: for a row with a total use `suppressTable`.
 */
export function suppressCount(n: number | null, threshold = DEFAULT_SMALL_COUNT_THRESHOLD): SuppressedCount {
  checkThreshold(threshold);
  checkCount(n, 'Effectif');
  if (n !== null && n >= 1 && n <= threshold - 1) return { value: null, suppressed: marker('small_count', threshold) };
  return { value: n };
}

/**
 * Counts of people that add up to a displayed `total` (null: total not shown): small counts are
 * masked, then as many complementary cells (smallest first, else the total) as needed so that no
 * masked cell can be recovered by difference.
 */
export function suppressTable(
  cells: readonly (number | null)[],
  total: number | null,
  threshold = DEFAULT_SMALL_COUNT_THRESHOLD,
): { cells: SuppressedCount[]; total: SuppressedCount } {
  checkThreshold(threshold);
  cells.forEach((c, i) => checkCount(c, `Cellule ${i + 1}`));
  checkCount(total, 'Total');
  const solverCells: SolverCell[] = [...cells, total].map((raw) => ({ kind: 'count', raw }));
  const equations: SolverEquation[] = total === null ? [] : [{ total: cells.length, parts: cells.map((_, i) => i) }];
  const state = solveSuppression(solverCells, equations, threshold);
  const shown = (raw: number | null, i: number): SuppressedCount => {
    const reason = state[i];
    return reason === null || reason === undefined || raw === null ? { value: raw } : { value: null, suppressed: marker(reason, threshold) };
  };
  return { cells: cells.map((c, i) => shown(c, i)), total: shown(total, cells.length) };
}
