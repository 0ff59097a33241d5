import { parseEurosToCents as eur } from '@sdat/format';
import { AGREEMENT_2022_TARGETS } from './fixtures/targets-2022';
import {
  computeProgrammeIndicators,
  definitionsForProgramme,
  IndicatorInputError,
  type ProgrammeYearInput,
} from '../index';

/** EMAS 2022 (annexe 3): budget lines needed, funders, staff, plus a hypothetical activity. */
const input: ProgrammeYearInput = {
  programmeCode: 'emas',
  year: 2022,
  basis: 'forecast',
  // The agreement's capacity and targets (annexe 3: « File active de 40 personnes »), as the API passes them.
  capacity: { places: 40 },
  targets: [...AGREEMENT_2022_TARGETS],
  budget: {
    programmeCode: 'emas',
    year: 2022,
    basis: 'forecast',
    declaredTotals: { expensesCents: eur('184 913'), incomeCents: eur('184 913') },
    lines: [
      { accountCode: null, groupCode: '60', side: 'expenses', label: 'ACHATS NON STOCKES', amountCents: eur('3 228') },
      { accountCode: null, groupCode: '61', side: 'expenses', label: 'SERVICES EXTERIEURS', amountCents: eur('9 145') },
      { accountCode: '621800', groupCode: '62', side: 'expenses', label: 'Autres personnels extérieurs', amountCents: eur('74 327') },
      { accountCode: null, groupCode: '62', side: 'expenses', label: 'Autres services extérieurs', amountCents: eur('6 154') },
      { accountCode: null, groupCode: '63/64', side: 'expenses', label: 'CHARGES DE PERSONNEL', amountCents: eur('82 766') },
      { accountCode: '655700', groupCode: '65', side: 'expenses', label: 'frais de siège Direction', amountCents: eur('8 754') },
      { accountCode: '658600', groupCode: '65', side: 'expenses', label: 'Fonds de solidarité', amountCents: eur('300') },
      { accountCode: '658800', groupCode: '65', side: 'expenses', label: 'Autres charges', amountCents: eur('4') },
      { accountCode: '681120', groupCode: '68', side: 'expenses', label: 'Amortissements', amountCents: eur('235') },
      { accountCode: '741000', groupCode: '74', side: 'income', label: "Subventions d'exploitation", amountCents: eur('174 240') },
      { accountCode: null, groupCode: '74', side: 'income', label: 'Subvention État – primes Ségur', amountCents: eur('10 673') },
    ],
  },
  staff: {
    programmeCode: 'emas',
    year: 2022,
    basis: 'forecast',
    lines: [
      { jobCode: 'deputy_director', jobTitle: 'Directeur adjoint', fte: 0.08, unit: 'fte' },
      { jobCode: 'nurse', jobTitle: 'Infirmière', fte: 1, unit: 'fte' },
    ],
  },
  episodes: {
    programmeCode: 'emas',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    presentAtStart: 35,
    entries: 28,
    exits: 27,
    participantDays: 12410,
    closedDurations: [{ durationDays: 90, count: 27 }],
    openSeniority: [{ durationDays: 60, count: 36 }],
  },
};

describe('computeProgrammeIndicators – EMAS 2022', () => {
  const results = computeProgrammeIndicators(input);
  const byCode = new Map(results.map((r) => [r.code, r]));

  it('returns every applicable programme indicator, in catalogue order, and skips the Pacte', () => {
    const expected = definitionsForProgramme('emas').filter((d) => d.scope === 'programme').map((d) => d.code);
    expect(results.map((r) => r.code)).toEqual(expected);
    expect(byCode.has('pacte_parity')).toBe(false);
    expect(byCode.has('attendance')).toBe(false);
  });

  it('computes what it has inputs for', () => {
    expect(byCode.get('payroll')?.value).toBe(eur('82 766'));
    expect(byCode.get('staff_cost_ratio')?.exact).toEqual({ numerator: 157093, denominator: 184913 });
    expect(byCode.get('head_office_ratio')?.status).toBe('warning');
    expect(byCode.get('head_office_cap')?.passed).toBe(true);
    expect(byCode.get('fte_total')?.exact).toEqual({ numerator: 27, denominator: 25 });
    // occupancy with the agreement's capacity (40) and calendar days: 12 410 / 14 600 = 17/20
    expect(byCode.get('occupancy_rate')?.exact).toEqual({ numerator: 17, denominator: 20 });
    expect(byCode.get('occupancy_rate')?.provenance.notes?.[0]).toMatch(/jours calendaires/);
    expect(byCode.get('target_completion')?.exact).toEqual({ numerator: 9, denominator: 10 });
    expect(byCode.get('median_duration_days')?.value).toBe(90);
    expect(byCode.get('cumulative_surplus')?.value).toBe(0);
    expect(byCode.get('cumulative_surplus')?.flags.map((f) => f.code)).toContain('forecast_basis');
  });

  it('missing inputs give value null + no_data (never a silent zero)', () => {
    for (const code of ['funding_by_funder', 'waiting_list', 'refusals', 'referrers', 'payroll_growth'] as const) {
      const value = byCode.get(code);
      expect(value?.value).toBeNull();
      expect(value?.flags[0]?.code).toBe('no_data');
      expect(value?.reason).toBeTruthy();
    }
  });

  it('every output string is free of U+202F and of glyphs missing from the PDF font', () => {
    expect(JSON.stringify(results)).not.toMatch(/[\u202f\u2192]/);
  });

  it('rejects inputs of another programme or year', () => {
    expect(() => computeProgrammeIndicators({ ...input, programmeCode: 'acor-centre-ville' })).toThrow(IndicatorInputError);
    expect(() => computeProgrammeIndicators({ ...input, year: 2023 })).toThrow(/Budget : 2022/);
    expect(() =>
      computeProgrammeIndicators({ ...input, previousBudgets: [{ ...input.budget!, year: 2022 }] }),
    ).toThrow(/n'est pas antérieure/);
  });

  it('a malformed aggregate only spoils the indicators that use it', () => {
    const bad = computeProgrammeIndicators({
      ...input,
      refusals: { programmeCode: 'emas', periodStart: '2022-01-01', periodEnd: '2022-12-31', items: [{ key: 'a', label: 'A', count: -1 }] },
    });
    const refusals = bad.find((r) => r.code === 'refusals');
    expect(refusals?.value).toBeNull();
    expect(refusals?.flags[0]?.code).toBe('inconsistent_input');
    expect(refusals?.reason).toMatch(/^Données incohérentes : Refus « A » doit être un entier positif/);
    expect(bad.find((r) => r.code === 'payroll')?.value).toBe(eur('82 766'));
  });

  it('includes the Pacte check when its input is given', () => {
    const withPacte = computeProgrammeIndicators({
      ...input,
      pacteParity: { year: 2020, actions: [{ code: '2.3', label: 'Équipe mobile', stateCents: eur('5 225'), metropoleCents: eur('5 225') }] },
    });
    expect(withPacte.find((r) => r.code === 'pacte_parity')?.passed).toBe(true);
  });
});
