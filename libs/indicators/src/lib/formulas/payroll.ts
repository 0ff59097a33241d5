import { getDefinition } from '../catalogue';
import { bigFraction, bigSub, bigToNumber } from '../fraction';
import type { BudgetInput, BudgetLine } from '../inputs';
import {
  analyseBudget,
  BASIS_LABEL,
  lineInput,
  lineRef,
  PAYROLL_METHOD_LABEL,
  payrollFlags,
  pickBudget,
  signedAmount,
  totalInput,
  type BudgetAnalysis,
} from '../internal/budget';
import { buildValue, fractionItem, numeric, unavailable, type Scope } from '../internal/build';
import { euros, percent } from '../internal/text';
import type { BreakdownItem, Flag, ProvenanceInput } from '../types';
import { formatPoints, formatSignedPercent } from '@sdat/format';
import {
  averageAnnualRate,
  definitionBreakFlags,
  growthRate,
  mixedBasesFlags,
  type SeriesPoint,
} from './series';

export function budgetScope(budget: BudgetInput, analysis?: BudgetAnalysis): Scope {
  return {
    programmeCode: budget.programmeCode,
    year: budget.year,
    basis: budget.basis,
    period: analysis?.period ?? { start: `${budget.year}-01-01`, end: `${budget.year}-12-31` },
  };
}

/** « 489 174 € (groupe 63/64) + 1 000 € (631100) − 500 € (641900) » */
export function sumText(lines: readonly BudgetLine[]): string {
  if (lines.length === 0) return '0 €';
  return lines
    .map((line, index) => {
      const amount = signedAmount(line);
      const sign = index === 0 ? (amount < 0 ? '− ' : '') : amount < 0 ? ' − ' : ' + ';
      return `${sign}${euros(Math.abs(amount))} (${lineRef(line)})`;
    })
    .join('');
}

function payrollInputs(analysis: BudgetAnalysis, year?: number): ProvenanceInput[] {
  return analysis.payroll.lines.map((line) => lineInput(line, year));
}

function expensesInput(analysis: BudgetAnalysis, year?: number): ProvenanceInput {
  return totalInput('charges', `Total des charges ${analysis.budget.year}`, analysis.expensesCents, year);
}

/** payroll — personnel expenses (631/633/64 net of 64x9 reimbursements, or the 63/64 group total). */
export function computePayroll(budget: BudgetInput) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const payroll = analysis.payroll;
  const breakdown: BreakdownItem[] = payroll.lines.map((line) => ({
    key: lineRef(line),
    label: line.label,
    value: signedAmount(line),
    unit: 'eur',
  }));
  const terms = sumText(payroll.lines);
  return buildValue('payroll', scope, {
    value: payroll.cents,
    breakdown,
    details:
      payroll.reimbursementsCents > 0
        ? [{ key: 'reimbursements', label: 'Remboursements déduits (64x9)', value: payroll.reimbursementsCents, unit: 'eur' }]
        : undefined,
    flags: [...payrollFlags(analysis), ...analysis.flags],
    inputs: payrollInputs(analysis),
    formulaText: `Masse salariale ${budget.year} (${BASIS_LABEL[budget.basis]}) = ${terms} = ${euros(payroll.cents)}`,
    method: payroll.method,
    notes: [`Périmètre retenu : ${PAYROLL_METHOD_LABEL[payroll.method]}.`],
  });
}

