import { parseEurosToCents as eur } from '@sdat/format';
import { computeNoDeficitCarriedOver, type BudgetInput } from '../index';

/** Article 3 : « Les actions ne peuvent pas faire l'objet de reprise de déficits dans le budget de l'année N+1. » */
const actual2022: BudgetInput = {
  programmeCode: 'acor-centre-ville',
  year: 2022,
  basis: 'actual',
  lines: [
    { accountCode: null, groupCode: '74', side: 'income', label: 'Subventions', amountCents: eur('670 000') },
    { accountCode: null, groupCode: '60', side: 'expenses', label: 'Charges', amountCents: eur('682 000') },
  ],
};
const bp2023 = (extra: BudgetInput['lines']): BudgetInput => ({
  programmeCode: 'acor-centre-ville',
  year: 2023,
  basis: 'forecast',
  lines: [{ accountCode: null, groupCode: '60', side: 'expenses', label: 'Charges', amountCents: eur('690 000') }, ...extra],
});

describe('no deficit carried over', () => {
  it('passes when the 2022 deficit (−12 000 €) is not taken back in BP 2023', () => {
    const value = computeNoDeficitCarriedOver(bp2023([]), [actual2022]);
    expect(value.passed).toBe(true);
    expect(value.status).toBe('ok');
    expect(value.details?.find((d) => d.key === 'previous_result')?.value).toBe(-eur('12 000'));
    expect(value.provenance.notes?.[0]).toBe("Le déficit 2022 (-12\u00a0000\u00a0€) n'est pas repris dans le budget 2023.");
  });

  it('fails on a 002 line', () => {
    const value = computeNoDeficitCarriedOver(
      bp2023([{ accountCode: '002', groupCode: '002', side: 'expenses', label: 'Déficit antérieur reporté', amountCents: eur('12 000') }]),
      [actual2022],
    );
    expect(value.passed).toBe(false);
    expect(value.value).toBe(0);
    expect(value.status).toBe('alert');
    expect(value.details?.[0]?.value).toBe(eur('12 000'));
    expect(value.provenance.formulaText).toBe(
      'Reprise de déficit dans le budget 2023 : 12\u00a0000\u00a0€ (Déficit antérieur reporté) : non conforme',
    );
  });

  it('fails on a line labelled « reprise du déficit » without account', () => {
    const value = computeNoDeficitCarriedOver(
      bp2023([{ accountCode: null, groupCode: '65', side: 'expenses', label: 'Reprise du déficit 2022', amountCents: eur('5 000') }]),
    );
    expect(value.passed).toBe(false);
    expect(value.provenance.notes?.[0]).toMatch(/Résultat 2022 non fourni/);
  });
});
