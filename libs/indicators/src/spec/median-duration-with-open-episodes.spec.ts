import { computeMedianDurationDays, kaplanMeier } from '../index';

/**
 * 9 episodes: closed after 30, 60, 60, 90, 200 days; still open (censored) at 45, 100, 150, 300 days.
 * Kaplan–Meier by hand (n at risk, d exits):
 *   t=30 : n=9, d=1 → S = 8/9
 *   t=45 : censored (n falls to 7)
 *   t=60 : n=7, d=2 → S = 8/9 × 5/7 = 40/63 ≈ 0,635
 *   t=90 : n=5, d=1 → S = 40/63 × 4/5 = 32/63 ≈ 0,508
 *   t=100, t=150 : censored (n falls to 2)
 *   t=200: n=2, d=1 → S = 32/63 × 1/2 = 16/63 ≈ 0,254 ≤ 0,5 → median = 200 days
 * The naive median of the closed episodes only (30, 60, 60, 90, 200) would be 60 days:
 * ignoring open episodes badly understates durations.
 */
const input = {
  programmeCode: 'emas' as const,
  periodStart: '2022-01-01',
  periodEnd: '2022-12-31',
  closedDurations: [
    { durationDays: 30, count: 1 },
    { durationDays: 60, count: 2 },
    { durationDays: 90, count: 1 },
    { durationDays: 200, count: 1 },
  ],
  openSeniority: [
    { durationDays: 45, count: 1 },
    { durationDays: 100, count: 1 },
    { durationDays: 150, count: 1 },
    { durationDays: 300, count: 1 },
  ],
};

describe('median duration with open episodes (Kaplan–Meier)', () => {
  it('the product-limit curve matches the hand computation', () => {
    const km = kaplanMeier([
      { durationDays: 30, events: 1, censored: 0 },
      { durationDays: 45, events: 0, censored: 1 },
      { durationDays: 60, events: 2, censored: 0 },
      { durationDays: 90, events: 1, censored: 0 },
      { durationDays: 100, events: 0, censored: 1 },
      { durationDays: 150, events: 0, censored: 1 },
      { durationDays: 200, events: 1, censored: 0 },
      { durationDays: 300, events: 0, censored: 1 },
    ]);
    expect(km.steps.map((s) => [s.durationDays, s.atRisk, s.survival])).toEqual([
      [30, 9, { numerator: 8, denominator: 9 }],
      [45, 8, { numerator: 8, denominator: 9 }],
      [60, 7, { numerator: 40, denominator: 63 }],
      [90, 5, { numerator: 32, denominator: 63 }],
      [100, 4, { numerator: 32, denominator: 63 }],
      [150, 3, { numerator: 32, denominator: 63 }],
      [200, 2, { numerator: 16, denominator: 63 }],
      [300, 1, { numerator: 16, denominator: 63 }],
    ]);
    expect(km.medianDays).toBe(200);
  });

  it('computeMedianDurationDays derives the table from the two histograms', () => {
    const value = computeMedianDurationDays(input);
    expect(value.value).toBe(200);
    expect(value.flags).toEqual([]);
    expect(value.details?.find((d) => d.key === 'events')?.value).toBe(5);
    expect(value.details?.find((d) => d.key === 'censored')?.value).toBe(4);
    expect(value.details?.find((d) => d.key === 'survival_at_median')?.exact).toEqual({ numerator: 16, denominator: 63 });
    expect(value.provenance.formulaText).toBe(
      "Kaplan–Meier sur 5 parcours terminés et 4 en cours : S(200 j) = 25,4\u00a0% ≤ 50 %, d'où médiane = 200\u00a0jours",
    );
  });

  it('a survival table given directly (SQL GROUP BY) gives the same result', () => {
    const value = computeMedianDurationDays({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      survival: [
        { durationDays: 200, events: 1, censored: 0 },
        { durationDays: 30, events: 1, censored: 0 },
        { durationDays: 60, events: 2, censored: 0 },
        { durationDays: 90, events: 1, censored: 0 },
        { durationDays: 45, events: 0, censored: 1 },
        { durationDays: 100, events: 0, censored: 1 },
        { durationDays: 150, events: 0, censored: 1 },
        { durationDays: 300, events: 0, censored: 1 },
      ],
    });
    expect(value.value).toBe(200);
  });

  it('S exactly 1/2 counts as reached (smallest t with S(t) ≤ 0,5)', () => {
    // closed 10, 20; open 30, 40: S(10) = 3/4, S(20) = 3/4 × 2/3 = 1/2 → median 20
    const km = kaplanMeier([
      { durationDays: 10, events: 1, censored: 0 },
      { durationDays: 20, events: 1, censored: 0 },
      { durationDays: 30, events: 0, censored: 1 },
      { durationDays: 40, events: 0, censored: 1 },
    ]);
    expect(km.medianDays).toBe(20);
  });

  it('a censored episode tied with an exit at the same duration is still at risk', () => {
    // t=10: 1 exit and 1 censored, n=4 → S = 3/4 ; t=20: n=2, d=1 → S = 3/8 → median 20
    const km = kaplanMeier([
      { durationDays: 10, events: 1, censored: 1 },
      { durationDays: 20, events: 1, censored: 0 },
      { durationDays: 25, events: 0, censored: 1 },
    ]);
    expect(km.steps[0]?.atRisk).toBe(4);
    expect(km.steps[1]?.survival).toEqual({ numerator: 3, denominator: 8 });
    expect(km.medianDays).toBe(20);
  });
});
