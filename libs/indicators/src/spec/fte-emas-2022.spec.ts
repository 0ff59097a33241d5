import { computeFteByJob, computeFteTotal, type StaffInput } from '../index';

/**
 * Source: annexe 3 (EMAS), « Le personnel affecté au fonctionnement du dispositif » :
 * 0,08 directeur adjoint + 0,30 chef de service + 1,00 travailleur social + 1,00 infirmière
 * + 0,40 psychologue + 0,30 administratif = 3,08 ETP = 308/100 = 77/25 (exact, no 3.0800000000000005).
 */
const staff: StaffInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  lines: [
    { jobCode: 'deputy_director', jobTitle: 'Directeur adjoint', fte: 0.08, unit: 'fte' },
    { jobCode: 'head_of_service', jobTitle: 'Chef de service', fte: 0.3, unit: 'fte' },
    { jobCode: 'social_worker', jobTitle: 'Travailleur social', fte: 1, unit: 'fte' },
    { jobCode: 'nurse', jobTitle: 'Infirmière', fte: 1, unit: 'fte' },
    { jobCode: 'psychologist', jobTitle: 'Psychologue', fte: 0.4, unit: 'fte' },
    { jobCode: 'administrative', jobTitle: 'Temps administratif', fte: 0.3, unit: 'fte' },
  ],
};

describe('FTE – EMAS 2022', () => {
  it('total 3,08 ETP exactly', () => {
    const total = computeFteTotal(staff);
    expect(total.exact).toEqual({ numerator: 77, denominator: 25 });
    expect(total.value).toBe(3.08);
    expect(total.flags).toEqual([]);
    expect(total.provenance.formulaText).toBe(
      'ETP = 0,08 (Directeur adjoint) + 0,30 (Chef de service) + 1,00 (Travailleur social) + 1,00 (Infirmière) + 0,40 (Psychologue) + 0,30 (Temps administratif) = 3,08 ETP',
    );
  });

  it('by job: breakdown adds up to the total, shares exact', () => {
    const byJob = computeFteByJob(staff);
    expect(byJob.breakdown?.map((b) => b.key)).toEqual([
      'deputy_director',
      'head_of_service',
      'social_worker',
      'nurse',
      'psychologist',
      'administrative',
    ]);
    expect(byJob.breakdown?.[0]?.exact).toEqual({ numerator: 2, denominator: 25 });
    // 0,08 / 3,08 = 8/308 = 2/77
    expect(byJob.breakdown?.[0]?.share).toEqual({ numerator: 2, denominator: 77 });
  });

  it('more than 4 decimals is rejected', () => {
    expect(() =>
      computeFteTotal({ ...staff, lines: [{ jobCode: 'x', jobTitle: 'X', fte: 0.123456, unit: 'fte' }] }),
    ).toThrow(/4 décimales au plus/);
  });

  it('no staff line → no_data', () => {
    expect(computeFteTotal({ ...staff, lines: [] }).flags[0]?.code).toBe('no_data');
  });
});
