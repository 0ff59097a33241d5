import { computeOccupancyRate } from '../index';

/** EMAS: capacity 40 (« File active de 40 personnes »), 365 days → 14 600 theoretical days.
 *  12 410 participant-days / 14 600 = 17/20 = 85,0 %. */
describe('occupancy rate – EMAS 2022', () => {
  it('participant-days / (capacity × days open)', () => {
    const value = computeOccupancyRate({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      participantDays: 12410,
      capacity: 40,
      daysOpen: 365,
    });
    expect(value.exact).toEqual({ numerator: 17, denominator: 20 });
    expect(value.value).toBe(0.85);
    expect(value.provenance.formulaText).toBe(
      '12\u00a0410 journées / (40 places × 365 jours) = 12\u00a0410 / 14\u00a0600 = 85,0\u00a0%',
    );
  });

  it('over capacity is flagged, not clamped', () => {
    const value = computeOccupancyRate({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      participantDays: 16060,
      capacity: 40,
      daysOpen: 365,
    });
    expect(value.exact).toEqual({ numerator: 11, denominator: 10 });
    expect(value.flags.map((f) => f.code)).toEqual(['above_capacity']);
  });
});
