import { getDefinition } from '../catalogue';
import {
  bigCompare,
  bigFraction,
  bigToNumber,
  decimalToBigFraction,
  toFraction,
  type BigFraction,
} from '../fraction';
import type {
  Basis,
  BreakdownItem,
  Flag,
  FlagCode,
  IndicatorCode,
  IndicatorValue,
  Period,
  ProgrammeCode,
  ProvenanceInput,
  Status,
  TargetDefinition,
  TargetResult,
} from '../types';

export interface Scope {
  programmeCode: ProgrammeCode | null;
  year: number | null;
  basis: Basis | null;
  period: Period | null;
}

export interface ValueParts {
  value: number | null;
  exact?: BigFraction | null;
  breakdown?: BreakdownItem[];
  details?: BreakdownItem[];
  target?: TargetResult;
  status?: Status | null;
  passed?: boolean | null;
  flags?: Flag[];
  reason?: string;
  inputs: ProvenanceInput[];
  formulaText: string;
  method?: string;
  notes?: string[];
}

/** Assembles an IndicatorValue from the catalogue definition of `code`. */
export function buildValue(code: IndicatorCode, scope: Scope, parts: ValueParts): IndicatorValue {
  const definition = getDefinition(code);
  const result: IndicatorValue = {
    code,
    version: definition.version,
    label: definition.label,
    category: definition.category,
    unit: definition.unit,
    programmeCode: scope.programmeCode,
    year: scope.year,
    value: parts.value,
    flags: parts.flags ?? [],
    provenance: {
      basis: scope.basis,
      period: scope.period,
      inputs: parts.inputs,
      formulaText: parts.formulaText,
    },
  };
  if (parts.exact !== undefined && parts.exact !== null) {
    const exact = toFraction(parts.exact);
    if (exact !== null) {
      result.exact = exact;
    }
  }
  if (parts.breakdown !== undefined) result.breakdown = parts.breakdown;
  if (parts.details !== undefined) result.details = parts.details;
  if (parts.target !== undefined) result.target = parts.target;
  if (parts.status !== undefined) result.status = parts.status;
  if (parts.passed !== undefined) result.passed = parts.passed;
  if (parts.reason !== undefined) result.reason = parts.reason;
  if (parts.method !== undefined) result.provenance.method = parts.method;
  if (parts.notes !== undefined && parts.notes.length > 0) result.provenance.notes = parts.notes;
  return result;
}

/** A value that could not be computed: value null, one flag carrying the French reason. */
export function unavailable(
  code: IndicatorCode,
  scope: Scope,
  flagCode: FlagCode,
  reason: string,
  extra: Partial<Omit<ValueParts, 'value' | 'reason' | 'formulaText'>> = {},
): IndicatorValue {
  const definition = getDefinition(code);
  return buildValue(code, scope, {
    ...extra,
    inputs: extra.inputs ?? [],
    value: null,
    reason,
    flags: [{ code: flagCode, message: reason }, ...(extra.flags ?? [])],
    formulaText: `${definition.formula} — non calculé : ${reason}`,
  });
}

export const NO_INPUT_REASON = 'Données non fournies pour cette période.';

/** Exact value → its double, for `value`. */
export function numeric(f: BigFraction): number {
  return bigToNumber(f);
}

/** Status from a target's thresholds, compared exactly. */
export function statusFor(value: BigFraction, target: TargetDefinition): Status {
  const ok = decimalToBigFraction(target.thresholds.ok);
  const warning = decimalToBigFraction(target.thresholds.warning);
  if (target.comparator === 'lte') {
    if (bigCompare(value, ok) <= 0) return 'ok';
    if (bigCompare(value, warning) <= 0) return 'warning';
    return 'alert';
  }
  if (bigCompare(value, ok) >= 0) return 'ok';
  if (bigCompare(value, warning) >= 0) return 'warning';
  return 'alert';
}

const STATUS_RANK: Record<Status, number> = { ok: 0, warning: 1, alert: 2 };

export function worstStatus(statuses: (Status | null | undefined)[]): Status | null {
  let worst: Status | null = null;
  for (const status of statuses) {
    if (status === null || status === undefined) continue;
    if (worst === null || STATUS_RANK[status] > STATUS_RANK[worst]) worst = status;
  }
  return worst;
}

/** A breakdown item for an exact fraction (value = its double, exact when representable). */
export function fractionItem(
  key: string,
  label: string,
  unit: BreakdownItem['unit'],
  value: BigFraction | null,
  extra: Partial<BreakdownItem> = {},
): BreakdownItem {
  const item: BreakdownItem = { key, label, unit, value: value === null ? null : bigToNumber(value), ...extra };
  if (value !== null) {
    const exact = toFraction(value);
    if (exact !== null) item.exact = exact;
  }
  return item;
}

/** `{ share }` = part / total as an exact fraction, or `{}` when total is 0. */
export function shareExtra(part: number, total: number): Partial<BreakdownItem> {
  if (total === 0) return {};
  const share = toFraction(bigFraction(part, total));
  return share === null ? {} : { share };
}
