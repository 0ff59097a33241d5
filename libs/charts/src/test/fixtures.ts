import type { BudgetGroupView, BudgetView, FundingView } from '@sdat/api-types';

function group(
  groupCode: string,
  side: 'expenses' | 'income',
  label: string,
  printedCents: number | null,
  lineCents: number[],
): BudgetGroupView {
  const computedCents = lineCents.reduce((sum, cents) => sum + cents, 0);
  return {
    groupCode,
    side,
    label,
    subtotal: {
      printedCents,
      computedCents,
      differenceCents: printedCents === null ? null : printedCents - computedCents,
    },
    lines: lineCents.map((amountCents, index) => ({
      accountCode: `${groupCode.replace('/', '')}${index}`,
      label: `Ligne ${index + 1}`,
      amountCents,
      printedAmount: null,
      earmarks: [],
    })),
  };
}

/** ACOR Centre Ville, BP 2022 (annex 1 of the convention cadre 2022), amounts in cents. */
export const forecastBudget: BudgetView = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  printedTitle: 'BP 2022',
  source: 'document',
  demo: false,
  groups: [
    group('60', 'expenses', '60 - ACHATS', 3977200, [1878200, 250000, 425000, 264300, 33000, 1120500, 6200]),
    group('61', 'expenses', 'SERVICES EXTERIEURS', 3665400, [800000, 79000, 467500, 10000, 808200, 934300, 403400, 163000]),
    group('62', 'expenses', 'AUTRES SERVICES EXTERIEURS', 7435300, [200000, 370000, 50000, 123400, 671900, 11100, 40500, 3200000, 2766300, 2100]),
    group('63', 'expenses', 'IMPOTS ET TAXES (hors personnel)', 0, []),
    group('63/64', 'expenses', '63/64 CHARGES DE PERSONNEL (dont primes médico-social au 1/4/2022 : 41 424 €)', 48917400, [48917400]),
    group('65', 'expenses', 'CHARGES DE GESTION COURANTE', 3272800, [3216000, 50000, 6800]),
    group('68', 'expenses', 'DOTATIONS AUX AMORTISSEMENTS ET PROVISIONS', 656000, [656000]),
    group('70', 'income', 'PRODUITS', 396000, [396000]),
    group('74', 'income', "SUBVENTIONS D'EXPLOITATION", 65291300, [19800000, 18447400, 16395600, 2500000, 3800000, 4348300, 2236800]),
  ],
  totals: {
    expenses: { printedCents: 67924100, computedCents: 67924100, differenceCents: 0 },
    income: { printedCents: 67924100, computedCents: 67924100, differenceCents: 0 },
  },
  operatingResultCents: 0,
};

/** A made-up actual budget, to test forecast vs actual. */
export const actualBudget: BudgetView = {
  ...forecastBudget,
  basis: 'actual',
  source: 'demo',
  demo: true,
  groups: [
    group('60', 'expenses', '60 - ACHATS', null, [4100050]),
    group('62', 'expenses', 'AUTRES SERVICES EXTERIEURS', null, [7000000]),
    group('66', 'expenses', 'CHARGES FINANCIERES', null, [12345]),
  ],
  totals: {
    expenses: { printedCents: null, computedCents: 11112395, differenceCents: null },
    income: { printedCents: null, computedCents: 0, differenceCents: null },
  },
  operatingResultCents: -11112395,
};

/** ACOR Centre Ville, "Financement pour 2022". */
export const funding: FundingView = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  lines: [
    {
      funder: { code: 'ville-de-dijon', name: 'Ville de Dijon' },
      label: 'Ville de Dijon',
      amountCents: 38247400,
      funderIsSignatory: true,
      earmarks: [],
      source: 'document',
      demo: false,
    },
    {
      funder: { code: 'etat', name: 'État' },
      label: 'État crédits BOP 177',
      amountCents: 29280700,
      funderIsSignatory: true,
      earmarks: [{ kind: 'segur', label: 'primes Ségur : 43 483 €', amountCents: 4348300 }],
      source: 'document',
      demo: false,
    },
  ],
  totalCents: 67528100,
  budgetIncomeCents: 67924100,
  note: null,
};

/** Every number found anywhere in an option object (functions skipped). */
export function collectNumbers(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') {
    found.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => collectNumbers(item, found));
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach((item) => collectNumbers(item, found));
  }
  return found;
}

/** Every string found anywhere in an option object. */
export function collectStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    found.push(value);
  } else if (Array.isArray(value)) {
    value.forEach((item) => collectStrings(item, found));
  } else if (value !== null && typeof value === 'object') {
    Object.values(value).forEach((item) => collectStrings(item, found));
  }
  return found;
}
