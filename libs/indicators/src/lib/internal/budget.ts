import { sumCents } from '@sdat/format';
import type { BudgetInput, BudgetLine } from '../inputs';
import type { Flag, Period, ProvenanceInput } from '../types';
import { calendarYear, isPartialYear } from './period';
import { euros } from './text';
import { assertCentsValue, IndicatorInputError } from './validate';

export type PayrollMethod = 'detailed_accounts' | 'group_total' | 'none';

export interface LineSet {
  cents: number;
  lines: BudgetLine[];
}

export interface BudgetAnalysis {
  budget: BudgetInput;
  period: Period;
  expensesCents: number;
  incomeCents: number;
  /** Income of group 74 (subventions d'exploitation). */
  subsidiesCents: number;
  payroll: LineSet & { method: PayrollMethod; reimbursementsCents: number };
  externalStaff: LineSet;
  headOffice: LineSet;
  socialFund: LineSet;
  deficitCarryOver: LineSet;
  /** Data-quality flags on the budget itself (declared totals, partial year). */
  flags: Flag[];
}

const PERSONNEL_ACCOUNT = /^(631|633|64)/;
const REIMBURSEMENT_ACCOUNT = /^64\d9/;
const EXTERNAL_STAFF_ACCOUNT = /^621/;
const HEAD_OFFICE_ACCOUNT = /^6557/;
const SOCIAL_FUND_ACCOUNT = /^6586/;
const DEFICIT_ACCOUNT = /^(002|119)/;
const DEFICIT_LABEL = /(reprise|report).*d[ée]ficit|d[ée]ficit.*(report|ant[ée]rieur)/i;

function normaliseGroup(groupCode: string): string {
  return groupCode.replace(/\s+/g, '').replace(/[-–]/g, '/');
}

export function isReimbursement(line: BudgetLine): boolean {
  return line.side === 'expenses' && line.accountCode !== null && REIMBURSEMENT_ACCOUNT.test(line.accountCode);
}

/** Contribution of a line to its side's total: reimbursements 64x9 always reduce it. */
export function signedAmount(line: BudgetLine): number {
  return isReimbursement(line) ? -Math.abs(line.amountCents) : line.amountCents;
}

function isPersonnelGroupLine(line: BudgetLine): boolean {
  const group = normaliseGroup(line.groupCode);
  return line.side === 'expenses' && line.accountCode === null && (group === '63/64' || group === '64');
}

function isPersonnelAccountLine(line: BudgetLine): boolean {
  return line.side === 'expenses' && line.accountCode !== null && PERSONNEL_ACCOUNT.test(line.accountCode);
}

function accountMatch(pattern: RegExp) {
  return (line: BudgetLine): boolean =>
    line.side === 'expenses' && line.accountCode !== null && pattern.test(line.accountCode);
}

function isSubsidy(line: BudgetLine): boolean {
  return (
    line.side === 'income' &&
    (normaliseGroup(line.groupCode) === '74' || (line.accountCode !== null && line.accountCode.startsWith('74')))
  );
}

function isDeficitCarryOver(line: BudgetLine): boolean {
  if (line.side !== 'expenses') return false;
  if (line.accountCode !== null && DEFICIT_ACCOUNT.test(line.accountCode)) return true;
  return DEFICIT_LABEL.test(line.label);
}

function collect(lines: BudgetLine[], predicate: (line: BudgetLine) => boolean): LineSet {
  const selected = lines.filter(predicate);
  return { cents: sumCents(selected.map(signedAmount)), lines: selected };
}

/** Reference used in provenance: the account code, or the group when no account is printed. */
export function lineRef(line: BudgetLine): string {
  return line.accountCode ?? `groupe ${line.groupCode}`;
}

export function lineInput(line: BudgetLine, year?: number): ProvenanceInput {
  const input: ProvenanceInput = {
    kind: 'account_line',
    ref: lineRef(line),
    label: line.label,
    value: signedAmount(line),
    unit: 'eur',
  };
  if (year !== undefined) input.year = year;
  return input;
}

export function totalInput(ref: string, label: string, cents: number, year?: number): ProvenanceInput {
  const input: ProvenanceInput = { kind: 'budget_total', ref, label, value: cents, unit: 'eur' };
  if (year !== undefined) input.year = year;
  return input;
}

