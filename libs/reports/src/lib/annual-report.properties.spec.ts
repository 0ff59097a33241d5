import type { BudgetView, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import fc from 'fast-check';
import { buildAnnualReport, type AnnualReportData } from '../index';
import { documentTexts } from '../test/doc-text';
import { centreVille2022, emas2022 } from '../test/fixtures';

/**
 * Whatever the data (missing budgets, indicators without value, odd numbers, a narrative or not),
 * no text of the report reads « NaN », « undefined », « null » or « Infinity ».
 */
const FORBIDDEN = /NaN|undefined|null|Infinity/;

const svg = () => '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>';

const finite = fc.oneof(
  fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }),
);
const valueChange = fc.oneof(fc.constant(null), finite);
const safeText = fc.string({ maxLength: 80 }).filter((s) => !FORBIDDEN.test(s));

const mutation = fc.record({
  programme: fc.constantFrom('acor-centre-ville', 'emas'),
  basis: fc.constantFrom('actual' as const, 'forecast' as const),
  demo: fc.boolean(),
  drop: fc.record({
    budgetForecast: fc.boolean(),
    budgetActual: fc.boolean(),
    fundingForecast: fc.boolean(),
    fundingActual: fc.boolean(),
    indicatorsActual: fc.boolean(),
    indicatorsForecast: fc.boolean(),
    findings: fc.boolean(),
    agreement: fc.boolean(),
  }),
  indicatorValues: fc.array(fc.record({ index: fc.nat(), value: valueChange }), { maxLength: 12 }),
  itemValues: fc.array(fc.record({ index: fc.nat(), item: fc.nat(), value: valueChange }), { maxLength: 12 }),
  groupCents: fc.array(fc.record({ index: fc.nat(), cents: fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }) }), { maxLength: 6 }),
  narrative: fc.option(
    fc.record({ actions: fc.option(safeText), difficulties: fc.option(safeText), partnerships: fc.option(safeText), outlook: fc.option(safeText) }),
  ),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutateIndicators(set: ProgrammeIndicatorsResponse | null, m: Mutation): void {
  if (!set || set.indicators.length === 0) return;
  for (const { index, value } of m.indicatorValues) {
    const indicator = set.indicators[index % set.indicators.length];
    if (indicator) indicator.value = value;
  }
  for (const { index, item, value } of m.itemValues) {
    const indicator = set.indicators[index % set.indicators.length];
    const items = [...(indicator?.breakdown ?? []), ...(indicator?.details ?? [])];
    const target = items[item % Math.max(items.length, 1)];
    if (target) target.value = value;
  }
}

function mutateBudget(budget: BudgetView | null, m: Mutation): void {
  if (!budget || budget.groups.length === 0) return;
  for (const { index, cents } of m.groupCents) {
    const group = budget.groups[index % budget.groups.length];
    if (group) group.subtotal = { ...group.subtotal, computedCents: cents };
  }
  budget.totals.expenses.computedCents = budget.groups.filter((g) => g.side === 'expenses').reduce((s, g) => s + g.subtotal.computedCents, 0);
  budget.totals.income.computedCents = budget.groups.filter((g) => g.side === 'income').reduce((s, g) => s + g.subtotal.computedCents, 0);
  budget.operatingResultCents = budget.totals.income.computedCents - budget.totals.expenses.computedCents;
}

function mutated(m: Mutation): AnnualReportData {
  const data = m.programme === 'emas' ? emas2022() : centreVille2022();
  mutateIndicators(data.indicators.actual, m);
  mutateIndicators(data.indicators.forecast, m);
  mutateBudget(data.budgets.forecast, m);
  mutateBudget(data.budgets.actual, m);
  return {
    ...data,
    basis: m.basis,
    demo: m.demo,
    agreement: m.drop.agreement ? null : data.agreement,
    budgets: { forecast: m.drop.budgetForecast ? null : data.budgets.forecast, actual: m.drop.budgetActual ? null : data.budgets.actual },
    funding: { forecast: m.drop.fundingForecast ? null : data.funding.forecast, actual: m.drop.fundingActual ? null : data.funding.actual },
    indicators: {
      actual: m.drop.indicatorsActual ? null : data.indicators.actual,
      forecast: m.drop.indicatorsForecast ? null : data.indicators.forecast,
    },
    findings: m.drop.findings ? [] : data.findings,
    narrative: m.narrative,
  };
}

describe('annual report: properties', () => {
  it('the fixtures themselves print no NaN, undefined or null', () => {
    for (const data of [centreVille2022(), emas2022()]) {
      const texts = documentTexts(buildAnnualReport(data, { renderChart: svg, generatedAt: '2023-02-20' }), 20);
      expect(texts.filter((t) => FORBIDDEN.test(t))).toEqual([]);
    }
  });

  it('no text node contains NaN, undefined, null or Infinity, whatever the data', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const doc = buildAnnualReport(mutated(m), { renderChart: svg, generatedAt: '2023-02-20T09:30:00Z' });
        const bad = documentTexts(doc, 20).filter((t) => FORBIDDEN.test(t));
        expect(bad).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