/** payroll_ratio — payroll / total expenses, with the evolution in points against N-1. */
export function computePayrollRatio(budget: BudgetInput, previous?: BudgetInput) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const inputs = [...payrollInputs(analysis), expensesInput(analysis)];
  const baseFlags = [...payrollFlags(analysis), ...analysis.flags];
  if (analysis.expensesCents <= 0) {
    return unavailable('payroll_ratio', scope, 'not_computable', `Total des charges ${budget.year} nul : ratio non calculable.`, {
      inputs,
      flags: baseFlags,
    });
  }
  const ratio = bigFraction(analysis.payroll.cents, analysis.expensesCents);
  const details: BreakdownItem[] = [
    { key: 'payroll', label: 'Masse salariale', value: analysis.payroll.cents, unit: 'eur' },
    { key: 'expenses', label: 'Total des charges', value: analysis.expensesCents, unit: 'eur' },
  ];
  const flags: Flag[] = [...baseFlags];
  let evolutionText = '';
  if (previous === undefined) {
    flags.push({
      code: 'incomplete_data',
      message: `Budget ${budget.year - 1} non fourni : évolution du ratio non calculée.`,
    });
  } else {
    const prev = analyseBudget(previous);
    const payrollVersion = getDefinition('payroll').version;
    inputs.push(
      totalInput('masse_salariale', `Masse salariale ${previous.year}`, prev.payroll.cents, previous.year),
      expensesInput(prev, previous.year),
    );
    flags.push(
      ...definitionBreakFlags(
        [
          { year: previous.year, value: prev.payroll.cents, version: payrollVersion, method: prev.payroll.method, basis: previous.basis },
          { year: budget.year, value: analysis.payroll.cents, version: payrollVersion, method: analysis.payroll.method, basis: budget.basis },
        ],
        'la masse salariale',
      ),
      ...mixedBasesFlags([
        { year: previous.year, value: 1, version: 1, basis: previous.basis },
        { year: budget.year, value: 1, version: 1, basis: budget.basis },
      ]),
    );
    if (prev.expensesCents > 0) {
      const prevRatio = bigFraction(prev.payroll.cents, prev.expensesCents);
      const delta = bigSub(ratio, prevRatio);
      details.push(
        fractionItem('previous_ratio', `Ratio ${previous.year}`, 'ratio', prevRatio),
        fractionItem('evolution_points', `Évolution de ${previous.year} à ${budget.year}`, 'points', delta),
      );
      evolutionText = ` ; ${previous.year} : ${euros(prev.payroll.cents)} / ${euros(prev.expensesCents)} = ${percent(bigToNumber(prevRatio))}, soit ${formatPoints(bigToNumber(delta))}`;
    } else {
      details.push({ key: 'evolution_points', label: `Évolution de ${previous.year} à ${budget.year}`, value: null, unit: 'points' });
      flags.push({ code: 'incomplete_data', message: `Total des charges ${previous.year} nul : évolution non calculable.` });
    }
  }
  return buildValue('payroll_ratio', scope, {
    value: numeric(ratio),
    exact: ratio,
    details,
    flags,
    inputs,
    formulaText: `Masse salariale / total des charges = ${euros(analysis.payroll.cents)} / ${euros(analysis.expensesCents)} = ${percent(numeric(ratio))}${evolutionText}`,
    method: analysis.payroll.method,
  });
}

/** staff_cost_ratio — (payroll + external staff 621xxx) / total expenses. */
export function computeStaffCostRatio(budget: BudgetInput) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const inputs = [
    ...payrollInputs(analysis),
    ...analysis.externalStaff.lines.map((line) => lineInput(line)),
    expensesInput(analysis),
  ];
  const flags = [...payrollFlags(analysis), ...analysis.flags];
  if (analysis.expensesCents <= 0) {
    return unavailable('staff_cost_ratio', scope, 'not_computable', `Total des charges ${budget.year} nul : ratio non calculable.`, {
      inputs,
      flags,
    });
  }
  const staffCost = analysis.payroll.cents + analysis.externalStaff.cents;
  const ratio = bigFraction(staffCost, analysis.expensesCents);
  return buildValue('staff_cost_ratio', scope, {
    value: numeric(ratio),
    exact: ratio,
    details: [
      { key: 'payroll', label: 'Masse salariale', value: analysis.payroll.cents, unit: 'eur' },
      { key: 'external_staff', label: 'Personnel extérieur (621)', value: analysis.externalStaff.cents, unit: 'eur' },
      { key: 'expenses', label: 'Total des charges', value: analysis.expensesCents, unit: 'eur' },
    ],
    flags,
    inputs,
    formulaText: `(Masse salariale + personnel extérieur) / total des charges = (${euros(analysis.payroll.cents)} + ${euros(analysis.externalStaff.cents)}) / ${euros(analysis.expensesCents)} = ${percent(numeric(ratio))}`,
    method: analysis.payroll.method,
  });
}

