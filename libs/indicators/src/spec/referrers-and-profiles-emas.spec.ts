import { computeProfileAge, computeProfileSituation, computeReferrers } from '../index';

const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('referrers and profiles – EMAS', () => {
  it('referrers: count per referrer, shares', () => {
    const value = computeReferrers({
      ...scope,
      items: [
        { key: 'ccas', label: 'CCAS', count: 12 },
        { key: 'social_landlord', label: 'Bailleurs sociaux', count: 9 },
        { key: 'departmental_council', label: 'Conseil départemental', count: 6 },
        { key: 'health', label: 'Secteur sanitaire', count: 3 },
      ],
    });
    expect(value.value).toBe(30);
    expect(value.breakdown?.map((b) => b.share)).toEqual([
      { numerator: 2, denominator: 5 },
      { numerator: 3, denominator: 10 },
      { numerator: 1, denominator: 5 },
      { numerator: 1, denominator: 10 },
    ]);
  });

  it('age bands and situations', () => {
    const age = computeProfileAge({
      ...scope,
      items: [
        { key: '18_24', label: '18-24 ans', count: 2 },
        { key: '25_44', label: '25-44 ans', count: 20 },
        { key: '45_64', label: '45-64 ans', count: 25 },
        { key: '65_plus', label: '65 ans et plus', count: 8 },
        { key: 'unknown', label: 'Non renseigné', count: 1 },
      ],
    });
    expect(age.value).toBe(56);
    expect(age.unit).toBe('count');
    const situation = computeProfileSituation({
      ...scope,
      items: [
        { key: 'alone', label: 'Personne seule', count: 40 },
        { key: 'family', label: 'Famille', count: 16 },
      ],
    });
    expect(situation.value).toBe(56);
    expect(situation.breakdown?.[0]?.share).toEqual({ numerator: 5, denominator: 7 });
  });
});
