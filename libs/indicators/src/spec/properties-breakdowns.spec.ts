import fc from 'fast-check';
import {
  addFractions,
  computeCumulativeSurplus,
  computeFteByJob,
  computePayroll,
  computeRefusals,
  computeSeniorityOfPresentDays,
  type BudgetInput,
  type StaffLine,
} from '../index';

const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('property: breakdowns add up to their totals', () => {
  it('distribution counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10000 }), { maxLength: 20 }), (counts) => {
        const value = computeRefusals({ ...scope, items: counts.map((count, i) => ({ key: `k${i}`, label: `Motif ${i}`, count })) });
        expect((value.breakdown ?? []).reduce((t, b) => t + (b.value ?? 0), 0)).toBe(value.value);
        const shares = (value.breakdown ?? []).flatMap((b) => (b.share ? [b.share] : []));
        if (value.value !== 0) expect(addFractions(shares)).toEqual({ numerator: 1, denominator: 1 });
      }),
    );
  });

  it('payroll lines (with reimbursements) add up to payroll', () => {
    const line = fc.record({
      account: fc.constantFrom('631100', '633000', '641100', '645100', '641900', '645900', '647000'),
      amount: fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 15 }), (lines) => {
        const budget: BudgetInput = {
          programmeCode: 'emas',
          year: 2022,
          basis: 'actual',
          lines: lines.map((l) => ({ accountCode: l.account, groupCode: l.account.slice(0, 2), side: 'expenses', label: l.account, amountCents: l.amount })),
        };
        const payroll = computePayroll(budget);
        expect((payroll.breakdown ?? []).reduce((t, b) => t + (b.value ?? 0), 0)).toBe(payroll.value);
      }),
    );
  });

  it('FTE by job adds up to the total exactly, shares to 1', () => {
    const staffLine = fc.record({
      job: fc.constantFrom('a', 'b', 'c', 'd'),
      fte: fc.integer({ min: 0, max: 20000 }).map((n) => n / 10000),
    });
    fc.assert(
      fc.property(fc.array(staffLine, { minLength: 1, maxLength: 12 }), (rows) => {
        const lines: StaffLine[] = rows.map((r) => ({ jobCode: r.job, jobTitle: `Poste ${r.job}`, fte: r.fte, unit: 'fte' }));
        const value = computeFteByJob({ programmeCode: 'emas', year: 2022, basis: 'actual', lines });
        const parts = (value.breakdown ?? []).flatMap((b) => (b.exact ? [b.exact] : []));
        expect(addFractions(parts)).toEqual(value.exact);
        const shares = (value.breakdown ?? []).flatMap((b) => (b.share ? [b.share] : []));
        if (value.value !== 0) expect(addFractions(shares)).toEqual({ numerator: 1, denominator: 1 });
      }),
    );
  });

  it('cumulative surplus = Σ yearly results', () => {
    const year = fc.record({ income: fc.nat({ max: 1e9 }), expenses: fc.nat({ max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(year, { minLength: 1, maxLength: 8 }), (years) => {
        const budgets: BudgetInput[] = years.map((y, i) => ({
          programmeCode: 'emas',
          year: 2015 + i,
          basis: 'actual',
          lines: [
            { accountCode: null, groupCode: '74', side: 'income', label: 'Produits', amountCents: y.income },
            { accountCode: null, groupCode: '60', side: 'expenses', label: 'Charges', amountCents: y.expenses },
          ],
        }));
        const value = computeCumulativeSurplus(budgets, { programmeCode: 'emas', year: 2030 });
        expect((value.breakdown ?? []).reduce((t, b) => t + (b.value ?? 0), 0)).toBe(value.value);
        expect(value.value).toBe(years.reduce((t, y) => t + y.income - y.expenses, 0));
      }),
    );
  });

  it('seniority bands add up to the open episodes', () => {
    const h = fc.array(fc.record({ durationDays: fc.nat({ max: 4000 }), count: fc.nat({ max: 30 }) }), { maxLength: 20 });
    fc.assert(
      fc.property(h, (openSeniority) => {
        const value = computeSeniorityOfPresentDays({ ...scope, openSeniority });
        const n = openSeniority.reduce((t, r) => t + r.count, 0);
        if (n === 0) return;
        const bands = (value.details ?? []).filter((d) => /^\d/.test(d.key));
        expect(bands.reduce((t, b) => t + (b.value ?? 0), 0)).toBe(n);
      }),
    );
  });
});
