import { parseEurosToCents as eur } from '@sdat/format';
import { computeHeadOfficeCap, computeHeadOfficeRatio, type BudgetInput } from '../index';

/**
 * Source: annexe 1, ACOR CENTRE VILLE BP 2022: 655700 frais de siège = 32 160 €,
 * TOTAL DES CHARGES = 679 241 €.
 *   charges totales      : 32 160 / 679 241            ≈ 4,73 %
 *   hors frais de siège  : 32 160 / (679 241 − 32 160) = 32 160 / 647 081 ≈ 4,97 %
 * Both ≤ 5 %: compliant; 4,97 % is above the 4,5 % vigilance threshold → status 'warning'.
 */
const budget: BudgetInput = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'forecast',
  lines: [
    { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('32 160') },
    { accountCode: null, groupCode: 'autres', side: 'expenses', label: 'Autres charges (679 241 − 32 160)', amountCents: eur('647 081') },
  ],
};

describe('head-office ratio – ACOR Centre Ville 2022', () => {
  it('is computed on both bases, status on expenses excluding the fees', () => {
    const ratio = computeHeadOfficeRatio(budget);
    expect(ratio.exact).toEqual({ numerator: 32160, denominator: 647081 });
    const incl = ratio.details?.find((d) => d.key === 'including_fees');
    const excl = ratio.details?.find((d) => d.key === 'excluding_fees');
    expect(incl?.exact).toEqual({ numerator: 32160, denominator: 679241 });
    expect(excl?.exact).toEqual({ numerator: 32160, denominator: 647081 });
    expect(ratio.status).toBe('warning');
    expect(ratio.target?.value).toBe(0.05);
    expect(ratio.provenance.method).toBe('excluding_fees');
    expect(ratio.provenance.notes?.[0]).toMatch(/hors frais de siège/);
    expect(ratio.flags).toEqual([]);
    expect(ratio.provenance.formulaText).toBe(
      'Hors frais de siège : 32\u00a0160\u00a0€ / (679\u00a0241\u00a0€ − 32\u00a0160\u00a0€) = 32\u00a0160\u00a0€ / 647\u00a0081\u00a0€ = 4,97\u00a0% ; charges totales : 32\u00a0160\u00a0€ / 679\u00a0241\u00a0€ = 4,73\u00a0%',
    );
  });

  it('head_office_cap passes', () => {
    const cap = computeHeadOfficeCap(budget);
    expect(cap.passed).toBe(true);
    expect(cap.value).toBe(1);
    expect(cap.status).toBe('ok');
    // 5 % of 647 081 € = 32 354,05 € → 3 235 405 cents; no excess.
    expect(cap.details?.find((d) => d.key === 'cap_amount')?.value).toBe(3235405);
    expect(cap.details?.find((d) => d.key === 'excess')?.value).toBe(0);
  });
});
