import { computeAvgDurationDays } from '../index';

const scope = { programmeCode: 'acor-dijon-metropole' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('average duration of closed episodes', () => {
  it('Σ durations / count, exact', () => {
    // 1 × 120 + 3 × 180 + 2 × 365 + 1 × 400 = 120 + 540 + 730 + 400 = 1 790 days / 7 episodes ≈ 255,7 days
    const value = computeAvgDurationDays({
      ...scope,
      closedDurations: [
        { durationDays: 120, count: 1 },
        { durationDays: 180, count: 3 },
        { durationDays: 365, count: 2 },
        { durationDays: 400, count: 1 },
      ],
    });
    expect(value.exact).toEqual({ numerator: 1790, denominator: 7 });
    expect(value.flags).toEqual([]);
    expect(value.details?.find((d) => d.key === 'min_days')?.value).toBe(120);
    expect(value.details?.find((d) => d.key === 'max_days')?.value).toBe(400);
    expect(value.provenance.formulaText).toBe('1\u00a0790 jours / 7 parcours terminés = 255,7\u00a0jours');
  });

  it('no closed episode → not_computable; missing input → no_data', () => {
    expect(computeAvgDurationDays({ ...scope, closedDurations: [] }).flags[0]?.code).toBe('not_computable');
    expect(computeAvgDurationDays(scope).flags[0]?.code).toBe('no_data');
  });
});
