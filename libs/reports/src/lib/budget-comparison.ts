import type { BudgetGroupView, BudgetView, Side } from '@sdat/api-types';
import { accountGroupShortLabel } from '@sdat/charts';
import { relativeGap } from './text';

/**
 * Gap between forecast and actual above which the report raises an alert (« écart de plus de
 * 10 % »), on a group subtotal or a total. A reporting convention of this report, not a rule of
 * the agreement.
 */
export const BUDGET_GAP_THRESHOLD = 0.1;

export interface GroupComparison {
  side: Side;
  groupCode: string;
  /** « 60 Achats », « 63/64 Charges de personnel ». */
  label: string;
  /** Computed subtotals (sum of the lines) in cents; null when the budget lacks the group or is missing. */
  forecastCents: number | null;
  actualCents: number | null;
  /** actual − forecast, cents. */
  gapCents: number | null;
  /** (actual − forecast) / forecast. */
  gapRatio: number | null;
  /** Printed subtotals that differ from the sum of their lines (kept, never corrected). */
  printedDiffers: { basis: 'forecast' | 'actual'; printedCents: number; computedCents: number }[];
}

const key = (group: Pick<BudgetGroupView, 'side' | 'groupCode'>): string => `${group.side}|${group.groupCode}`;

function comparison(
  side: Side,
  groupCode: string,
  label: string,
  forecast: number | null,
  actual: number | null,
  printedDiffers: GroupComparison['printedDiffers'],
): GroupComparison {
  const gapCents = forecast !== null && actual !== null ? actual - forecast : null;
  return { side, groupCode, label, forecastCents: forecast, actualCents: actual, gapCents, gapRatio: relativeGap(forecast, actual), printedDiffers };
}

/**
 * Account groups of the forecast and the actual budget side by side (forecast order first, then
 * groups found only in the actual), expenses then income. Amounts are the computed subtotals.
 */
export function compareGroups(forecast: BudgetView | null, actual: BudgetView | null): GroupComparison[] {
  const order: BudgetGroupView[] = [];
  const seen = new Set<string>();
  for (const budget of [forecast, actual]) {
    for (const group of budget?.groups ?? []) {
      if (!seen.has(key(group))) {
        seen.add(key(group));
        order.push(group);
      }
    }
  }
  const find = (budget: BudgetView | null, group: BudgetGroupView) => budget?.groups.find((g) => key(g) === key(group));
  const rows = order.map((group) => {
    const f = find(forecast, group);
    const a = find(actual, group);
    const differs: GroupComparison['printedDiffers'] = [];
    for (const [basis, g] of [['forecast', f], ['actual', a]] as const) {
      if (g && g.subtotal.printedCents !== null && g.subtotal.differenceCents !== null && g.subtotal.differenceCents !== 0) {
        differs.push({ basis, printedCents: g.subtotal.printedCents, computedCents: g.subtotal.computedCents });
      }
    }
    return comparison(
      group.side,
      group.groupCode,
      accountGroupShortLabel(group),
      forecast ? (f?.subtotal.computedCents ?? 0) : null,
      actual ? (a?.subtotal.computedCents ?? 0) : null,
      differs,
    );
  });
  return [...rows.filter((row) => row.side === 'expenses'), ...rows.filter((row) => row.side === 'income')];
}

/** Totals of expenses and income and the operating result, forecast vs actual (computed upstream). */
export function compareTotals(forecast: BudgetView | null, actual: BudgetView | null): {
  expenses: GroupComparison;
  income: GroupComparison;
  result: GroupComparison;
} {
  const total = (budget: BudgetView | null, side: Side): number | null =>
    budget ? budget.totals[side].computedCents : null;
  const printed = (side: Side): GroupComparison['printedDiffers'] =>
    ([['forecast', forecast], ['actual', actual]] as const).flatMap(([basis, budget]) => {
      const t = budget?.totals[side];
      return t && t.printedCents !== null && t.differenceCents !== null && t.differenceCents !== 0
        ? [{ basis, printedCents: t.printedCents, computedCents: t.computedCents }]
        : [];
    });
  return {
    expenses: comparison('expenses', 'total', 'Total des charges', total(forecast, 'expenses'), total(actual, 'expenses'), printed('expenses')),
    income: comparison('income', 'total', 'Total des produits', total(forecast, 'income'), total(actual, 'income'), printed('income')),
    result: comparison(
      'income',
      'result',
      "Résultat d'exploitation",
      forecast ? forecast.operatingResultCents : null,
      actual ? actual.operatingResultCents : null,
      [],
    ),
  };
}

/** True when the relative gap exceeds the alert threshold. */
export function isSignificantGap(row: GroupComparison): boolean {
  return row.gapRatio !== null && Math.abs(row.gapRatio) > BUDGET_GAP_THRESHOLD;
}
