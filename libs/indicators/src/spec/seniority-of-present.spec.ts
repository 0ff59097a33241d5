import { computeSeniorityOfPresentDays } from '../index';

describe('seniority of people present at period end', () => {
  it('mean seniority and bands', () => {
    // 2 × 30 + 1 × 150 + 3 × 200 + 1 × 800 = 60 + 150 + 600 + 800 = 1 610 days / 7 = 230 days
    const value = computeSeniorityOfPresentDays({
      programmeCode: 'acor-dijon-metropole',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      presentAtEnd: 7,
      openSeniority: [
        { durationDays: 30, count: 2 },
        { durationDays: 150, count: 1 },
        { durationDays: 200, count: 3 },
        { durationDays: 800, count: 1 },
      ],
    });
    expect(value.value).toBe(230);
    expect(value.flags).toEqual([]);
    const bands = (value.details ?? []).filter((d) => /^\d/.test(d.key)).map((d) => [d.key, d.value]);
    expect(bands).toEqual([
      ['0_90', 2],
      ['91_182', 1],
      ['183_365', 3],
      ['366_730', 0],
      ['731_plus', 1],
    ]);
  });

  it('no open episode → not_computable; mismatch with presentAtEnd flagged', () => {
    const base = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };
    expect(computeSeniorityOfPresentDays({ ...base, openSeniority: [] }).flags[0]?.code).toBe('not_computable');
    const mismatch = computeSeniorityOfPresentDays({ ...base, presentAtEnd: 3, openSeniority: [{ durationDays: 10, count: 2 }] });
    expect(mismatch.flags[0]?.code).toBe('inconsistent_input');
  });
});
