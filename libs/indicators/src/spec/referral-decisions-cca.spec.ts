import { computeReferralDecisions } from '../index';

/** Annexe 4, art. 4-5: accord, accord avec liste d'attente, ajournement, rejet. */
describe('CCA referral decisions', () => {
  it('always lists the four decisions in order, missing ones at 0', () => {
    const value = computeReferralDecisions({
      programmeCode: 'acor-dijon-metropole',
      periodStart: '2022-06-28',
      periodEnd: '2022-12-31',
      counts: [
        { decision: 'rejection', count: 2 },
        { decision: 'accord', count: 30 },
        { decision: 'accord_waiting_list', count: 8 },
      ],
    });
    expect(value.value).toBe(40);
    expect(value.breakdown?.map((b) => [b.key, b.label, b.value])).toEqual([
      ['accord', 'Accord', 30],
      ['accord_waiting_list', "Accord avec liste d'attente", 8],
      ['adjournment', 'Ajournement', 0],
      ['rejection', 'Rejet', 2],
    ]);
    expect(value.breakdown?.[0]?.share).toEqual({ numerator: 3, denominator: 4 });
    expect(value.flags[0]?.code).toBe('partial_year');
  });

  it('no decision → total 0, no shares', () => {
    const value = computeReferralDecisions({ programmeCode: 'emas', periodStart: '2022-01-01', periodEnd: '2022-12-31', counts: [] });
    expect(value.value).toBe(0);
    expect(value.breakdown?.every((b) => b.share === undefined)).toBe(true);
  });
});
