import { parseEurosToCents as eur } from '@sdat/format';
import { addFractions, computeFundingByFunder, type BudgetInput, type FundingInput } from '../index';

/**
 * Source: annexe 2, « Financement pour 2022 » : Dijon Métropole 517 153 (dont primes Ségur 3 953) ;
 * Dijon Métropole (lutte contre la pauvreté) 57 630 ; CCAS de Chenôve 62 150 ;
 * État Contrat de ville 40 000 ; État BOP 177 101 937 (dont primes Ségur 35 577).
 * Sum = 517 153 + 57 630 + 62 150 + 40 000 + 101 937 = 778 870 € = group 74 of the budget
 * (111 572 + 401 628 + 35 577 + 57 630 + 3 953 + 40 000 + 66 360 + 62 150 = 778 870): no residual.
 * Ségur total = 3 953 + 35 577 = 39 530 → 39 530 / 778 870 = 3 953 / 77 887.
 */
const funding: FundingInput = {
  programmeCode: 'acor-dijon-metropole',
  year: 2022,
  basis: 'forecast',
  funders: [
    {
      funderCode: 'dijon-metropole',
      funderName: 'Dijon Métropole',
      isSignatory: true,
      amountCents: eur('517 153'),
      earmarked: [{ kind: 'segur_bonus', label: 'Primes Ségur', amountCents: eur('3 953') }],
    },
    { funderCode: 'dijon-metropole-pauvrete', funderName: 'Dijon Métropole (lutte contre la pauvreté)', isSignatory: true, amountCents: eur('57 630'), earmarked: [] },
    { funderCode: 'ccas-chenove', funderName: 'CCAS de Chenôve', isSignatory: true, amountCents: eur('62 150'), earmarked: [] },
    { funderCode: 'etat-contrat-de-ville', funderName: 'État crédits Contrat de ville', isSignatory: true, amountCents: eur('40 000'), earmarked: [] },
    {
      funderCode: 'etat-bop-177',
      funderName: 'État crédits BOP 177',
      isSignatory: true,
      amountCents: eur('101 937'),
      earmarked: [{ kind: 'segur_bonus', label: 'Primes Ségur', amountCents: eur('35 577') }],
    },
  ],
};
const subsidy = (label: string, amount: string) => ({
  accountCode: null,
  groupCode: '74',
  side: 'income' as const,
  label,
  amountCents: eur(amount),
});
const budget: BudgetInput = {
  programmeCode: 'acor-dijon-metropole',
  year: 2022,
  basis: 'forecast',
  lines: [
    subsidy('Subvention Métropole - transfert de Compétence', '111 572'),
    subsidy('Subvention Métropole', '401 628'),
    subsidy('Subvention de l’État - DDETS Primes Médico-social (Ségur)', '35 577'),
    subsidy('Subvention Dijon Métropole - Lutte contre la pauvreté', '57 630'),
    subsidy('Subvention Métropole - Lutte contre la pauvreté - Primes Ségur', '3 953'),
    subsidy("Subvention de l'État - CGET", '40 000'),
    subsidy("Subvention de l'État - BOP 177", '66 360'),
    subsidy('Subvention CCAS - Ville de Chenove', '62 150'),
  ],
};

describe('funding by funder – ACOR Dijon Métropole 2022', () => {
  it('matches the budget exactly, shares sum to 1, Ségur earmarks aggregated', () => {
    const value = computeFundingByFunder(funding, budget);
    expect(value.value).toBe(eur('778 870'));
    expect(value.flags).toEqual([]);
    expect(value.breakdown?.some((b) => b.key === 'other_funders')).toBe(false);
    expect(addFractions((value.breakdown ?? []).flatMap((b) => (b.share ? [b.share] : [])))).toEqual({ numerator: 1, denominator: 1 });
    const segur = value.details?.find((d) => d.key === 'earmarked_segur_bonus');
    expect(segur?.value).toBe(eur('39 530'));
    expect(segur?.share).toEqual({ numerator: 3953, denominator: 77887 });
    expect(value.details?.find((d) => d.key === 'signatories')?.share).toEqual({ numerator: 1, denominator: 1 });
  });

  it('declared funding above the budget subsidies is flagged', () => {
    const value = computeFundingByFunder(funding, { ...budget, lines: budget.lines.slice(1) });
    expect(value.flags.map((f) => f.code)).toEqual(['inconsistent_input']);
    expect(value.value).toBe(eur('778 870'));
  });

  it('earmarked parts larger than the amount are flagged', () => {
    const bad: FundingInput = {
      ...funding,
      funders: [{ ...funding.funders[0]!, earmarked: [{ kind: 'segur_bonus', label: 'Primes Ségur', amountCents: eur('600 000') }] }],
    };
    expect(computeFundingByFunder(bad).flags[0]?.code).toBe('inconsistent_input');
  });
});
