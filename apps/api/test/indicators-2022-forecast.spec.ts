import type { IndicatorValue, ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { CATALOGUE } from '@sdat/indicators';
import { signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Indicators of the 2022 forecast budgets of seed 001, through the API. Expected values are
 * computed by hand from the document (arithmetic in the comments), never from the code.
 */
describe('indicators of the 2022 forecast (seed 001), through the API', () => {
  let t: TestApp;
  let http: SignedIn;
  const cache = new Map<string, IndicatorValue[]>();
  beforeAll(async () => {
    t = await startTestApp();
    http = await signInOperator(t);
  });
  afterAll(async () => t?.close());

  const indicator = async (programme: string, code: string): Promise<IndicatorValue> => {
    if (!cache.has(programme)) {
      const body: ProgrammeIndicatorsResponse = (await http.get(`/api/programmes/${programme}/indicators?year=2022&basis=forecast`).expect(200)).body;
      cache.set(programme, body.indicators);
    }
    const found = cache.get(programme)?.find((i) => i.code === code);
    if (!found) throw new Error(`${code} absent pour ${programme}`);
    return found;
  };

  it('serves the catalogue with a definition, formula and version for every code', async () => {
    const body = (await http.get('/api/indicators').expect(200)).body as typeof CATALOGUE;
    expect(body.map((d) => d.code)).toEqual(CATALOGUE.map((d) => d.code));
    for (const d of body) {
      expect(d.label).toBeTruthy();
      expect(d.definition).toBeTruthy();
      expect(d.formula).toBeTruthy();
      expect(Number.isInteger(d.version)).toBe(true);
    }
  });

  it('payroll ratio, ACOR Centre Ville 2022: 489 174 / 679 241', async () => {
    const v = await indicator('acor-centre-ville', 'payroll_ratio');
    expect(v.exact).toEqual({ numerator: 489_174, denominator: 679_241 }); // gcd(489174, 679241) = 1
    expect(v.value).toBeCloseTo(0.72018, 5);
    expect(v.provenance.inputs.some((i) => i.value === 489_174_00)).toBe(true);
  });

  it('payroll, EMAS 2022: the 63/64 group printed without detail, 82 766 €', async () => {
    const v = await indicator('emas', 'payroll');
    expect(v.value).toBe(82_766_00);
    expect(v.flags.map((f) => f.code)).toContain('group_total_used');
  });

  it('staff cost ratio, EMAS 2022: (82 766 + 74 327) / 184 913, external staff provided by partners', async () => {
    const v = await indicator('emas', 'staff_cost_ratio');
    // 82 766 + 74 327 = 157 093 → 157 093 / 184 913
    expect(v.exact).toEqual({ numerator: 157_093, denominator: 184_913 });
  });

  it('head-office fees, ACOR Dijon Métropole 2022: 37 586 € is 4,83 % of expenses but 5,07 % excluding the fees', async () => {
    const v = await indicator('acor-dijon-metropole', 'head_office_ratio');
    const shown = JSON.stringify(v);
    // 37 586 / 778 870 = 18 793 / 389 435 (both even) = 0,048257… ;
    // 37 586 / (778 870 − 37 586 = 741 284) = 18 793 / 370 642 = 0,050704…
    expect(shown).toContain('"numerator":18793,"denominator":389435');
    expect(shown).toContain('"numerator":18793,"denominator":370642');
    expect(v.status).toBe('alert');
    const cap = await indicator('acor-dijon-metropole', 'head_office_cap');
    expect(cap.passed).toBe(false);
  });

  it('head-office fees, ACOR Centre Ville 2022 stay under the 5 % cap on both bases', async () => {
    // 32 160 / 679 241 = 4,73 % ; 32 160 / 647 081 = 4,97 %
    const cap = await indicator('acor-centre-ville', 'head_office_cap');
    expect(cap.passed).toBe(true);
  });

  it('FTE, EMAS 2022: 0,08 + 0,30 + 1 + 1 + 0,40 + 0,30 = 3,08', async () => {
    const v = await indicator('emas', 'fte_total');
    expect(v.value).toBeCloseTo(3.08, 10);
  });

  it('funding by funder, EMAS 2022: the 5 signatories 122 419 € and 62 494 € from funders not listed', async () => {
    const v = await indicator('emas', 'funding_by_funder');
    const total = (v.breakdown ?? []).reduce((a, b) => a + (b.value ?? 0), 0);
    expect(total).toBe(184_913_00); // 122 419 + 62 494
    expect(JSON.stringify(v.breakdown)).toContain('6249400');
  });

  it('result indicators on the forecast basis say « no data », not zero', async () => {
    const v = await indicator('emas', 'entries');
    expect(v.value).toBeNull();
    expect(v.flags.map((f) => f.code)).toContain('no_data');
    expect(v.reason).toBeTruthy();
  });

  it('one indicator with its provenance, and French 404s', async () => {
    const one = (await http.get('/api/programmes/acor-centre-ville/indicators/payroll_ratio?year=2022&basis=forecast').expect(200)).body as IndicatorValue;
    expect(one.code).toBe('payroll_ratio');
    expect(one.provenance.formulaText).toMatch(/489/);
    expect((await http.get('/api/programmes/acor-centre-ville/indicators/inconnu?year=2022').expect(404)).body.message).toMatch(/Indicateur inconnu/);
  });
});
