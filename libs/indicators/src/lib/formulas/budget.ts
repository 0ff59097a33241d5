import { formatSignedPercent, sumCents } from '@sdat/format';
import { getDefinition } from '../catalogue';
import { bigCompare, bigFraction, bigToNumber, decimalToBigFraction } from '../fraction';
import type { BudgetInput, EpisodeAggregates } from '../inputs';
import {
  analyseBudget,
  BASIS_LABEL,
  lineInput,
  pickBudget,
  totalInput,
  type BudgetAnalysis,
} from '../internal/budget';
import {
  buildValue,
  fractionItem,
  numeric,
  statusFor,
  unavailable,
  type Scope,
} from '../internal/build';
import { partialYearFlags, yearOfPeriod } from '../internal/period';
import { count, euros, percent, signedEuros } from '../internal/text';
import { assertCount } from '../internal/validate';
import type { BreakdownItem, Flag, ProgrammeCode, ProvenanceInput } from '../types';
import { budgetScope } from './payroll';
import { growthRate, mixedBasesFlags } from './series';

// ---------------------------------------------------------------- social fund

/** social_fund_growth — year-on-year change of the social-life fund envelope (658600). */
export function computeSocialFundGrowth(budget: BudgetInput, previousBudgets: readonly BudgetInput[] = []) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const previous = pickBudget(previousBudgets, budget.year - 1, budget.basis);
  const inputs: ProvenanceInput[] = analysis.socialFund.lines.map((line) => lineInput(line));
  const flags: Flag[] = [...analysis.flags];
  if (analysis.socialFund.lines.length === 0) {
    flags.push({ code: 'incomplete_data', message: `Aucune ligne 658600 (fonds de solidarité) dans le budget ${budget.year} : enveloppe comptée à 0 €.` });
  }
  if (previous === undefined) {
    return unavailable('social_fund_growth', scope, 'no_data', `Budget ${budget.year - 1} non fourni : évolution du Fonds de Vie Sociale non calculable.`, {
      inputs,
      flags,
    });
  }
  const prev = analyseBudget(previous);
  inputs.push(...prev.socialFund.lines.map((line) => lineInput(line, previous.year)));
  flags.push(
    ...prev.flags,
    ...mixedBasesFlags([
      { year: previous.year, value: 1, version: 1, basis: previous.basis },
      { year: budget.year, value: 1, version: 1, basis: budget.basis },
    ]),
  );
  if (prev.socialFund.cents === 0) {
    return unavailable('social_fund_growth', scope, 'not_computable', `Enveloppe du Fonds de Vie Sociale ${previous.year} nulle : taux d'évolution non calculable.`, {
      inputs,
      flags,
    });
  }
  const rate = growthRate(prev.socialFund.cents, analysis.socialFund.cents);
  const value = rate === null ? null : numeric(rate);
  return buildValue('social_fund_growth', scope, {
    value,
    exact: rate,
    details: [
      { key: `envelope_${previous.year}`, label: `Enveloppe ${previous.year}`, value: prev.socialFund.cents, unit: 'eur' },
      { key: `envelope_${budget.year}`, label: `Enveloppe ${budget.year}`, value: analysis.socialFund.cents, unit: 'eur' },
    ],
    flags,
    inputs,
    formulaText: `(${euros(analysis.socialFund.cents)} − ${euros(prev.socialFund.cents)}) / ${euros(prev.socialFund.cents)} = ${formatSignedPercent(value ?? 0)}`,
  });
}

// --------------------------------------------------------- cumulative surplus

/**
 * cumulative_surplus — Σ (income − expenses) over the years held up to `year`.
 * For each year the actual budget is preferred; a forecast-only year is flagged.
 */
