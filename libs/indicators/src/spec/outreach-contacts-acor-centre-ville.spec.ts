import { computeOutreachContacts } from '../index';

describe('outreach contacts – ACOR Centre Ville', () => {
  it('distinct people met, with contacts and rounds', () => {
    const value = computeOutreachContacts({
      programmeCode: 'acor-centre-ville',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      contacts: 1250,
      distinctPeople: 250,
      rounds: 240,
    });
    expect(value.value).toBe(250);
    expect(value.details?.find((d) => d.key === 'contacts_per_person')?.exact).toEqual({ numerator: 5, denominator: 1 });
    expect(value.provenance.formulaText).toBe(
      '250 personnes distinctes rencontrées pour 1\u00a0250 contacts en 240 maraudes',
    );
  });
});
