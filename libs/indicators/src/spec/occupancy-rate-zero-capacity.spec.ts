import { computeOccupancyRate } from '../index';

describe('occupancy rate with a zero denominator', () => {
  it('zero capacity → null + not_computable with the reason', () => {
    const value = computeOccupancyRate({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      participantDays: 100,
      capacity: 0,
      daysOpen: 365,
    });
    expect(value.value).toBeNull();
    expect(value.exact).toBeUndefined();
    expect(value.flags[0]).toEqual({ code: 'not_computable', message: "Capacité nulle : taux d'occupation non calculable." });
    expect(value.reason).toBe("Capacité nulle : taux d'occupation non calculable.");
    expect(value.provenance.formulaText).toMatch(/non calculé : Capacité nulle/);
  });

  it('zero days open → null + not_computable', () => {
    const value = computeOccupancyRate({
      programmeCode: 'emas',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      participantDays: 0,
      capacity: 40,
      daysOpen: 0,
    });
    expect(value.value).toBeNull();
    expect(value.reason).toMatch(/Aucun jour d'ouverture/);
  });
});
