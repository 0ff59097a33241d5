import { computeLeaseTransfers } from '../index';

describe('lease transfers – ACOR Dijon Métropole', () => {
  it('counts leases moved to the participant', () => {
    const value = computeLeaseTransfers({
      programmeCode: 'acor-dijon-metropole',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      count: 6,
    });
    expect(value.value).toBe(6);
    expect(value.label).toBe('Glissements de bail');
    expect(value.provenance.formulaText).toBe('Glissements de bail du 01/01/2022 au 31/12/2022 = 6');
  });
});
