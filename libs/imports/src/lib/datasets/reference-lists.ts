/** Code lists of the templates that are not in `code-lists.ts`: funders and budget groups. */
import { referenceData } from '@sdat/reference-data';
import type { AllowedCode } from '../types';

/**
 * Funders: the reference organisations that can pay a subsidy — every organisation except the
 * operators and the ones another organisation took over (Communauté urbaine → Dijon Métropole).
 */
const funderOrganisations = referenceData.organisations.filter(
  (o) => !o.kinds.includes('operator') && o.successorCode === undefined,
);

export const FUNDERS: readonly AllowedCode[] = funderOrganisations.map((o) => ({ code: o.code, label: o.displayName }));

/** Printed names and abbreviations accepted for each funder (« ARS », « Métropole », « CCAS de Chenove »…). */
export const FUNDER_ALIASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  funderOrganisations.map((o) => [o.code, [o.name, ...o.aliases]]),
);

export interface BudgetGroupDef {
  code: string;
  side: 'expenses' | 'income';
  label: string;
}

/** Groups of the chart of accounts used by the budgets (classes 6 and 7, M22 style). */
export const BUDGET_GROUPS: readonly BudgetGroupDef[] = [
  { code: '60', side: 'expenses', label: 'Achats' },
  { code: '61', side: 'expenses', label: 'Services extérieurs' },
  { code: '62', side: 'expenses', label: 'Autres services extérieurs' },
  { code: '63', side: 'expenses', label: 'Impôts et taxes (hors personnel)' },
  { code: '63/64', side: 'expenses', label: 'Charges de personnel' },
  { code: '65', side: 'expenses', label: 'Autres charges de gestion courante' },
  { code: '66', side: 'expenses', label: 'Charges financières' },
  { code: '67', side: 'expenses', label: 'Charges exceptionnelles' },
  { code: '68', side: 'expenses', label: 'Dotations aux amortissements et provisions' },
  { code: '69', side: 'expenses', label: 'Impôts sur les bénéfices et assimilés' },
  { code: '70', side: 'income', label: 'Ventes de produits et prestations de services' },
  { code: '71', side: 'income', label: 'Production stockée' },
  { code: '72', side: 'income', label: 'Production immobilisée' },
  { code: '73', side: 'income', label: 'Produits de la tarification' },
  { code: '74', side: 'income', label: "Subventions d'exploitation" },
  { code: '75', side: 'income', label: 'Autres produits de gestion courante' },
  { code: '76', side: 'income', label: 'Produits financiers' },
  { code: '77', side: 'income', label: 'Produits exceptionnels' },
  { code: '78', side: 'income', label: 'Reprises sur amortissements et provisions' },
  { code: '79', side: 'income', label: 'Transferts de charges' },
];

/** Drop-down entries « 60 – Achats »; « 63-64 », « 63/64 » and the label alone are accepted too. */
export const BUDGET_GROUP_CODES: readonly AllowedCode[] = BUDGET_GROUPS.map((g) => ({ code: g.code, label: `${g.code} – ${g.label}` }));

export const BUDGET_GROUP_ALIASES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  BUDGET_GROUPS.map((g) => [g.code, [g.label, g.code.replace('/', '-'), g.code.replace('/', '')]]),
);

/**
 * Group of an account code: 64… and the payroll taxes 631/633 → « 63/64 » (charges de personnel),
 * other 63… → « 63 », else the first two digits.
 */
export function groupOfAccount(accountCode: string): BudgetGroupDef | null {
  let code = accountCode.slice(0, 2);
  if (code === '64' || accountCode.startsWith('631') || accountCode.startsWith('633')) code = '63/64';
  return BUDGET_GROUPS.find((g) => g.code === code) ?? null;
}

export function budgetGroup(code: string): BudgetGroupDef | null {
  return BUDGET_GROUPS.find((g) => g.code === code) ?? null;
}
