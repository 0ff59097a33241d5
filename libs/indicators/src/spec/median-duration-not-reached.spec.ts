import { computeMedianDurationDays } from '../index';

describe('median duration not reached', () => {
  it('more than half still open → null, median_not_reached + small sample', () => {
    // 7 episodes: closed at 10 and 20, 5 open at 100. S(10) = 6/7, S(20) = 6/7 × 5/6 = 5/7 > 1/2.
    const value = computeMedianDurationDays({
      programmeCode: 'acor-centre-ville',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      closedDurations: [
        { durationDays: 10, count: 1 },
        { durationDays: 20, count: 1 },
      ],
      openSeniority: [{ durationDays: 100, count: 5 }],
    });
    expect(value.value).toBeNull();
    expect(value.flags.map((f) => f.code)).toEqual(['median_not_reached', 'unreliable_small_sample']);
    expect(value.reason).toMatch(/^Médiane non atteinte/);
    expect(value.reason).toContain('71,4\u00a0%');
  });

  it('no closed episode at all → not_computable; no durations → no_data', () => {
    const base = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };
    expect(computeMedianDurationDays({ ...base, closedDurations: [], openSeniority: [{ durationDays: 5, count: 3 }] }).flags[0]?.code).toBe(
      'not_computable',
    );
    expect(computeMedianDurationDays(base).flags[0]?.code).toBe('no_data');
  });
});
