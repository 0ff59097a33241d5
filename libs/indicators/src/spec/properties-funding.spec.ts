import fc from 'fast-check';
import { addFractions, computeFundingByFunder, type BudgetInput, type FundingInput } from '../index';

const funder = fc.record({
  amount: fc.integer({ min: 0, max: 1_000_000_00 }),
  signatory: fc.boolean(),
  segur: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('property: funding shares', () => {
  it('shares sum to exactly 1 (as fractions), with or without a budget residual', () => {
    fc.assert(
      fc.property(fc.array(funder, { minLength: 1, maxLength: 15 }), fc.nat({ max: 1_000_000_00 }), fc.boolean(), (rows, extra, withBudget) => {
        const funding: FundingInput = {
          programmeCode: 'emas',
          year: 2022,
          basis: 'actual',
          funders: rows.map((r, i) => ({
            funderCode: `f${i}`,
            funderName: `Financeur ${i}`,
            isSignatory: r.signatory,
            amountCents: r.amount,
            earmarked: [{ kind: 'segur_bonus', label: 'Primes Ségur', amountCents: Math.floor(r.segur * r.amount) }],
          })),
        };
        const listed = rows.reduce((t, r) => t + r.amount, 0);
        const budget: BudgetInput = {
          programmeCode: 'emas',
          year: 2022,
          basis: 'actual',
          lines: [{ accountCode: '741000', groupCode: '74', side: 'income', label: 'Subventions', amountCents: listed + extra }],
        };
        const value = computeFundingByFunder(funding, withBudget ? budget : undefined);
        if (value.value === null) {
          expect(listed + (withBudget ? extra : 0)).toBe(0);
          return;
        }
        const shares = (value.breakdown ?? []).flatMap((b) => (b.share ? [b.share] : []));
        expect(addFractions(shares)).toEqual({ numerator: 1, denominator: 1 });
        expect((value.breakdown ?? []).reduce((t, b) => t + (b.value ?? 0), 0)).toBe(value.value);
        const signatories = value.details?.find((d) => d.key === 'signatories');
        const others = value.details?.find((d) => d.key === 'non_signatories');
        expect((signatories?.value ?? 0) + (others?.value ?? 0)).toBe(value.value);
        expect(value.flags.some((f) => f.code === 'inconsistent_input')).toBe(false);
      }),
    );
  });
});
