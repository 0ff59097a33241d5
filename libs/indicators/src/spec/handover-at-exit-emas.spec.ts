import { computeHandoverAtExit } from '../index';

const scope = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31' };

describe('hand-over at exit', () => {
  it('share of exits with a hand-over, by nature', () => {
    // 20 exits: 9 CMP + 5 service social de secteur + 2 SAMSAH + 4 sans relais → 16/20 = 4/5
    const value = computeHandoverAtExit({
      ...scope,
      items: [
        { key: 'cmp', label: 'Centre médico-psychologique', count: 9 },
        { key: 'sector_social_service', label: 'Service social de secteur', count: 5 },
        { key: 'samsah', label: 'SAMSAH', count: 2 },
        { key: 'none', label: 'Sans relais', count: 4 },
      ],
    });
    expect(value.exact).toEqual({ numerator: 4, denominator: 5 });
    expect(value.details?.map((d) => d.value)).toEqual([9, 5, 2, 4]);
    expect(value.provenance.formulaText).toBe('16 sorties avec relais / 20 sorties = 80,0\u00a0%');
  });

  it('no exit → not_computable', () => {
    expect(computeHandoverAtExit({ ...scope, items: [] }).flags[0]?.code).toBe('not_computable');
  });
});