/**
 * payroll_growth — year-on-year payroll growth over N-2, N-1, N (main value: N / N-1)
 * and the compound average annual rate N-2 → N.
 */
export function computePayrollGrowth(budget: BudgetInput, previousBudgets: readonly BudgetInput[] = []) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const n1 = pickBudget(previousBudgets, budget.year - 1, budget.basis);
  const n2 = pickBudget(previousBudgets, budget.year - 2, budget.basis);
  const a1 = n1 === undefined ? undefined : analyseBudget(n1);
  const a2 = n2 === undefined ? undefined : analyseBudget(n2);

  const inputs: ProvenanceInput[] = [];
  const series: SeriesPoint[] = [];
  for (const [a, b] of [[a2, n2], [a1, n1], [analysis, budget]] as const) {
    if (a === undefined || b === undefined) continue;
    inputs.push(totalInput('masse_salariale', `Masse salariale ${b.year} (${BASIS_LABEL[b.basis]})`, a.payroll.cents, b.year));
    series.push({ year: b.year, value: a.payroll.cents, version: getDefinition('payroll').version, method: a.payroll.method, basis: b.basis });
  }
  const flags: Flag[] = [
    ...payrollFlags(analysis),
    ...analysis.flags,
    ...(a1 ? [...payrollFlags(a1), ...a1.flags] : []),
    ...(a2 ? [...payrollFlags(a2), ...a2.flags] : []),
    ...definitionBreakFlags(series, 'la masse salariale'),
    ...mixedBasesFlags(series),
  ];

  if (a1 === undefined) {
    return unavailable('payroll_growth', scope, 'no_data', `Budget ${budget.year - 1} non fourni : évolution de la masse salariale non calculable.`, {
      inputs,
      flags,
    });
  }
  if (a1.payroll.cents === 0) {
    return unavailable('payroll_growth', scope, 'not_computable', `Masse salariale ${budget.year - 1} nulle : taux d'évolution non calculable.`, {
      inputs,
      flags,
    });
  }
  const rate = growthRate(a1.payroll.cents, analysis.payroll.cents);
  const details: BreakdownItem[] = [];
  if (a2 !== undefined) {
    details.push(fractionItem(`rate_${budget.year - 2}_${budget.year - 1}`, `Évolution de ${budget.year - 2} à ${budget.year - 1}`, 'rate', growthRate(a2.payroll.cents, a1.payroll.cents)));
  }
  details.push(fractionItem(`rate_${budget.year - 1}_${budget.year}`, `Évolution de ${budget.year - 1} à ${budget.year}`, 'rate', rate));
  const average = a2 === undefined ? null : averageAnnualRate(a2.payroll.cents, analysis.payroll.cents, 2);
  details.push({
    key: 'average_annual_rate',
    label: `Taux annuel moyen de ${budget.year - 2} à ${budget.year}`,
    value: average,
    unit: 'rate',
  });
  if (a2 === undefined) {
    flags.push({ code: 'incomplete_data', message: `Budget ${budget.year - 2} non fourni : taux annuel moyen sur 2 ans non calculé.` });
  } else if (average === null) {
    flags.push({ code: 'incomplete_data', message: `Masse salariale ${budget.year - 2} nulle : taux annuel moyen non calculable.` });
  }
  const texts = [`(${euros(analysis.payroll.cents)} − ${euros(a1.payroll.cents)}) / ${euros(a1.payroll.cents)} = ${formatSignedPercent(rate === null ? 0 : bigToNumber(rate))}`];
  if (a2 !== undefined && average !== null) {
    texts.push(`taux annuel moyen = (${euros(analysis.payroll.cents)} / ${euros(a2.payroll.cents)})^(1/2) − 1 = ${formatSignedPercent(average)}`);
  }
  return buildValue('payroll_growth', scope, {
    value: rate === null ? null : numeric(rate),
    exact: rate,
    details,
    flags,
    inputs,
    formulaText: `Évolution de ${budget.year - 1} à ${budget.year} = ${texts.join(' ; ')}`,
  });
}
