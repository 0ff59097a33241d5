import { computeFteByJob, computeFteTotal, type StaffInput } from '../index';

/**
 * Source: annexe 2 (ACOR Dijon Métropole), « Effectif reconnu » :
 * 0.20 ETP responsable de pôle ; 2 ETP cadres intermédiaires ; 8 postes d'intervenants sociaux ;
 * 1 ETP administratif. The 8 social workers are POSTS, not FTE: the total 3,20 ETP is partial
 * and must say so.
 */
const staff: StaffInput = {
  programmeCode: 'acor-dijon-metropole',
  year: 2022,
  basis: 'forecast',
  lines: [
    { jobCode: 'head_of_unit', jobTitle: 'Responsable de pôle', fte: 0.2, unit: 'fte' },
    { jobCode: 'middle_manager', jobTitle: 'Cadres intermédiaires (adjoint de direction / chef de service)', fte: 2, unit: 'fte' },
    { jobCode: 'social_worker', jobTitle: 'Intervenants sociaux', fte: null, unit: 'posts', posts: 8 },
    { jobCode: 'administrative', jobTitle: 'Administratif', fte: 1, unit: 'fte' },
  ],
};

describe('FTE – ACOR Dijon Métropole 2022 (posts without FTE)', () => {
  it('0,20 + 2 + 1 = 3,20 ETP, flagged partial with the 8 posts named', () => {
    const total = computeFteTotal(staff);
    expect(total.exact).toEqual({ numerator: 16, denominator: 5 });
    expect(total.flags).toEqual([
      {
        code: 'incomplete_data',
        message: 'Total partiel : exprimés en postes et non en ETP, exclus du total : 8 postes « Intervenants sociaux ».',
      },
    ]);
    expect(total.details?.[0]).toMatchObject({ key: 'social_worker', value: null, attributes: { unit: 'posts', posts: 8 } });
  });

  it('by job lists the FTE lines; the posts line is in details', () => {
    const byJob = computeFteByJob(staff);
    expect(byJob.breakdown?.map((b) => b.key)).toEqual(['head_of_unit', 'middle_manager', 'administrative']);
    expect(byJob.details?.map((b) => b.key)).toEqual(['social_worker']);
  });
});