export function computeCumulativeSurplus(
  budgets: readonly BudgetInput[],
  target: { programmeCode: ProgrammeCode; year: number },
) {
  const scope: Scope = {
    programmeCode: target.programmeCode,
    year: target.year,
    basis: null,
    period: null,
  };
  const years = [...new Set(budgets.filter((b) => b.year <= target.year).map((b) => b.year))].sort((a, b) => a - b);
  if (years.length === 0) {
    return unavailable('cumulative_surplus', scope, 'no_data', 'Aucun budget fourni : excédents cumulés non calculables.');
  }
  const first = years[0] ?? target.year;
  const last = years[years.length - 1] ?? target.year;
  scope.period = { start: `${first}-01-01`, end: `${last}-12-31` };
  const breakdown: BreakdownItem[] = [];
  const inputs: ProvenanceInput[] = [];
  const flags: Flag[] = [];
  const results: number[] = [];
  const forecastYears: number[] = [];
  const used: BudgetAnalysis[] = [];
  for (const year of years) {
    const budget = pickBudget(budgets, year, 'actual');
    if (budget === undefined) continue;
    const analysis = analyseBudget(budget);
    used.push(analysis);
    const result = analysis.incomeCents - analysis.expensesCents;
    results.push(result);
    if (budget.basis === 'forecast') forecastYears.push(year);
    flags.push(...analysis.flags);
    inputs.push(
      totalInput('produits', `Total des produits ${year} (${BASIS_LABEL[budget.basis]})`, analysis.incomeCents, year),
      totalInput('charges', `Total des charges ${year} (${BASIS_LABEL[budget.basis]})`, analysis.expensesCents, year),
    );
    breakdown.push({
      key: String(year),
      label: `Résultat ${year}`,
      value: result,
      unit: 'eur',
      attributes: { basis: budget.basis, incomeCents: analysis.incomeCents, expensesCents: analysis.expensesCents },
    });
  }
  const missing: number[] = [];
  for (let year = first; year <= last; year += 1) {
    if (!years.includes(year)) missing.push(year);
  }
  if (missing.length > 0) {
    flags.push({ code: 'incomplete_data', message: `Années manquantes dans le cumul : ${missing.join(', ')}.` });
  }
  if (forecastYears.length > 0) {
    flags.push({
      code: 'forecast_basis',
      message: `Réalisé non fourni pour ${forecastYears.join(', ')} : le budget prévisionnel (équilibré par construction) est utilisé.`,
    });
  }
  const bases = new Set(used.map((a) => a.budget.basis));
  scope.basis = bases.size === 1 ? (used[0]?.budget.basis ?? null) : null;
  const total = sumCents(results);
  const text = breakdown
    .map((item, index) => {
      const value = item.value ?? 0;
      const amount = `${euros(Math.abs(value))} (${item.key})`;
      if (index === 0) return value < 0 ? `−${amount}` : amount;
      return value < 0 ? ` − ${amount}` : ` + ${amount}`;
    })
    .join('');
  return buildValue('cumulative_surplus', scope, {
    value: total,
    breakdown,
    flags,
    inputs,
    formulaText: `Σ (produits − charges) = ${text} = ${signedEuros(total)}`,
  });
}

// ---------------------------------------------------------------- head office

interface HeadOfficeFigures {
  analysis: BudgetAnalysis;
  scope: Scope;
  inputs: ProvenanceInput[];
  fees: number;
  expenses: number;
  expensesExcluding: number;
}

function headOfficeFigures(budget: BudgetInput): HeadOfficeFigures {
  const analysis = analyseBudget(budget);
  const fees = analysis.headOffice.cents;
  return {
    analysis,
    scope: budgetScope(budget, analysis),
    inputs: [
      ...analysis.headOffice.lines.map((line) => lineInput(line)),
      totalInput('charges', `Total des charges ${budget.year}`, analysis.expensesCents),
    ],
    fees,
    expenses: analysis.expensesCents,
    expensesExcluding: analysis.expensesCents - fees,
  };
}

function headOfficeDetails(f: HeadOfficeFigures): BreakdownItem[] {
  return [
    fractionItem('including_fees', 'Assiette charges totales (frais de siège inclus)', 'ratio', f.expenses > 0 ? bigFraction(f.fees, f.expenses) : null, {
      attributes: { numeratorCents: f.fees, denominatorCents: f.expenses },
    }),
    fractionItem('excluding_fees', 'Assiette charges hors frais de siège', 'ratio', f.expensesExcluding > 0 ? bigFraction(f.fees, f.expensesExcluding) : null, {
      attributes: { numeratorCents: f.fees, denominatorCents: f.expensesExcluding },
    }),
    { key: 'head_office_fees', label: 'Frais de siège (655700)', value: f.fees, unit: 'eur' },
  ];
}

function headOfficeText(f: HeadOfficeFigures): string {
  const incl = f.expenses > 0 ? percent(f.fees / f.expenses, 2) : 'n.c.';
  const excl = f.expensesExcluding > 0 ? percent(f.fees / f.expensesExcluding, 2) : 'n.c.';
  return `Hors frais de siège : ${euros(f.fees)} / (${euros(f.expenses)} − ${euros(f.fees)}) = ${euros(f.fees)} / ${euros(f.expensesExcluding)} = ${excl} ; charges totales : ${euros(f.fees)} / ${euros(f.expenses)} = ${incl}`;
}

