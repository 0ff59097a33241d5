import { parseEurosToCents as eur } from '@sdat/format';
import {
  applySmallCountSuppression,
  CATALOGUE,
  computeProgrammeIndicators,
  peopleCountRole,
  type IndicatorCode,
  type PeopleCountRole,
} from '../index';
import { byCode, emasActivity2022 } from './fixtures/small-count-inputs';

/** The classification documented in docs/indicators.md (« Petits effectifs »). */
const EXPECTED: Record<IndicatorCode, PeopleCountRole> = {
  fte_total: 'none',
  fte_by_job: 'none',
  payroll: 'none',
  payroll_growth: 'none',
  payroll_ratio: 'none',
  staff_cost_ratio: 'none',
  social_fund_growth: 'none',
  cumulative_surplus: 'none',
  head_office_ratio: 'none',
  funding_by_funder: 'none',
  cost_per_participant: 'denominator',
  entries: 'value',
  exits: 'value',
  active_caseload: 'value',
  monthly_caseload: 'value',
  occupancy_rate: 'denominator',
  avg_duration_days: 'denominator',
  median_duration_days: 'denominator',
  seniority_of_present_days: 'denominator',
  waiting_list: 'value',
  refusals: 'value',
  referral_decisions: 'value',
  siao_referral_share: 'denominator',
  referrers: 'value',
  profile_age: 'value',
  profile_situation: 'value',
  handover_at_exit: 'denominator',
  lease_transfers: 'value',
  attendance: 'breakdown',
  outreach_contacts: 'value',
  target_completion: 'denominator',
  head_office_cap: 'none',
  no_deficit_carried_over: 'none',
  pacte_parity: 'none',
};

describe('small counts – which indicators count people', () => {
  it('every catalogue indicator is classified, as documented', () => {
    expect(Object.fromEntries(CATALOGUE.map((d) => [d.code, d.peopleCount]))).toEqual(EXPECTED);
    for (const d of CATALOGUE) expect(peopleCountRole(d.code)).toBe(d.peopleCount);
  });

  it('money, FTE and compliance figures are never masked, even beside small counts', () => {
    const input = {
      ...emasActivity2022(),
      staff: {
        programmeCode: 'emas' as const,
        year: 2022,
        basis: 'actual' as const,
        lines: [{ jobCode: 'nurse', jobTitle: 'Infirmière', fte: 1, unit: 'fte' as const }],
      },
      budget: {
        programmeCode: 'emas' as const,
        year: 2022,
        basis: 'actual' as const,
        lines: [
          { accountCode: null, groupCode: '63/64', side: 'expenses' as const, label: 'Charges de personnel', amountCents: eur('3') },
          { accountCode: '655700', groupCode: '65', side: 'expenses' as const, label: 'Frais de siège', amountCents: eur('2') },
          { accountCode: '741000', groupCode: '74', side: 'income' as const, label: 'Subventions', amountCents: eur('4') },
        ],
      },
    };
    const computed = computeProgrammeIndicators(input);
    const out = byCode(applySmallCountSuppression(computed, { threshold: 5 }));
    for (const value of computed) {
      if (EXPECTED[value.code] === 'none') expect(out.get(value.code)).toEqual(value);
    }
    // 1 FTE and 3 € stay: staff and money are not people supported
    expect(out.get('fte_total')?.value).toBe(1);
    expect(out.get('payroll')?.value).toBe(300);
  });
});
