import { parseEurosToCents as eur } from '@sdat/format';
import { addFractions, computeFundingByFunder, type BudgetInput, type FundingInput } from '../index';

/**
 * Source: annexe 3 (EMAS), « 13 partenaires financeurs soutiennent ce dispositif. Seules les
 * contributions des signataires … figurent » : Ville de Dijon 22 651 ; CCAS de Chenôve 1 975 ;
 * Dijon Métropole 29 040 ; État BOP 177 35 753 (dont primes Ségur 10 673) ; ARS 21 33 000.
 * Signatories: 22 651 + 1 975 + 29 040 + 35 753 + 33 000 = 122 419 €.
 * Budget, group 74: 741000 174 240 + Ségur 10 673 = 184 913 €.
 * Other (non-signatory) funders = 184 913 − 122 419 = 62 494 €.
 * Shares over 184 913: 22 651/184 913, 1 975/184 913, 29 040/184 913, 35 753/184 913,
 * 33 000/184 913, 62 494/184 913 — they sum to exactly 1.
 */
const funding: FundingInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  funders: [
    { funderCode: 'ville-dijon', funderName: 'Ville de Dijon', isSignatory: true, amountCents: eur('22 651'), earmarked: [] },
    { funderCode: 'ccas-chenove', funderName: 'CCAS de Chenôve', isSignatory: true, amountCents: eur('1 975'), earmarked: [] },
    { funderCode: 'dijon-metropole', funderName: 'Dijon Métropole', isSignatory: true, amountCents: eur('29 040'), earmarked: [] },
    {
      funderCode: 'etat-bop-177',
      funderName: 'État crédits BOP 177',
      isSignatory: true,
      amountCents: eur('35 753'),
      earmarked: [{ kind: 'segur_bonus', label: 'Primes Ségur', amountCents: eur('10 673') }],
    },
    { funderCode: 'ars-21', funderName: 'ARS 21', isSignatory: true, amountCents: eur('33 000'), earmarked: [] },
  ],
};
const budget: BudgetInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines: [
    { accountCode: '741000', groupCode: '74', side: 'income', label: "Subventions d'exploitation", amountCents: eur('174 240') },
    { accountCode: null, groupCode: '74', side: 'income', label: 'Subvention de l’Etat - DDETS Primes Médico-social (Ségur)', amountCents: eur('10 673') },
  ],
};

describe('funding by funder – EMAS 2022', () => {
  it('adds the non-detailed funders so shares sum to 1 exactly', () => {
    const value = computeFundingByFunder(funding, budget);
    expect(value.value).toBe(eur('184 913'));
    const other = value.breakdown?.find((b) => b.key === 'other_funders');
    expect(other?.value).toBe(eur('62 494'));
    expect(other?.share).toEqual({ numerator: 62494, denominator: 184913 });
    expect(value.breakdown?.find((b) => b.key === 'ville-dijon')?.share).toEqual({ numerator: 22651, denominator: 184913 });
    const shares = (value.breakdown ?? []).map((b) => b.share).filter((s) => s !== undefined);
    expect(shares).toHaveLength(6);
    expect(addFractions(shares)).toEqual({ numerator: 1, denominator: 1 });
    expect(value.flags.map((f) => f.code)).toEqual(['incomplete_data']);
  });

  it('signatories vs others, and the Ségur earmark', () => {
    const value = computeFundingByFunder(funding, budget);
    const details = new Map(value.details?.map((d) => [d.key, d]));
    expect(details.get('signatories')?.value).toBe(eur('122 419'));
    expect(details.get('non_signatories')?.value).toBe(eur('62 494'));
    expect(details.get('earmarked_segur_bonus')?.value).toBe(eur('10 673'));
    expect(details.get('earmarked_segur_bonus')?.label).toBe('Dont Primes Ségur');
    const state = value.breakdown?.find((b) => b.key === 'etat-bop-177');
    expect(state?.children?.[0]).toMatchObject({ key: 'segur_bonus', value: eur('10 673') });
  });

  it('without the budget, shares are over the listed funders only', () => {
    const value = computeFundingByFunder(funding);
    expect(value.value).toBe(eur('122 419'));
    // 33 000 / 122 419 = 3 000 / 11 129 (both divisible by 11)
    expect(value.breakdown?.find((b) => b.key === 'ars-21')?.share).toEqual({ numerator: 3000, denominator: 11129 });
  });
});