const BASIS_NOTE =
  "Assiette retenue pour le statut : charges hors frais de siège (la plus stricte ; la convention ne précise pas l'assiette). Le taux sur charges totales est fourni pour comparaison.";

function headOfficeFlags(f: HeadOfficeFigures): Flag[] {
  const flags: Flag[] = [...f.analysis.flags];
  if (f.analysis.headOffice.lines.length === 0) {
    flags.push({ code: 'incomplete_data', message: `Aucune ligne 655700 (frais de siège) dans le budget ${f.analysis.budget.year}.` });
  }
  const cap = decimalToBigFraction(0.05);
  if (f.expenses > 0 && f.expensesExcluding > 0) {
    const inclOver = bigCompare(bigFraction(f.fees, f.expenses), cap) > 0;
    const exclOver = bigCompare(bigFraction(f.fees, f.expensesExcluding), cap) > 0;
    if (inclOver !== exclOver) {
      flags.push({
        code: 'basis_sensitive',
        message: `Le respect du plafond de 5 % dépend de l'assiette : ${percent(f.fees / f.expenses, 2)} des charges totales, ${percent(f.fees / f.expensesExcluding, 2)} des charges hors frais de siège.`,
      });
    }
  }
  return flags;
}

/** head_office_ratio — 655700 / expenses, on both bases; status on expenses excluding the fees. */
export function computeHeadOfficeRatio(budget: BudgetInput) {
  const f = headOfficeFigures(budget);
  const definition = getDefinition('head_office_ratio');
  if (f.expensesExcluding <= 0) {
    return unavailable('head_office_ratio', f.scope, 'not_computable', `Charges hors frais de siège nulles en ${budget.year} : taux non calculable.`, {
      inputs: f.inputs,
      flags: f.analysis.flags,
    });
  }
  const ratio = bigFraction(f.fees, f.expensesExcluding);
  const target = definition.target;
  return buildValue('head_office_ratio', f.scope, {
    value: numeric(ratio),
    exact: ratio,
    details: headOfficeDetails(f),
    target,
    status: target === undefined ? null : statusFor(ratio, target),
    flags: headOfficeFlags(f),
    inputs: f.inputs,
    formulaText: headOfficeText(f),
    method: 'excluding_fees',
    notes: [BASIS_NOTE],
  });
}

/** head_office_cap — pass if 655700 ≤ 5 % of expenses excluding the fees. */
export function computeHeadOfficeCap(budget: BudgetInput) {
  const f = headOfficeFigures(budget);
  const definition = getDefinition('head_office_cap');
  if (f.expensesExcluding <= 0) {
    return unavailable('head_office_cap', f.scope, 'not_computable', `Charges hors frais de siège nulles en ${budget.year} : conformité non évaluable.`, {
      inputs: f.inputs,
      flags: f.analysis.flags,
      passed: null,
    });
  }
  const ratio = bigFraction(f.fees, f.expensesExcluding);
  const passed = bigCompare(ratio, decimalToBigFraction(0.05)) <= 0;
  const limit = Math.floor((f.expensesExcluding * 5) / 100);
  return buildValue('head_office_cap', f.scope, {
    value: passed ? 1 : 0,
    passed,
    status: passed ? 'ok' : 'alert',
    target: definition.target,
    details: [
      ...headOfficeDetails(f),
      {
        key: 'cap_amount',
        label: 'Plafond de 5 % des charges hors frais de siège (arrondi au centime inférieur)',
        value: limit,
        unit: 'eur',
      },
      { key: 'excess', label: 'Dépassement', value: Math.max(0, f.fees - limit), unit: 'eur' },
    ],
    flags: headOfficeFlags(f),
    inputs: f.inputs,
    formulaText: `${headOfficeText(f)} : ${passed ? 'conforme (≤ 5 %)' : 'non conforme (> 5 %)'}`,
    method: 'excluding_fees',
    notes: [BASIS_NOTE],
  });
}

// -------------------------------------------------------------- deficit check

/**
 * no_deficit_carried_over — pass if the budget of the year holds no carry-over of a
 * previous deficit (expense line on account 002/119 or labelled « reprise/report de déficit »).
 */
