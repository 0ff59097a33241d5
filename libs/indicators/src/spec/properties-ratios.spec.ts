import fc from 'fast-check';
import {
  computeHandoverAtExit,
  computeHeadOfficeRatio,
  computeOccupancyRate,
  computePayrollRatio,
  computeSiaoReferralShare,
  computeStaffCostRatio,
  fractionToNumber,
  type BudgetInput,
} from '../index';

const cents = fc.integer({ min: 0, max: 100_000_000_00 });
const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

const budget = fc
  .record({ payroll: cents, external: cents, fees: cents, other: cents })
  .map(({ payroll, external, fees, other }): BudgetInput => ({
    programmeCode: 'emas',
    year: 2022,
    basis: 'actual',
    lines: [
      { accountCode: '641100', groupCode: '64', side: 'expenses', label: 'Salaires', amountCents: payroll },
      { accountCode: '621800', groupCode: '62', side: 'expenses', label: 'Personnel extérieur', amountCents: external },
      { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'Frais de siège', amountCents: fees },
      { accountCode: '606000', groupCode: '60', side: 'expenses', label: 'Achats', amountCents: other },
    ],
  }));

function within(value: number | null, exact: { numerator: number; denominator: number } | undefined, max = 1): void {
  if (value === null) return;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(max);
  if (exact) {
    expect(exact.denominator).toBeGreaterThan(0);
    expect(exact.numerator).toBeGreaterThanOrEqual(0);
    expect(exact.numerator).toBeLessThanOrEqual(exact.denominator * max);
    expect(fractionToNumber(exact)).toBe(value);
  }
}

describe('property: ratios stay within their bounds', () => {
  it('payroll ratio and staff cost ratio ∈ [0, 1], staff cost ≥ payroll', () => {
    fc.assert(
      fc.property(budget, (b) => {
        const payroll = computePayrollRatio(b);
        const staff = computeStaffCostRatio(b);
        within(payroll.value, payroll.exact);
        within(staff.value, staff.exact);
        if (payroll.value !== null && staff.value !== null) expect(staff.value).toBeGreaterThanOrEqual(payroll.value);
        if (payroll.value === null) expect(payroll.flags[0]?.code).toBe('not_computable');
      }),
    );
  });

  it('head-office ratio: 0 ≤ incl ≤ excl; incl ≤ 1', () => {
    fc.assert(
      fc.property(budget, (b) => {
        const ratio = computeHeadOfficeRatio(b);
        const incl = ratio.details?.find((d) => d.key === 'including_fees');
        const excl = ratio.details?.find((d) => d.key === 'excluding_fees');
        if (incl?.value == null || excl?.value == null) return;
        within(incl.value, incl.exact);
        expect(incl.value).toBeLessThanOrEqual(excl.value);
        expect(ratio.value).toBe(excl.value);
        expect(['ok', 'warning', 'alert']).toContain(ratio.status);
      }),
    );
  });

  it('occupancy ∈ [0, 1] when participant-days ≤ capacity × days', () => {
    const occupancy = fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 365 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([capacity, daysOpen, f]) => ({ capacity, daysOpen, participantDays: Math.floor(f * capacity * daysOpen) }));
    fc.assert(
      fc.property(occupancy, (o) => {
        const value = computeOccupancyRate({ ...scope, ...o });
        within(value.value, value.exact);
        expect(value.value === null).toBe(o.capacity * o.daysOpen === 0);
      }),
    );
  });

  it('SIAO share and hand-over share ∈ [0, 1]', () => {
    const counts = fc.tuple(fc.nat({ max: 10000 }), fc.nat({ max: 10000 }));
    fc.assert(
      fc.property(counts, ([a, b]) => {
        const siao = computeSiaoReferralShare({ ...scope, referralsProposed: a + b, toSiao: a });
        within(siao.value, siao.exact);
        const handover = computeHandoverAtExit({
          ...scope,
          items: [
            { key: 'cmp', label: 'CMP', count: a },
            { key: 'none', label: 'Sans relais', count: b },
          ],
        });
        within(handover.value, handover.exact);
      }),
    );
  });
});
