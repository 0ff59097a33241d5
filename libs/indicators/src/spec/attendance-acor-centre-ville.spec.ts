import { computeAttendance } from '../index';

/** Day centre open Monday to Saturday: 2022 has 52 weeks × 6 + 1 = 313 week days except Sundays
 *  (hypothetical 300 opening days after closures). 9 000 visits / 300 days = 30 per day;
 *  9 000 visits / 450 distinct people = 20 visits per person. */
describe('day-centre attendance – ACOR Centre Ville', () => {
  it('visits, distinct people, visits per opening day', () => {
    const value = computeAttendance({
      programmeCode: 'acor-centre-ville',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      visits: 9000,
      distinctPeople: 450,
      openingDays: 300,
    });
    expect(value.value).toBe(9000);
    const details = new Map(value.details?.map((d) => [d.key, d]));
    expect(details.get('visits_per_opening_day')?.exact).toEqual({ numerator: 30, denominator: 1 });
    expect(details.get('visits_per_person')?.value).toBe(20);
    expect(value.provenance.formulaText).toBe(
      "9\u00a0000 passages, 450 personnes distinctes ; 9\u00a0000 / 300 jours d'ouverture = 30,0 passages par jour",
    );
  });

  it('zero opening days: visits kept, per-day figure missing and flagged', () => {
    const value = computeAttendance({
      programmeCode: 'acor-centre-ville',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      visits: 10,
      distinctPeople: 20,
      openingDays: 0,
    });
    expect(value.value).toBe(10);
    expect(value.flags.map((f) => f.code)).toEqual(['inconsistent_input', 'incomplete_data']);
    expect(value.details?.find((d) => d.key === 'visits_per_opening_day')?.value).toBeNull();
  });
});
