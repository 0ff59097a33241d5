import fc from 'fast-check';
import { computeAvgDurationDays, computeMedianDurationDays, kaplanMeier, type DurationCount } from '../index';

const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };
const histogram = fc.array(
  fc.record({ durationDays: fc.nat({ max: 3000 }), count: fc.nat({ max: 50 }) }),
  { maxLength: 30 },
);

function range(h: DurationCount[]): { min: number; max: number } | null {
  const present = h.filter((r) => r.count > 0).map((r) => r.durationDays);
  return present.length === 0 ? null : { min: Math.min(...present), max: Math.max(...present) };
}

describe('property: durations', () => {
  it('the average duration lies between the min and max closed durations', () => {
    fc.assert(
      fc.property(histogram, (closed) => {
        const value = computeAvgDurationDays({ ...scope, closedDurations: closed });
        const r = range(closed);
        if (r === null) {
          expect(value.value).toBeNull();
          return;
        }
        expect(value.value).not.toBeNull();
        expect(value.value!).toBeGreaterThanOrEqual(r.min);
        expect(value.value!).toBeLessThanOrEqual(r.max);
        const n = closed.reduce((t, c) => t + c.count, 0);
        expect(value.flags.some((f) => f.code === 'unreliable_small_sample')).toBe(n < 5);
      }),
    );
  });

  it('the KM median, when reached, lies between the min and max observed exit durations', () => {
    fc.assert(
      fc.property(histogram, histogram, (closed, open) => {
        const value = computeMedianDurationDays({ ...scope, closedDurations: closed, openSeniority: open });
        const r = range(closed);
        if (r === null) {
          expect(value.value).toBeNull();
          return;
        }
        if (value.value === null) {
          expect(value.flags[0]?.code).toBe('median_not_reached');
          return;
        }
        expect(value.value).toBeGreaterThanOrEqual(r.min);
        expect(value.value).toBeLessThanOrEqual(r.max);
        expect(closed.some((c) => c.count > 0 && c.durationDays === value.value)).toBe(true);
      }),
    );
  });

  it('without censoring, KM survival is the empirical survival and always reaches 1/2', () => {
    fc.assert(
      fc.property(histogram, (closed) => {
        const rows = closed.map((c) => ({ durationDays: c.durationDays, events: c.count, censored: 0 }));
        const km = kaplanMeier(rows);
        const n = closed.reduce((t, c) => t + c.count, 0);
        if (n === 0) return;
        expect(km.medianDays).not.toBeNull();
        for (const step of km.steps) {
          const survived = closed.filter((c) => c.durationDays > step.durationDays).reduce((t, c) => t + c.count, 0);
          expect(step.survivalValue).toBeCloseTo(survived / n, 12);
        }
        // survival is non-increasing
        km.steps.forEach((s, i) => {
          const prev = km.steps[i - 1];
          if (prev) expect(s.survivalValue).toBeLessThanOrEqual(prev.survivalValue);
        });
      }),
    );
  });
});
