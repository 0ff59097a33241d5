import { CATALOGUE, definitionsForProgramme, getDefinition, percentDigitsOf, PROGRAMME_CODES, type IndicatorCode } from '../index';

const REQUIRED: IndicatorCode[] = [
  'fte_total', 'fte_by_job', 'payroll', 'payroll_growth', 'payroll_ratio', 'staff_cost_ratio',
  'social_fund_growth', 'cumulative_surplus', 'head_office_ratio', 'funding_by_funder', 'cost_per_participant',
  'entries', 'exits', 'active_caseload', 'monthly_caseload', 'occupancy_rate', 'avg_duration_days', 'median_duration_days',
  'seniority_of_present_days', 'waiting_list', 'refusals', 'referral_decisions', 'siao_referral_share',
  'referrers', 'profile_age', 'profile_situation', 'handover_at_exit', 'lease_transfers', 'attendance',
  'outreach_contacts', 'target_completion', 'head_office_cap', 'no_deficit_carried_over', 'pacte_parity',
];

describe('indicator catalogue', () => {
  it('holds every required code exactly once', () => {
    const codes = CATALOGUE.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...REQUIRED].sort());
  });

  it('every definition is complete, versioned, and in French', () => {
    for (const d of CATALOGUE) {
      expect(Number.isInteger(d.version) && d.version >= 1).toBe(true);
      for (const text of [d.label, d.definition, d.formula, d.sourceRef.document, d.sourceRef.location, d.sourceRef.quote]) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/[\u202f\u2192]/); // glyphs missing from the PDF font
      }
      expect(['means', 'results', 'compliance']).toContain(d.category);
      expect(['flow', 'stock', 'ratio_of_sums', 'distribution']).toContain(d.aggregation);
      expect(d.bases.length).toBeGreaterThan(0);
      if (d.programmes !== 'all') {
        expect(d.programmes.length).toBeGreaterThan(0);
        for (const p of d.programmes) expect(PROGRAMME_CODES).toContain(p);
      }
    }
  });

  it('ratios are never averaged: ratio and rate units aggregate as ratio_of_sums (or distribution)', () => {
    for (const d of CATALOGUE.filter((x) => x.unit === 'ratio' || x.unit === 'rate')) {
      expect(['ratio_of_sums', 'distribution']).toContain(d.aggregation);
    }
  });

  it('quotes the annexes', () => {
    expect(getDefinition('payroll_growth').sourceRef.quote).toBe(
      "Taux d'évolution de la masse salariale (2 années plus l'année en cours)",
    );
    expect(getDefinition('head_office_cap').sourceRef.quote).toMatch(/dans la limite de 5%/);
    expect(getDefinition('head_office_ratio').target).toMatchObject({ value: 0.05, comparator: 'lte' });
  });

  it('applicability follows the annexes', () => {
    const codes = (p: (typeof PROGRAMME_CODES)[number]) => definitionsForProgramme(p).map((d) => d.code);
    expect(codes('acor-centre-ville')).toContain('attendance');
    expect(codes('acor-centre-ville')).not.toContain('lease_transfers');
    expect(codes('acor-dijon-metropole')).toContain('lease_transfers');
    expect(codes('emas')).toContain('occupancy_rate');
    expect(codes('emas')).not.toContain('social_fund_growth');
    expect(() => getDefinition('nope' as IndicatorCode)).toThrow(/Indicateur inconnu/);
  });

  it('head-office fees are shown with two decimals (a 5 % cap), every other ratio with one', () => {
    expect(percentDigitsOf('head_office_ratio')).toBe(2);
    expect(CATALOGUE.filter((d) => d.unit === 'ratio' && d.code !== 'head_office_ratio').map((d) => percentDigitsOf(d.code))).toEqual(
      CATALOGUE.filter((d) => d.unit === 'ratio' && d.code !== 'head_office_ratio').map(() => 1),
    );
    expect(percentDigitsOf('inconnu')).toBe(1);
  });
});
