import { referenceData } from './data';
import type { Budget } from './types';

function budget(code: string): Budget {
  const b = referenceData.budgets.find((x) => x.programmeCode === code);
  if (!b) throw new Error(code);
  return b;
}

/** Σ of the expense lines; a group printed without lines (63/64 personnel) counts for its subtotal. */
function expenseLinesCents(b: Budget): number {
  return b.groups
    .filter((g) => g.side === 'expenses')
    .reduce((acc, g) => acc + (g.lines.length > 0 ? g.lines.reduce((s, l) => s + (l.amountCents ?? 0), 0) : g.printedSubtotalCents), 0);
}

describe('printed grand totals of the 2022 budgets', () => {
  it('ACOR Centre Ville: 679 241 € = Σ expense lines', () => {
    // 39 772 + 36 654 + 74 353 + 0 + 489 174 (63/64, no line) + 32 728 + 6 560 = 679 241
    expect(budget('acor-centre-ville').printedTotalExpensesCents).toBe(67924100);
    expect(expenseLinesCents(budget('acor-centre-ville'))).toBe(67924100);
  });

  it('ACOR Dijon Métropole: 778 870 € = Σ expense lines', () => {
    // 13 654 + 58 686 + 31 473 + 575 192 (63/64, no line) + 87 654 + 12 211 = 778 870
    expect(budget('acor-dijon-metropole').printedTotalExpensesCents).toBe(77887000);
    expect(expenseLinesCents(budget('acor-dijon-metropole'))).toBe(77887000);
  });

  it('EMAS: 184 913 € = Σ expense lines', () => {
    // 3 228 + 9 145 + 80 481 + 0 + 82 766 (63/64, no line) + 9 058 + 235 = 184 913
    expect(budget('emas').printedTotalExpensesCents).toBe(18491300);
    expect(expenseLinesCents(budget('emas'))).toBe(18491300);
  });

  it('every expense group with lines adds up to its printed subtotal', () => {
    for (const b of referenceData.budgets) {
      for (const g of b.groups.filter((x) => x.side === 'expenses' && x.lines.length > 0)) {
        expect({ budget: b.programmeCode, group: g.groupCode, sum: g.lines.reduce((s, l) => s + (l.amountCents ?? 0), 0) }).toEqual({
          budget: b.programmeCode,
          group: g.groupCode,
          sum: g.printedSubtotalCents,
        });
      }
    }
  });

  it('the three budgets are balanced as printed', () => {
    for (const b of referenceData.budgets) expect(b.printedTotalIncomeCents).toBe(b.printedTotalExpensesCents);
  });

  it('keeps empty cells as null amounts (not 0)', () => {
    const empty = referenceData.budgets.flatMap((b) => b.groups.flatMap((g) => g.lines.filter((l) => l.printed === '').map((l) => `${b.programmeCode}:${l.accountCode}`)));
    expect(empty).toEqual([
      'acor-centre-ville:635130',
      'acor-centre-ville:681150',
      'acor-dijon-metropole:681150',
      'emas:606130',
      'emas:606250',
      'emas:611200',
      'emas:635130',
      'emas:681530',
    ]);
    for (const b of referenceData.budgets) {
      for (const l of b.groups.flatMap((g) => g.lines)) expect(l.amountCents === null).toBe(l.printed === '');
    }
  });
});
