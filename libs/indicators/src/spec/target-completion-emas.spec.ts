import { computeTargetCompletion } from '../index';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';

/** Annexe 3: « File active de 40 personnes ». 36 open on 31 Dec → 36/40 = 9/10 = 90 % → warning;
 *  33 → 82,5 % → alert. ACOR Centre Ville has no numeric target → not_computable. */
describe('target completion – EMAS 2022', () => {
  const ep = { programmeCode: 'emas' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31', presentAtStart: 35, entries: 28, exits: 27 };

  it('active caseload at period end vs 40', () => {
    const value = computeTargetCompletion(ep, AGREEMENT_2022_TARGETS);
    expect(value.exact).toEqual({ numerator: 9, denominator: 10 });
    expect(value.status).toBe('warning');
    const alert = computeTargetCompletion({ ...ep, presentAtEnd: 33, exits: 30 }, AGREEMENT_2022_TARGETS);
    expect(alert.status).toBe('alert');
  });

  it('programme without a numeric target', () => {
    const value = computeTargetCompletion({ ...ep, programmeCode: 'acor-centre-ville' }, AGREEMENT_2022_TARGETS);
    expect(value.value).toBeNull();
    expect(value.flags[0]?.code).toBe('not_computable');
  });
});
