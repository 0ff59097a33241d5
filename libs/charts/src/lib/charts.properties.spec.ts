import type { BudgetGroupView, BudgetView, FundingLineView, FundingView } from '@sdat/api-types';
import type { BarSeriesOption, PieSeriesOption } from 'echarts';
import fc from 'fast-check';
import { collectNumbers } from '../test/fixtures';
import { expensesByGroupOption } from './budget-chart';
import { fundingByFunderOption } from './funding-chart';
import { eurosToCents } from './values';

const cents = fc.integer({ min: 0, max: 50_000_000_00 });

const groupArb: fc.Arbitrary<BudgetGroupView> = fc
  .record({
    groupCode: fc.constantFrom('60', '61', '62', '63', '63/64', '64', '65', '66', '67', '68'),
    side: fc.constantFrom<'expenses' | 'income'>('expenses', 'income'),
    label: fc.string({ maxLength: 40 }),
    computedCents: cents,
    printedCents: fc.option(cents, { nil: null }),
  })
  .map(({ groupCode, side, label, computedCents, printedCents }) => ({
    groupCode,
    side,
    label,
    subtotal: {
      printedCents,
      computedCents,
      differenceCents: printedCents === null ? null : printedCents - computedCents,
    },
    lines: [],
  }));

const budgetArb: fc.Arbitrary<BudgetView> = fc
  .uniqueArray(groupArb, { selector: (group) => `${group.side}:${group.groupCode}`, maxLength: 12 })
  .map((groups) => {
    const total = (side: 'expenses' | 'income') =>
      groups.filter((group) => group.side === side).reduce((sum, group) => sum + group.subtotal.computedCents, 0);
    return {
      programmeCode: 'emas',
      year: 2022,
      basis: 'forecast' as const,
      printedTitle: null,
      source: 'demo' as const,
      demo: true,
      groups,
      totals: {
        expenses: { printedCents: null, computedCents: total('expenses'), differenceCents: null },
        income: { printedCents: null, computedCents: total('income'), differenceCents: null },
      },
      operatingResultCents: total('income') - total('expenses'),
    };
  });

const lineArb: fc.Arbitrary<FundingLineView> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 30 }),
    amountCents: cents,
    segurShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    isSignatory: fc.boolean(),
  })
  .map(({ name, amountCents, segurShare, isSignatory }) => ({
    funder: { code: name, name },
    label: name,
    amountCents,
    funderIsSignatory: isSignatory,
    earmarks:
      segurShare === null
        ? []
        : [{ kind: 'segur', label: 'primes Ségur', amountCents: Math.floor(amountCents * segurShare) }],
    source: 'document' as const,
    demo: false,
  }));

const fundingArb: fc.Arbitrary<FundingView> = fc.array(lineArb, { maxLength: 10 }).map((lines) => ({
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines,
  totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
  budgetIncomeCents: null,
  note: null,
}));

function seriesCents(series: { data?: unknown }[]): number {
  return series
    .flatMap((item) => (item.data ?? []) as unknown[])
    .map((value) => (typeof value === 'number' ? value : (value as { value: number }).value))
    .reduce((sum, euros) => sum + eurosToCents(euros), 0);
}

describe('chart option properties', () => {
  it('expenses chart: the series sum to the computed total expenses, without NaN', () => {
    fc.assert(
      fc.property(budgetArb, (budget) => {
        const option = expensesByGroupOption(budget);
        const series = option.series as BarSeriesOption[];
        expect(seriesCents(series)).toBe(budget.totals.expenses.computedCents);
        expect(collectNumbers(option).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('forecast vs actual: each series sums to its own budget total', () => {
    fc.assert(
      fc.property(budgetArb, budgetArb, (forecast, actual) => {
        const option = expensesByGroupOption(forecast, { ...actual, basis: 'actual' });
        const [first, second] = option.series as BarSeriesOption[];
        expect(seriesCents([first ?? {}])).toBe(forecast.totals.expenses.computedCents);
        expect(seriesCents([second ?? {}])).toBe(actual.totals.expenses.computedCents);
      }),
    );
  });

  it('funding bars: the stacked series sum to the funding total', () => {
    fc.assert(
      fc.property(fundingArb, (funding) => {
        const option = fundingByFunderOption(funding);
        expect(seriesCents(option.series as BarSeriesOption[])).toBe(funding.totalCents);
        expect(collectNumbers(option).every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('funding pie: each ring sums to the funding total', () => {
    fc.assert(
      fc.property(fundingArb, (funding) => {
        const option = fundingByFunderOption(funding, { type: 'pie' });
        const [inner, outer] = option.series as PieSeriesOption[];
        expect(seriesCents([inner ?? {}])).toBe(funding.totalCents);
        expect(seriesCents([outer ?? {}])).toBe(funding.totalCents);
        expect(collectNumbers(option).every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
