import { referenceData } from './data';
import { agreementValidity, expandObligations } from './obligations';
import type { Agreement, ObligationOccurrence } from './types';

const { obligationRules: rules, agreements } = referenceData;

function agreement(code: string): Agreement {
  const a = agreements.find((x) => x.code === code);
  if (!a) throw new Error(code);
  return a;
}

function expand(from: string, to: string, extendAgreements: Agreement['code'][] = []): ObligationOccurrence[] {
  return expandObligations(rules, agreements, { from, to, extendAgreements });
}

function byId(list: ObligationOccurrence[], id: string): ObligationOccurrence {
  const o = list.find((x) => x.id === id);
  if (!o) throw new Error(`occurrence ${id} not found; got ${list.map((x) => x.id).join(', ')}`);
  return o;
}

describe('agreementValidity', () => {
  it('convention cadre 2022: the year 2022, no renewal', () => {
    expect(agreementValidity(agreement('convention-cadre-sdat-2022'))).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });

  it('Adoma: signed 24/05/2023 for 1 year, tacit renewal → open-ended', () => {
    expect(agreementValidity(agreement('ccas-dijon-adoma-2023'))).toEqual({ start: '2023-05-24', end: null });
  });

  it('Carsat: signed 05/02/2014 for 3 years renewable once → at most until 04/02/2020', () => {
    expect(agreementValidity(agreement('ccas-dijon-carsat-2014'))).toEqual({ start: '2014-02-05', end: '2020-02-04' });
  });

  it('CAF: 2016-2017; Pacte: 2020', () => {
    expect(agreementValidity(agreement('caf-grand-dijon-2016-2017'))).toEqual({ start: '2016-01-01', end: '2017-12-31' });
    expect(agreementValidity(agreement('pacte-solidarite-dijon-metropole-2020'))).toEqual({ start: '2020-01-01', end: '2020-12-31' });
  });
});

