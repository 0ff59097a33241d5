import { computeAvgDurationDays } from '../index';

describe('average duration on fewer than 5 closed episodes', () => {
  it('is computed but flagged unreliable_small_sample', () => {
    // (30 + 60 + 90) / 3 = 60 days
    const value = computeAvgDurationDays({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      closedDurations: [
        { durationDays: 30, count: 1 },
        { durationDays: 60, count: 1 },
        { durationDays: 90, count: 1 },
      ],
    });
    expect(value.value).toBe(60);
    expect(value.flags).toEqual([
      { code: 'unreliable_small_sample', message: 'Seulement 3 parcours terminés (moins de 5) : durée peu fiable.' },
    ]);
  });
});