export function computeNoDeficitCarriedOver(budget: BudgetInput, previousBudgets: readonly BudgetInput[] = []) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  const carry = analysis.deficitCarryOver;
  const passed = carry.lines.length === 0 || carry.cents === 0;
  const inputs: ProvenanceInput[] = carry.lines.map((line) => lineInput(line));
  const details: BreakdownItem[] = [
    { key: 'deficit_carried_over', label: 'Reprise de déficit dans le budget', value: carry.cents, unit: 'eur' },
  ];
  const notes: string[] = [];
  const previous = pickBudget(previousBudgets, budget.year - 1, 'actual');
  if (previous !== undefined) {
    const prev = analyseBudget(previous);
    const result = prev.incomeCents - prev.expensesCents;
    details.push({
      key: 'previous_result',
      label: `Résultat ${previous.year} (${BASIS_LABEL[previous.basis]})`,
      value: result,
      unit: 'eur',
    });
    inputs.push(
      totalInput('produits', `Total des produits ${previous.year}`, prev.incomeCents, previous.year),
      totalInput('charges', `Total des charges ${previous.year}`, prev.expensesCents, previous.year),
    );
    if (result < 0 && passed) {
      notes.push(`Le déficit ${previous.year} (${signedEuros(result)}) n'est pas repris dans le budget ${budget.year}.`);
    }
  } else {
    notes.push(`Résultat ${budget.year - 1} non fourni : seule l'absence de ligne de reprise est vérifiée.`);
  }
  return buildValue('no_deficit_carried_over', scope, {
    value: passed ? 1 : 0,
    passed,
    status: passed ? 'ok' : 'alert',
    details,
    flags: [...analysis.flags],
    inputs,
    formulaText: passed
      ? `Aucune reprise de déficit dans le budget ${budget.year} : conforme`
      : `Reprise de déficit dans le budget ${budget.year} : ${euros(carry.cents)} (${carry.lines.map((l) => l.label).join(' ; ')}) : non conforme`,
    notes,
  });
}

// ---------------------------------------------------------- cost per participant

/**
 * cost_per_participant — total expenses / participants supported in the period
 * (distinct participants when given, else present at start + entries). Value in cents per person.
 */
export function computeCostPerParticipant(budget: BudgetInput, episodes: EpisodeAggregates) {
  const analysis = analyseBudget(budget);
  const scope = budgetScope(budget, analysis);
  assertCount(episodes.presentAtStart, 'Présents au début');
  assertCount(episodes.entries, 'Entrées');
  const period = { start: episodes.periodStart, end: episodes.periodEnd };
  const flags: Flag[] = [...analysis.flags, ...partialYearFlags(period)];
  const distinct = episodes.distinctParticipants;
  if (distinct !== undefined) assertCount(distinct, 'Personnes distinctes');
  const participants = distinct ?? episodes.presentAtStart + episodes.entries;
  const notes = [
    distinct !== undefined
      ? 'Dénominateur : personnes distinctes accompagnées sur la période.'
      : 'Dénominateur : parcours présents au début + entrées (personnes distinctes non fournies).',
  ];
  if (budget.basis === 'forecast') {
    flags.push({ code: 'mixed_bases', message: 'Charges prévisionnelles rapportées à une activité réalisée.' });
  }
  if (yearOfPeriod(period) !== budget.year || episodes.programmeCode !== budget.programmeCode) {
    flags.push({ code: 'inconsistent_input', message: `Le budget (${budget.programmeCode}, ${budget.year}) et l'activité (${episodes.programmeCode}, ${period.end}) ne portent pas sur le même dispositif ou la même année.` });
  }
  const inputs: ProvenanceInput[] = [
    totalInput('charges', `Total des charges ${budget.year}`, analysis.expensesCents),
    { kind: 'count', ref: distinct !== undefined ? 'distinctParticipants' : 'presentAtStart+entries', label: 'Personnes accompagnées', value: participants, unit: 'count' },
  ];
  if (participants === 0) {
    return unavailable('cost_per_participant', scope, 'not_computable', 'Aucune personne accompagnée sur la période : coût par personne non calculable.', {
      inputs,
      flags,
      notes,
    });
  }
  const perPerson = bigFraction(analysis.expensesCents, participants);
  return buildValue('cost_per_participant', scope, {
    value: numeric(perPerson),
    exact: perPerson,
    details: [
      { key: 'expenses', label: 'Total des charges', value: analysis.expensesCents, unit: 'eur' },
      { key: 'participants', label: 'Personnes accompagnées', value: participants, unit: 'count' },
    ],
    flags,
    inputs,
    formulaText: `${euros(analysis.expensesCents)} / ${count(participants)} personnes = ${euros(Math.round(bigToNumber(perPerson)))} par personne`,
    notes,
  });
}