describe('expandObligations – convention cadre, year 2022', () => {
  const occ = expand('2021-01-01', '2023-12-31');

  it('forecast budget 2022 due 1 December 2021 (N-1), for each programme', () => {
    for (const p of ['acor-centre-ville', 'acor-dijon-metropole', 'emas']) {
      const o = byId(occ, `${p}-forecast-budget:2022`);
      expect(o).toMatchObject({ kind: 'forecast_budget', periodYear: 2022, dueDate: '2021-12-01', programmeCode: p, responsibleOrgCodes: ['sdat'] });
    }
  });

  it('annual report 2022 due 15 March 2023 (N+1)', () => {
    for (const p of ['acor-centre-ville', 'acor-dijon-metropole', 'emas']) {
      expect(byId(occ, `${p}-annual-report:2022`)).toMatchObject({ kind: 'annual_report', dueDate: '2023-03-15' });
    }
    expect(byId(occ, 'acor-centre-ville-annual-report:2022').recipientOrgCodes).toEqual(['ccas-dijon']);
    expect(byId(occ, 'emas-annual-report:2022').recipientOrgCodes).toEqual(['dijon-metropole', 'ars-bfc']);
  });

  it('technical committee by 31 March 2023 for both ACOR; steering committee for EMAS', () => {
    expect(byId(occ, 'acor-centre-ville-technical-committee:2022')).toMatchObject({ kind: 'technical_committee', dueDate: '2023-03-31' });
    expect(byId(occ, 'acor-dijon-metropole-technical-committee:2022')).toMatchObject({ kind: 'technical_committee', dueDate: '2023-03-31' });
    expect(byId(occ, 'emas-steering-committee:2022')).toMatchObject({ kind: 'steering_committee', dueDate: '2023-03-31' });
    expect(occ.find((o) => o.id.startsWith('emas-technical-committee'))).toBeUndefined();
  });

  it("the préfet's yearly monitoring committee has no date in the text", () => {
    const o = byId(occ, 'convention-cadre-monitoring-committee:2022-1');
    expect(o.dueDate).toBeNull();
    expect(o.dueDateRule).toContain('date non fixée par le texte');
    expect([o.windowStart, o.windowEnd]).toEqual(['2022-01-01', '2022-12-31']);
  });

  it('Fonds Vie Sociale: two half-yearly presentations for each ACOR', () => {
    expect(occ.filter((o) => o.ruleId === 'acor-centre-ville-social-life-fund-review').map((o) => [o.windowStart, o.windowEnd])).toEqual([
      ['2022-01-01', '2022-06-30'],
      ['2022-07-01', '2022-12-31'],
    ]);
  });

  it('CCA: monthly, last Tuesday, from July 2022 (rules approved 28/06/2022), first review 4 months later', () => {
    expect(occ.filter((o) => o.ruleId === 'cca-monthly-meeting').map((o) => o.dueDate)).toEqual([
      '2022-07-26',
      '2022-08-30',
      '2022-09-27',
      '2022-10-25',
      '2022-11-29',
      '2022-12-27',
    ]);
    expect(byId(occ, 'cca-first-review:2022').dueDate).toBe('2022-10-28');
  });

  it('nothing for 2023 since the convention cadre covers 2022 only', () => {
    expect(occ.filter((o) => o.agreementCode === 'convention-cadre-sdat-2022' && o.periodYear !== 2022)).toEqual([]);
    expect(occ.some((o) => o.beyondPrintedValidity)).toBe(false);
  });

  it('Pacte 2020: execution report and joint evaluation by 31 March 2021', () => {
    expect(byId(occ, 'pacte-execution-report:2020')).toMatchObject({ dueDate: '2021-03-31', responsibleOrgCodes: ['dijon-metropole'], recipientOrgCodes: ['etat'] });
    expect(byId(occ, 'pacte-joint-evaluation:2020').dueDate).toBe('2021-03-31');
  });

  it('is sorted by date', () => {
    const dates = occ.map((o) => o.dueDate ?? o.windowEnd);
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('expandObligations – 2026', () => {
  const occ2026 = expand('2026-01-01', '2026-12-31');

  it('only the Adoma agreement (tacit renewal) is still running', () => {
    expect([...new Set(occ2026.map((o) => o.agreementCode))]).toEqual(['ccas-dijon-adoma-2023']);
  });

  it('Adoma: 6 bimonthly points, 2 half-yearly coordination times, 1 steering committee, all undated', () => {
    const count = (ruleId: string) => occ2026.filter((o) => o.ruleId === ruleId).length;
    expect(count('adoma-bimonthly-coordination')).toBe(6);
    expect(count('adoma-half-yearly-coordination')).toBe(2);
    expect(count('adoma-steering-committee')).toBe(1);
    expect(occ2026.every((o) => o.dueDate === null)).toBe(true);
    // contract year 24/05/2025 – 23/05/2026
    expect(occ2026.find((o) => o.ruleId === 'adoma-steering-committee')).toMatchObject({ windowStart: '2025-05-24', windowEnd: '2026-05-23', periodYear: 2025 });
  });

  it('Carsat (3 years renewable once, from 05/02/2014) is over', () => {
    expect(occ2026.filter((o) => o.agreementCode === 'ccas-dijon-carsat-2014')).toEqual([]);
  });

  it('with the convention cadre extended: BP 2026 due 01/12/2025, report 2026 due 15/03/2027, committee by 31/03/2027', () => {
    const occ = expand('2025-01-01', '2027-12-31', ['convention-cadre-sdat-2022']);
    expect(byId(occ, 'acor-centre-ville-forecast-budget:2026')).toMatchObject({ dueDate: '2025-12-01', beyondPrintedValidity: true });
    expect(byId(occ, 'acor-centre-ville-annual-report:2026').dueDate).toBe('2027-03-15');
    expect(byId(occ, 'acor-dijon-metropole-technical-committee:2026').dueDate).toBe('2027-03-31');
    expect(byId(occ, 'emas-steering-committee:2026').dueDate).toBe('2027-03-31');
    expect(byId(occ, 'cca-monthly-meeting:2026-03').dueDate).toBe('2026-03-31');
    expect(occ.filter((o) => o.agreementCode === 'convention-cadre-sdat-2022').every((o) => o.beyondPrintedValidity)).toBe(true);
  });

  it('with the convention cadre extended, in 2026: report 2025 due 15/03/2026 and BP 2027 due 01/12/2026', () => {
    const occ = expand('2026-01-01', '2026-12-31', ['convention-cadre-sdat-2022']);
    expect(byId(occ, 'emas-annual-report:2025').dueDate).toBe('2026-03-15');
    expect(byId(occ, 'emas-forecast-budget:2027').dueDate).toBe('2026-12-01');
    expect(occ.filter((o) => o.ruleId === 'cca-monthly-meeting')).toHaveLength(12);
  });
});

describe('expandObligations – other agreements', () => {
  it('Carsat: a steering committee per contract year and at least two technical committees, until 04/02/2020', () => {
    const occ = expand('2010-01-01', '2030-12-31').filter((o) => o.agreementCode === 'ccas-dijon-carsat-2014');
    expect(occ.filter((o) => o.ruleId === 'carsat-steering-committee')).toHaveLength(6);
    expect(occ.filter((o) => o.ruleId === 'carsat-technical-committee')).toHaveLength(12);
    expect(occ.every((o) => o.windowEnd <= '2020-02-04')).toBe(true);
    expect(byId(occ, 'carsat-technical-committee:2014-1').dueDateRule).toMatch(/^Au moins 2 fois par an/);
  });

  it('Adoma: shared evaluation of the first year on 24/05/2024', () => {
    expect(byId(expand('2024-01-01', '2024-12-31'), 'adoma-first-year-evaluation:2023').dueDate).toBe('2024-05-24');
  });

  it('CAF: at least one technical committee over 2016-2017, no date', () => {
    const o = byId(expand('2016-01-01', '2017-12-31'), 'caf-technical-committee:2016-1');
    expect(o).toMatchObject({ dueDate: null, windowStart: '2016-01-01', windowEnd: '2017-12-31' });
  });

  it('Pacte action 2.1: progress reviews every two months from 1 June 2020', () => {
    const occ = expand('2020-01-01', '2020-12-31').filter((o) => o.ruleId === 'pacte-action-2-1-progress-review');
    expect(occ.map((o) => [o.windowStart, o.windowEnd])).toEqual([
      ['2020-06-01', '2020-07-31'],
      ['2020-08-01', '2020-09-30'],
      ['2020-10-01', '2020-11-30'],
      ['2020-12-01', '2020-12-31'],
    ]);
  });

  it('returns nothing for an empty or inverted range and rejects malformed dates', () => {
    expect(expand('2022-05-01', '2022-04-30')).toEqual([]);
    expect(() => expand('2022-13-01', '2022-12-31')).toThrow();
  });
});
