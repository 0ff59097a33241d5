import { computeTargetCompletion } from '../index';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';

/**
 * Annexe 2: « Nombre de suivis annuels à exercer : 220 dont 60 mesures sur le territoire de Chenôve ».
 * 150 present on 1 Jan + 80 entries = 230 follow-ups → 230 / 220 = 23/22 ≈ 104,5 % (ok)
 * Chenôve: 40 + 15 = 55 → 55 / 60 = 11/12 ≈ 91,7 % (between 90 and 100 % → warning)
 * Overall status = the worst = warning.
 */
describe('target completion – ACOR Dijon Métropole 2022', () => {
  it('follow-ups vs 220, of which Chenôve vs 60', () => {
    const value = computeTargetCompletion(
      {
        programmeCode: 'acor-dijon-metropole',
        periodStart: '2022-01-01',
        periodEnd: '2022-12-31',
        presentAtStart: 150,
        entries: 80,
        exits: 70,
        byTerritory: [{ territoryCode: 'chenove', label: 'Chenôve', presentAtStart: 40, entries: 15, exits: 12 }],
      },
      AGREEMENT_2022_TARGETS,
    );
    expect(value.exact).toEqual({ numerator: 23, denominator: 22 });
    const details = new Map(value.details?.map((d) => [d.key, d]));
    expect(details.get('annual_follow_ups')?.status).toBe('ok');
    expect(details.get('annual_follow_ups_chenove')?.exact).toEqual({ numerator: 11, denominator: 12 });
    expect(details.get('annual_follow_ups_chenove')?.status).toBe('warning');
    expect(value.status).toBe('warning');
    expect(value.target?.key).toBe('annual_follow_ups');
    expect(value.provenance.formulaText).toBe(
      'Suivis annuels : 230 / 220 = 104,5\u00a0% ; Suivis annuels sur le territoire de Chenôve : 55 / 60 = 91,7\u00a0%',
    );
  });

  it('without the Chenôve split, that target is flagged missing', () => {
    const value = computeTargetCompletion(
      { programmeCode: 'acor-dijon-metropole', periodStart: '2022-01-01', periodEnd: '2022-12-31', presentAtStart: 150, entries: 80, exits: 70 },
      AGREEMENT_2022_TARGETS,
    );
    expect(value.value).toBe(230 / 220);
    expect(value.status).toBe('ok');
    expect(value.flags.map((f) => f.code)).toEqual(['incomplete_data']);
  });
});