/** Splits a budget into the totals the formulas need. Throws on malformed lines. */
export function analyseBudget(budget: BudgetInput): BudgetAnalysis {
  const period = budget.period ?? calendarYear(budget.year);
  budget.lines.forEach((line, index) => {
    assertCentsValue(line.amountCents, `Ligne ${index + 1} (${line.label})`);
    if (line.side !== 'expenses' && line.side !== 'income') {
      throw new IndicatorInputError(`Ligne ${index + 1} : côté inconnu « ${String(line.side)} ».`);
    }
  });
  const expenseLines = budget.lines.filter((line) => line.side === 'expenses');
  const incomeLines = budget.lines.filter((line) => line.side === 'income');
  const expensesCents = sumCents(expenseLines.map(signedAmount));
  const incomeCents = sumCents(incomeLines.map(signedAmount));

  const detailed = collect(budget.lines, isPersonnelAccountLine);
  const grouped = collect(budget.lines, isPersonnelGroupLine);
  const payrollLines = [...grouped.lines, ...detailed.lines];
  const method: PayrollMethod =
    grouped.lines.length > 0 ? 'group_total' : detailed.lines.length > 0 ? 'detailed_accounts' : 'none';
  const reimbursementsCents = sumCents(detailed.lines.filter(isReimbursement).map((l) => Math.abs(l.amountCents)));

  const flags: Flag[] = [];
  const declared = budget.declaredTotals;
  if (declared?.expensesCents !== undefined && declared.expensesCents !== expensesCents) {
    flags.push({
      code: 'inconsistent_input',
      message: `Le total des charges imprimé (${euros(declared.expensesCents)}) diffère de la somme des lignes (${euros(expensesCents)}).`,
    });
  }
  if (declared?.incomeCents !== undefined && declared.incomeCents !== incomeCents) {
    flags.push({
      code: 'inconsistent_input',
      message: `Le total des produits imprimé (${euros(declared.incomeCents)}) diffère de la somme des lignes (${euros(incomeCents)}).`,
    });
  }
  if (isPartialYear(period)) {
    flags.push({
      code: 'partial_year',
      message: `Le budget ${budget.year} ne couvre qu'une partie de l'année (${period.start} – ${period.end}).`,
    });
  }

  return {
    budget,
    period,
    expensesCents,
    incomeCents,
    subsidiesCents: sumCents(incomeLines.filter(isSubsidy).map(signedAmount)),
    payroll: {
      cents: sumCents([grouped.cents, detailed.cents]),
      lines: payrollLines,
      method,
      reimbursementsCents,
    },
    externalStaff: collect(budget.lines, accountMatch(EXTERNAL_STAFF_ACCOUNT)),
    headOffice: collect(budget.lines, accountMatch(HEAD_OFFICE_ACCOUNT)),
    socialFund: collect(budget.lines, accountMatch(SOCIAL_FUND_ACCOUNT)),
    deficitCarryOver: collect(budget.lines, isDeficitCarryOver),
    flags,
  };
}

/** Flags specific to the payroll perimeter of a budget. */
export function payrollFlags(analysis: BudgetAnalysis): Flag[] {
  if (analysis.payroll.method === 'group_total') {
    return [
      {
        code: 'group_total_used',
        message: `Budget ${analysis.budget.year} : les comptes 631/633/64 ne sont pas détaillés ; le total du groupe 63/64 (${euros(analysis.payroll.cents)}) est retenu tel quel comme masse salariale.`,
      },
    ];
  }
  if (analysis.payroll.method === 'none') {
    return [
      {
        code: 'incomplete_data',
        message: `Budget ${analysis.budget.year} : aucune ligne de charges de personnel (631, 633, 64 ou groupe 63/64).`,
      },
    ];
  }
  return [];
}

export const PAYROLL_METHOD_LABEL: Record<PayrollMethod, string> = {
  detailed_accounts: 'comptes détaillés 631/633/64 nets des remboursements 64x9',
  group_total: 'total du groupe 63/64 imprimé au budget',
  none: 'aucune ligne de personnel',
};

/** Picks the budget of `year` among `budgets`, preferring `basis`. */
export function pickBudget(
  budgets: readonly BudgetInput[] | undefined,
  year: number,
  basis: BudgetInput['basis'],
): BudgetInput | undefined {
  const sameYear = (budgets ?? []).filter((budget) => budget.year === year);
  return sameYear.find((budget) => budget.basis === basis) ?? sameYear[0];
}

export const BASIS_LABEL: Record<BudgetInput['basis'], string> = {
  forecast: 'budget prévisionnel',
  actual: 'réalisé',
};
