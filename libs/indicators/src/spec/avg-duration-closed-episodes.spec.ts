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

  it('gives the distribution of the durations by band, adding up to the closed episodes', () => {
    // 120 d → 3 to 6 months; 180 d → 3 to 6 months (× 3); 365 d → 6 months to 1 year (× 2); 400 d and 800 d → 1 to 2 years, over 2 years
    const value = computeAvgDurationDays({
      ...scope,
      closedDurations: [
        { durationDays: 120, count: 1 },
        { durationDays: 180, count: 3 },
        { durationDays: 365, count: 2 },
        { durationDays: 400, count: 1 },
        { durationDays: 800, count: 1 },
      ],
    });
    expect(value.details?.slice(0, 5).map((d) => [d.label, d.value, d.share])).toEqual([
      ['Moins de 3 mois (0 à 90 jours)', 0, { numerator: 0, denominator: 1 }],
      ['3 à 6 mois (91 à 182 jours)', 4, { numerator: 1, denominator: 2 }],
      ['6 mois à 1 an (183 à 365 jours)', 2, { numerator: 1, denominator: 4 }],
      ['1 à 2 ans (366 à 730 jours)', 1, { numerator: 1, denominator: 8 }],
      ['Plus de 2 ans (731 jours et plus)', 1, { numerator: 1, denominator: 8 }],
    ]);
    expect(value.details?.find((d) => d.key === 'closed_episodes')?.value).toBe(8);
  });

  it('no closed episode → not_computable; missing input → no_data', () => {
    expect(computeAvgDurationDays({ ...scope, closedDurations: [] }).flags[0]?.code).toBe('not_computable');
    expect(computeAvgDurationDays(scope).flags[0]?.code).toBe('no_data');
  });
});
