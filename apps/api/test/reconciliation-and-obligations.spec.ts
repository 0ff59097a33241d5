import { findReconciliationFindings, referenceData } from '@sdat/reference-data';
import type { ObligationsResponse, ObligationView, ReconciliationFindingView } from '@sdat/api-types';
import { signIn, signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

describe('reconciliation findings and obligations, through the API', () => {
  let t: TestApp;
  let http: SignedIn;
  /** Readers whose scopes together cover every agreement of the seeds. */
  let readers: SignedIn[];
  beforeAll(async () => {
    t = await startTestApp();
    http = await signInOperator(t);
    readers = [http, await signIn(t, 'monitoring_committee', 'etat'), await signIn(t, 'pilot', 'ccas-dijon'), await signIn(t, 'funder', 'caf-21')];
  });
  afterAll(async () => t?.close());

  describe('GET /api/reconciliation', () => {
    let findings: ReconciliationFindingView[];
    beforeAll(async () => {
      findings = (await http.get('/api/reconciliation').expect(200)).body;
    });

    it('exposes to each reader every finding of its scope computed on the seed documents, and together all of them', async () => {
      const expected = findReconciliationFindings(referenceData);
      const seen = new Map<string, ReconciliationFindingView>();
      for (const reader of readers) {
        const me = (await reader.get('/api/auth/me').expect(200)).body as { programmes: string[]; agreements: string[] };
        const mine = (await reader.get('/api/reconciliation').expect(200)).body as ReconciliationFindingView[];
        const inScope = expected.filter(
          (e) => me.agreements.includes(e.agreementCode) && (e.programmeCode == null || me.programmes.includes(e.programmeCode)),
        );
        expect(mine.map((f) => f.code).sort()).toEqual(inScope.map((f) => f.code).sort());
        for (const f of mine) seen.set(f.code, f);
      }
      expect([...seen.keys()].sort()).toEqual(expected.map((f) => f.code).sort());
      for (const e of expected) {
        const got = seen.get(e.code);
        expect(got).toMatchObject({
          severity: e.severity,
          agreementCode: e.agreementCode,
          programmeCode: e.programmeCode ?? null,
          printedCents: e.printedCents ?? null,
          computedCents: e.computedCents ?? null,
          differenceCents: e.differenceCents ?? null,
          message: e.message,
        });
      }
    });

    // Values below are read from seed 001 by hand (see the arithmetic), not from the code.
    it('ACOR Centre Ville: group 74 printed 652 913 € but its lines add up to 675 281 €', () => {
      const f = findings.find((x) => x.code === 'acor-centre-ville-2022-income-74-subtotal');
      expect(f).toMatchObject({ printedCents: 652_913_00, computedCents: 675_281_00, differenceCents: -22_368_00, severity: 'error' });
    });

    it('ACOR Centre Ville: the funding table gives the Ville 382 474 € where the budget has 198 000 €', () => {
      const f = findings.find((x) => x.code === 'acor-centre-ville-2022-funding-ville-dijon-vs-budget');
      // 382 474 − 198 000 = 184 474 = the Métropole's budget line
      expect(f).toMatchObject({ printedCents: 382_474_00, computedCents: 198_000_00, differenceCents: 184_474_00 });
    });

    it('ACOR Centre Ville: Dijon Métropole funds 184 474 € in the budget but is missing from the funding table', () => {
      expect(findings.some((x) => x.code === 'acor-centre-ville-2022-funding-dijon-metropole-missing-from-summary')).toBe(true);
    });

    it('ACOR Centre Ville: the État breakdown 122 906 + 104 050 does not add up to 292 807 €', () => {
      const f = findings.find((x) => x.code === 'acor-centre-ville-2022-funding-etat-credits-bop-177-breakdown');
      expect(f?.printedCents).toBe(292_807_00);
    });

    it('staff lines counted in posts, not FTE, are reported for ACOR Centre Ville and ACOR Dijon Métropole', () => {
      expect(findings.filter((x) => x.field.includes('staff') || /postes?|ETP/i.test(x.message)).map((x) => x.programmeCode)).toEqual(
        expect.arrayContaining(['acor-centre-ville', 'acor-dijon-metropole']),
      );
    });

    it('the pilot of ACOR Centre Ville (CCAS de Dijon) is not a signatory of the convention', () => {
      expect(findings.some((x) => x.code === 'acor-centre-ville-pilot-ccas-dijon-not-signatory')).toBe(true);
    });

    it('the agreement page carries its own findings', async () => {
      const detail = (await http.get('/api/agreements/convention-cadre-sdat-2022').expect(200)).body;
      expect(detail.findings.length).toBe(findings.filter((f) => f.agreementCode === 'convention-cadre-sdat-2022').length);
      expect(detail.programmes.map((p: { code: string }) => p.code)).toEqual(['acor-centre-ville', 'acor-dijon-metropole', 'emas']);
    });
  });

  describe('GET /api/obligations', () => {
    const find = (list: ObligationView[], ruleCode: string, periodYear: number) =>
      list.filter((o) => o.ruleCode === ruleCode && o.periodYear === periodYear);

    it('computes the 2022 deadlines of the convention cadre from its rules', async () => {
      const body: ObligationsResponse = (await http.get('/api/obligations?from=2021-01-01&to=2023-12-31').expect(200)).body;
      for (const code of ['acor-centre-ville', 'acor-dijon-metropole', 'emas']) {
        // Annexes: BP for N sent by 1 December N-1; bilan by 15 March N+1.
        expect(find(body.obligations, `${code}-forecast-budget`, 2022).map((o) => o.dueDate)).toEqual(['2021-12-01']);
        expect(find(body.obligations, `${code}-annual-report`, 2022).map((o) => o.dueDate)).toEqual(['2023-03-15']);
      }
      // Technical committee by 31 March (N+1) for the ACOR programmes; EMAS has a steering committee instead.
      expect(find(body.obligations, 'acor-centre-ville-technical-committee', 2022).map((o) => o.dueDate)).toEqual(['2023-03-31']);
      expect(find(body.obligations, 'emas-steering-committee', 2022).map((o) => o.dueDate)).toEqual(['2023-03-31']);
      // The 2022 forecast budget is in the database: that obligation is met.
      expect(find(body.obligations, 'emas-forecast-budget', 2022)[0]?.status).toBe('remis');
      // The préfet's yearly monitoring committee has no printed date.
      const monitoring = find(body.obligations, 'convention-cadre-monitoring-committee', 2022);
      expect(monitoring.length).toBe(1);
      expect(monitoring[0]).toMatchObject({ dueDate: null, status: 'sans_date' });
      // Sorted by date.
      const dated = body.obligations.map((o) => o.dueDate ?? o.windowEnd);
      expect(dated).toEqual([...dated].sort());
    });

    it('computes the current year from the same rules, the convention cadre carried on when asked', async () => {
      const year = new Date().getUTCFullYear();
      const ccas = readers[2];
      const body: ObligationsResponse = (
        await http.get(`/api/obligations?from=${year}-01-01&to=${year}-12-31&extend=convention-cadre-sdat-2022`).expect(200)
      ).body;
      const report = find(body.obligations, 'acor-dijon-metropole-annual-report', year - 1);
      expect(report.map((o) => o.dueDate)).toEqual([`${year}-03-15`]);
      expect(report[0]?.beyondPrintedValidity).toBe(true);
      expect(find(body.obligations, 'acor-dijon-metropole-forecast-budget', year + 1).map((o) => o.dueDate)).toEqual([`${year}-12-01`]);
      // Adoma's agreement (2023, tacit renewal, signed by the CCAS de Dijon) is still running: its bimonthly coordination points are there.
      const adoma: ObligationsResponse = (await ccas.get(`/api/obligations?from=${year}-01-01&to=${year}-12-31`).expect(200)).body;
      expect(body.obligations.filter((o) => o.ruleCode === 'adoma-bimonthly-coordination')).toEqual([]);
      expect(adoma.obligations.filter((o) => o.ruleCode === 'adoma-bimonthly-coordination').length).toBeGreaterThanOrEqual(5);
      // Without extension the expired convention cadre produces nothing this year.
      const plain: ObligationsResponse = (await http.get(`/api/obligations?from=${year}-01-01&to=${year}-12-31`).expect(200)).body;
      expect(plain.obligations.filter((o) => o.agreementCode === 'convention-cadre-sdat-2022')).toEqual([]);
    });

    it('rejects a malformed period in French', async () => {
      const res = await http.get('/api/obligations?from=2022-13&to=2022-01-01').expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/AAAA-MM-JJ/);
      await http.get('/api/obligations?from=2023-01-01&to=2022-01-01').expect(400);
    });
  });
});

describe('agreement-level compliance checks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('Pacte de solidarité 2020: Métropole ≥ État holds, each side 200 000 €', async () => {
    const body = (await (await signIn(t, 'monitoring_committee', 'etat')).get('/api/agreements/pacte-solidarite-dijon-metropole-2020/checks').expect(200)).body;
    const parity = body.checks.find((c: { code: string }) => c.code === 'pacte_parity');
    expect(parity.passed).toBe(true);
    // Annexe 1 of the Pacte: État 200 000 € and Métropole 200 000 € over the actions.
    const text = JSON.stringify(parity);
    expect(text).toContain('20000000');
  });

  it('an agreement without funded actions has no such check', async () => {
    const body = (await (await signIn(t, 'pilot', 'ccas-dijon')).get('/api/agreements/ccas-dijon-carsat-2014/checks').expect(200)).body;
    expect(body.checks).toEqual([]);
  });
});
