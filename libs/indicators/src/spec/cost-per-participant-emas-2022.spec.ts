import { parseEurosToCents as eur } from '@sdat/format';
import { computeCostPerParticipant, type BudgetInput, type EpisodeAggregates } from '../index';

/**
 * EMAS BP 2022 total expenses 184 913 € (annexe 3) with a hypothetical 2022 activity of
 * 52 distinct people: 18 491 300 cents / 52 = 4 622 825 / 13 cents ≈ 3 556,02 € per person.
 */
const budget: BudgetInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines: [{ accountCode: null, groupCode: 'total', side: 'expenses', label: 'TOTAL DES CHARGES', amountCents: eur('184 913') }],
};
const episodes: EpisodeAggregates = {
  programmeCode: 'emas',
  periodStart: '2022-01-01',
  periodEnd: '2022-12-31',
  presentAtStart: 30,
  entries: 25,
  exits: 20,
  distinctParticipants: 52,
};

describe('cost per participant – EMAS 2022', () => {
  it('expenses / distinct people, exact, forecast vs actual flagged', () => {
    const value = computeCostPerParticipant(budget, episodes);
    expect(value.exact).toEqual({ numerator: 4622825, denominator: 13 });
    expect(value.unit).toBe('eur_per_person');
    expect(value.flags.map((f) => f.code)).toEqual(['mixed_bases']);
    expect(value.provenance.formulaText).toBe('184\u00a0913\u00a0€ / 52 personnes = 3\u00a0556\u00a0€ par personne');
  });

  it('falls back to present at start + entries (30 + 25 = 55) and says so', () => {
    const value = computeCostPerParticipant(budget, { ...episodes, distinctParticipants: undefined });
    // 18 491 300 / 55 = 3 698 260 / 11 cents
    expect(value.exact).toEqual({ numerator: 3698260, denominator: 11 });
    expect(value.provenance.notes?.[0]).toBe(
      'Dénominateur : parcours présents au début + entrées (personnes distinctes non fournies).',
    );
  });

  it('nobody supported → not_computable', () => {
    const value = computeCostPerParticipant(budget, { ...episodes, presentAtStart: 0, entries: 0, distinctParticipants: 0 });
    expect(value.value).toBeNull();
    expect(value.flags[0]?.code).toBe('not_computable');
  });
});
