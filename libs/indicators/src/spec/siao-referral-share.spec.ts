import { computeSiaoReferralShare } from '../index';

const scope = { programmeCode: 'acor-centre-ville' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('share of referrals to the SIAO', () => {
  it('18 of 48 referrals → 3/8 = 37,5 %', () => {
    const value = computeSiaoReferralShare({
      ...scope,
      referralsProposed: 48,
      toSiao: 18,
      byDestination: [
        { key: 'siao', label: 'SIAO', count: 18 },
        { key: 'ccas', label: 'CCAS', count: 20 },
        { key: 'health', label: 'Soins', count: 10 },
      ],
    });
    expect(value.exact).toEqual({ numerator: 3, denominator: 8 });
    expect(value.flags).toEqual([]);
    expect(value.provenance.formulaText).toBe('18 orientations vers le SIAO / 48 orientations proposées = 37,5\u00a0%');
  });

  it('zero referrals → not_computable', () => {
    const value = computeSiaoReferralShare({ ...scope, referralsProposed: 0, toSiao: 0 });
    expect(value.value).toBeNull();
    expect(value.reason).toBe('Aucune orientation proposée sur la période : part SIAO non calculable.');
  });

  it('more SIAO referrals than referrals is an input error', () => {
    expect(() => computeSiaoReferralShare({ ...scope, referralsProposed: 1, toSiao: 2 })).toThrow(/supérieures/);
  });
});
