import type { BudgetGroupView, BudgetView } from '@sdat/api-types';
import type { EChartsOption } from 'echarts';
import { barOption, chartTable, type CategoryChartSpec, type ChartTable } from './category-chart';
import { accountGroupShortLabel, basisLabel, budgetSeriesName } from './labels';

export interface BudgetChartOptions {
  /** Put the title inside the chart (default true). */
  showTitle?: boolean;
}

function expenseGroups(budget: BudgetView): BudgetGroupView[] {
  return budget.groups.filter((group) => group.side === 'expenses');
}

/**
 * The data behind the "expenses by account group" chart.
 * One category per expense group (forecast order, then groups only found in `actual`);
 * values are the COMPUTED subtotals in cents (the sum of the lines: a printed subtotal may be
 * wrong, the tables show both). A group missing from a budget counts 0.
 */
export function expensesByGroupSpec(
  budget: BudgetView,
  actual?: BudgetView | null,
  options: BudgetChartOptions = {},
): CategoryChartSpec {
  const budgets = actual ? [budget, actual] : [budget];
  const order: string[] = [];
  const labels = new Map<string, string>();
  budgets.forEach((item) =>
    expenseGroups(item).forEach((group) => {
      if (!labels.has(group.groupCode)) {
        order.push(group.groupCode);
        labels.set(group.groupCode, accountGroupShortLabel(group));
      }
    }),
  );
  const series = budgets.map((item) => {
    const byCode = new Map(expenseGroups(item).map((group) => [group.groupCode, group.subtotal.computedCents]));
    return {
      name: budgetSeriesName(item.basis, item.year),
      values: order.map((code) => byCode.get(code) ?? 0),
    };
  });
  const title = actual
    ? `Charges par groupe de comptes : ${basisLabel(budget.basis)} ${budget.year} et ${basisLabel(actual.basis)} ${actual.year}`
    : `Charges par groupe de comptes : ${basisLabel(budget.basis)} ${budget.year}`;
  return {
    title,
    categoryLabel: 'Groupe de comptes',
    categories: order.map((code) => labels.get(code) ?? code),
    series,
    valueKind: 'euros',
    horizontal: true,
    showTitle: options.showTitle ?? true,
    totalRowLabel: 'Total des charges',
  };
}

/**
 * Horizontal bar chart of the expenses of a budget by account group (60, 61, 62…).
 * With a second budget (the actual), shows forecast and actual side by side.
 * Chart values are euros (computed subtotal cents / 100).
 */
export function expensesByGroupOption(
  budget: BudgetView,
  actual?: BudgetView | null,
  options: BudgetChartOptions = {},
): EChartsOption {
  return barOption(expensesByGroupSpec(budget, actual, options));
}

/** Table equivalent of `expensesByGroupOption`. */
export function expensesByGroupTable(budget: BudgetView, actual?: BudgetView | null): ChartTable {
  return chartTable(expensesByGroupSpec(budget, actual));
}
