import { referenceData } from './data';
import { findReconciliationFindings } from './reconciliation';
import type { ReconciliationFinding, ReferenceData } from './types';

const findings = findReconciliationFindings(referenceData);

function get(code: string): ReconciliationFinding {
  const f = findings.find((x) => x.code === code);
  if (!f) throw new Error(`finding ${code} not found; got ${findings.map((x) => x.code).join(', ')}`);
  return f;
}

function clone(): ReferenceData {
  return structuredClone(referenceData);
}

const EXPECTED_CODES = [
  'acor-centre-ville-2022-income-74-subtotal',
  'acor-centre-ville-2022-income-74-line-subvention-etat-ddcs-poste-renfort-jusqu-en-05-2022-in-subtotal-column',
  'acor-centre-ville-2022-income-total-vs-subtotals',
  'acor-dijon-metropole-2022-head-office-fees-cap',
  'acor-dijon-metropole-2022-budget-title',
  'acor-centre-ville-staff-future-job-contract-and-reinforcement-not-fte',
  'acor-centre-ville-pilot-ccas-dijon-not-signatory',
  'acor-dijon-metropole-staff-social-worker-not-fte',
  'acor-centre-ville-2022-funding-etat-credits-bop-177-breakdown',
  'acor-centre-ville-2022-funding-ville-dijon-vs-budget',
  'acor-centre-ville-2022-funding-dijon-metropole-missing-from-summary',
  'acor-dijon-metropole-2022-funding-dijon-metropole-lutte-contre-la-pauvrete-stream',
  'emas-2022-funding-unlisted-funders',
  'convention-cadre-sdat-2022-preambule-funder-list',
  'pacte-solidarite-dijon-metropole-2020-cross-reference-article-5',
  'ccas-dijon-adoma-2023-signatory-adoma-representative',
  'ccas-dijon-adoma-2023-renewal-wording',
  'pacte-solidarite-dijon-metropole-2020-action-1-1-title',
  'pacte-solidarite-dijon-metropole-2020-action-1-4-title',
  'pacte-solidarite-dijon-metropole-2020-action-2-1-title',
  'pacte-solidarite-dijon-metropole-2020-action-2-2-title',
  'pacte-solidarite-dijon-metropole-2020-action-3-1-title',
  'caf-grand-dijon-2016-2017-rehousing-breakdown',
];

describe('findReconciliationFindings – the documents as transcribed', () => {
  it('returns exactly the expected findings, with unique codes', () => {
    expect(findings.map((f) => f.code)).toEqual(EXPECTED_CODES);
    expect(new Set(findings.map((f) => f.code)).size).toBe(findings.length);
  });

  it('writes every finding with a French message and location', () => {
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.location).toMatch(/Annexe|Convention|Pacte/);
      if (f.printedCents !== undefined && f.computedCents !== undefined) {
        expect(f.differenceCents).toBe(f.printedCents - f.computedCents);
      }
    }
  });

  describe('Annexe 1 – ACOR Centre Ville', () => {
    it('group 74: printed 652 913 € but its lines sum to 675 281 €', () => {
      // 198 000 + 184 474 + 163 956 + 25 000 + 38 000 + 43 483 + 22 368 = 675 281 ; 652 913 − 675 281 = −22 368
      const f = get('acor-centre-ville-2022-income-74-subtotal');
      expect(f).toMatchObject({
        severity: 'error',
        check: 'budget_group_subtotal',
        location: 'Annexe 1 – ACOR Centre Ville, budget 2022, groupe 74',
        printedCents: 65291300,
        computedCents: 67528100,
        differenceCents: -2236800,
      });
      expect(f.message).toContain('poste renfort');
    });

    it('the "poste renfort" line is printed twice (amount also in the subtotal column)', () => {
      const f = get('acor-centre-ville-2022-income-74-line-subvention-etat-ddcs-poste-renfort-jusqu-en-05-2022-in-subtotal-column');
      expect(f).toMatchObject({ severity: 'warning', printedValue: '22 368', computedValue: '22 368' });
    });

    it('total income 679 241 € = Σ lines but ≠ Σ printed subtotals 656 873 €', () => {
      // 70: 3 960 + 74: 652 913 = 656 873 ; 679 241 − 656 873 = 22 368 ; Σ lines = 3 960 + 675 281 = 679 241
      expect(get('acor-centre-ville-2022-income-total-vs-subtotals')).toMatchObject({
        severity: 'warning',
        printedCents: 67924100,
        computedCents: 65687300,
        differenceCents: 2236800,
      });
      expect(findings.find((f) => f.code === 'acor-centre-ville-2022-income-total-vs-lines')).toBeUndefined();
    });

    it('funding table gives 382 474 € to the Ville; the budget has Ville 198 000 € + Métropole 184 474 €', () => {
      // 382 474 − 198 000 = 184 474 = the Métropole line, absent from the table
      expect(get('acor-centre-ville-2022-funding-ville-dijon-vs-budget')).toMatchObject({
        severity: 'error',
        printedCents: 38247400,
        computedCents: 19800000,
        differenceCents: 18447400,
      });
      expect(get('acor-centre-ville-2022-funding-dijon-metropole-missing-from-summary')).toMatchObject({
        severity: 'error',
        printedCents: 0,
        computedCents: 18447400,
        differenceCents: -18447400,
      });
    });

    it('État breakdown 122 906 + 104 050 = 226 956 € ≠ 292 807 €', () => {
      // 292 807 − 226 956 = 65 851 = 43 483 (Ségur) + 22 368 (poste renfort)
      const f = get('acor-centre-ville-2022-funding-etat-credits-bop-177-breakdown');
      expect(f).toMatchObject({ severity: 'error', printedCents: 29280700, computedCents: 22695600, differenceCents: 6585100 });
      expect(f.message).toContain('270\u00a0439\u00a0€'); // fr-FR: no-break spaces (@sdat/format)
      expect(f.message).toContain('22\u00a0368\u00a0€');
    });

    it('the État total itself matches the budget: 163 956 + 25 000 + 38 000 + 43 483 + 22 368 = 292 807', () => {
      expect(findings.find((f) => f.code.startsWith('acor-centre-ville-2022-funding-etat-vs-budget'))).toBeUndefined();
    });

    it('"1 emploi d\'avenir et temps de renfort" is not in FTE (10,50 FTE = 0,15 + 1,00 + 0,35 + 9 for the others)', () => {
      const f = get('acor-centre-ville-staff-future-job-contract-and-reinforcement-not-fte');
      expect(f).toMatchObject({ severity: 'warning', computedValue: 'posts' });
      expect(f.message).toContain('10,50 ETP');
    });

    it('its pilot, the CCAS de Dijon, is not a signatory (article 4: pilot chosen among signatories)', () => {
      expect(get('acor-centre-ville-pilot-ccas-dijon-not-signatory')).toMatchObject({ severity: 'warning', printedValue: 'CCAS de Dijon' });
    });
  });

  describe('Annexe 2 – ACOR Dijon Métropole', () => {
    it('budget titled "ACOR GRAND DIJON BUDGET 2022"', () => {
      expect(get('acor-dijon-metropole-2022-budget-title')).toMatchObject({
        severity: 'warning',
        printedValue: 'ACOR GRAND DIJON BUDGET 2022',
        computedValue: 'ACOR Dijon Métropole',
      });
    });

    it('"8 postes d\'intervenants sociaux" is in posts (3,20 FTE = 0,20 + 2 + 1 for the others)', () => {
      const f = get('acor-dijon-metropole-staff-social-worker-not-fte');
      expect(f.message).toContain('3,20 ETP');
    });

    it('head-office fees 37 586 € exceed 5 % of the other expenses (741 284 €) but not of the total', () => {
      // 778 870 − 37 586 = 741 284 ; 5 % = 37 064,20 ; 37 586 − 37 064,20 = 521,80 ; 37 586 / 741 284 = 5,07 % ; / 778 870 = 4,83 %
      expect(get('acor-dijon-metropole-2022-head-office-fees-cap')).toMatchObject({
        severity: 'info',
        printedCents: 3758600,
        computedCents: 3706420,
        differenceCents: 52180,
        computedValue: '5,07 %',
      });
    });

    it('"lutte contre la pauvreté": 57 630 € in the table, 57 630 + 3 953 = 61 583 € in the budget (same Métropole total)', () => {
      // Métropole table: 517 153 + 57 630 = 574 783 ; budget: 111 572 + 401 628 + 57 630 + 3 953 = 574 783
      expect(get('acor-dijon-metropole-2022-funding-dijon-metropole-lutte-contre-la-pauvrete-stream')).toMatchObject({
        severity: 'info',
        printedCents: 5763000,
        computedCents: 6158300,
        differenceCents: -395300,
      });
    });

    it('funders and Ségur parts otherwise match: État 40 000 + 101 937 = 141 937 = 35 577 + 40 000 + 66 360', () => {
      expect(findings.filter((f) => f.programmeCode === 'acor-dijon-metropole' && f.check === 'funding_vs_budget_funder')).toEqual([]);
      expect(findings.filter((f) => f.check === 'funding_segur_vs_budget' || f.check === 'budget_segur_balance')).toEqual([]);
    });
  });

  describe('Annexe 3 – EMAS', () => {
    it('only the 5 signatory funders are listed: 122 419 € of 184 913 € subsidies, 62 494 € from the 8 others', () => {
      // 22 651 + 1 975 + 29 040 + 35 753 + 33 000 = 122 419 ; 174 240 + 10 673 = 184 913 ; 184 913 − 122 419 = 62 494 ; 13 − 5 = 8
      const f = get('emas-2022-funding-unlisted-funders');
      expect(f).toMatchObject({ severity: 'info', printedCents: 12241900, computedCents: 18491300, differenceCents: -6249400 });
      expect(f.message).toContain('8 autres financeurs');
    });

    it('Ségur: 4 896 + 5 272 + 505 = 10 673 € in expenses = 10 673 € of income (no finding)', () => {
      expect(findings.filter((f) => f.programmeCode === 'emas' && f.severity !== 'info')).toEqual([]);
    });
  });

  describe('Convention cadre – general', () => {
    it('the preamble lists the co-funders without the CCAS de Chenôve (which funds ACOR DM and EMAS)', () => {
      const f = get('convention-cadre-sdat-2022-preambule-funder-list');
      expect(f.severity).toBe('info');
      expect(f.message).toContain('CCAS de Chenôve');
    });
  });

  describe('other documents', () => {
    it('Pacte: article 5 cites article 4 for the execution report, which is in article 2.4', () => {
      expect(get('pacte-solidarite-dijon-metropole-2020-cross-reference-article-5')).toMatchObject({
        severity: 'warning',
        printedValue: "l'article 4",
        computedValue: 'article 2.4',
      });
    });

    it('Pacte: amounts add up (Σ État = Σ Métropole = 200 000 €, budget estimé = État + Métropole, parity) — no finding', () => {
      // 76 000 + 7 500 + 5 000 + 6 000 + 7 500 + 66 500 + 7 000 + 5 225 + 15 000 + 4 275 = 200 000
      expect(findings.filter((f) => ['pacte_totals', 'pacte_estimated_budget', 'pacte_parity'].includes(f.check))).toEqual([]);
    });

    it('Pacte: 5 actions have a different title in annex 1 and in their fiche', () => {
      expect(findings.filter((f) => f.check === 'pacte_action_title').map((f) => f.code.replace(/.*-action-/, ''))).toEqual([
        '1-1-title',
        '1-4-title',
        '2-1-title',
        '2-2-title',
        '3-1-title',
      ]);
    });

    it('Adoma: heading names Katy BOUKHARI, signature block Véronique Poncin; renewal "expressément par tacite reconduction"', () => {
      expect(get('ccas-dijon-adoma-2023-signatory-adoma-representative')).toMatchObject({
        printedValue: 'Katy BOUKHARI',
        computedValue: 'Véronique Poncin',
      });
      expect(get('ccas-dijon-adoma-2023-renewal-wording').severity).toBe('info');
    });

    it('CAF: named rehousing operations ≈ 50 + 33 + 40 = 123 households of 220 (Guynemer not quantified)', () => {
      expect(get('caf-grand-dijon-2016-2017-rehousing-breakdown')).toMatchObject({ severity: 'info', printedValue: 220, computedValue: 123 });
    });
  });
});

describe('findReconciliationFindings – computes, does not hard-code', () => {
  it('is pure: same input, same output, input untouched', () => {
    const data = clone();
    const before = JSON.stringify(data);
    expect(findReconciliationFindings(data)).toEqual(findings);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('a corrected subtotal makes the group-74 finding disappear', () => {
    const data = clone();
    const g = data.budgets[0]?.groups.find((x) => x.groupCode === '74');
    if (!g) throw new Error('group');
    g.printedSubtotalCents = 67528100;
    const codes = findReconciliationFindings(data).map((f) => f.code);
    expect(codes).not.toContain('acor-centre-ville-2022-income-74-subtotal');
    expect(codes).not.toContain('acor-centre-ville-2022-income-total-vs-subtotals');
  });

  it('a changed line amount produces a subtotal and a total finding with the new gap', () => {
    const data = clone();
    const line = data.budgets[1]?.groups.find((x) => x.groupCode === '60')?.lines[0];
    if (!line) throw new Error('line');
    line.amountCents = (line.amountCents ?? 0) + 100; // +1 €
    const out = findReconciliationFindings(data);
    expect(out.find((f) => f.code === 'acor-dijon-metropole-2022-expenses-60-subtotal')).toMatchObject({
      printedCents: 1365400,
      computedCents: 1365500,
      differenceCents: -100,
    });
    expect(out.find((f) => f.code === 'acor-dijon-metropole-2022-expenses-total-vs-lines')).toMatchObject({ differenceCents: -100 });
  });

  it('a Ségur earmark out of balance is reported', () => {
    const data = clone();
    const personnel = data.budgets[2]?.groups.find((x) => x.groupCode === '63/64');
    const e = personnel?.earmarked?.[0];
    if (!e) throw new Error('earmark');
    e.amountCents += 1000;
    expect(findReconciliationFindings(data).find((f) => f.code === 'emas-2022-segur-balance')).toMatchObject({
      printedCents: 1067300,
      computedCents: 1068300,
    });
  });

  it('making the CCAS de Dijon a signatory removes the pilot finding', () => {
    const data = clone();
    data.agreements[0]?.signatories.push({ orgCode: 'ccas-dijon', role: 'partner', printedParty: 'x', representedBy: null, signedBy: null });
    expect(findReconciliationFindings(data).map((f) => f.code)).not.toContain('acor-centre-ville-pilot-ccas-dijon-not-signatory');
  });

  it('a Pacte amount changed breaks totals, parity and the estimated budget', () => {
    const data = clone();
    const action = data.pacte.actions[0];
    if (!action) throw new Error('action');
    action.metropoleAmountCents -= 100000; // −1 000 €
    const checks = findReconciliationFindings(data).map((f) => f.check);
    expect(checks).toContain('pacte_totals');
    expect(checks).toContain('pacte_parity');
    expect(checks).toContain('pacte_estimated_budget');
  });

  it('an exhaustive capacity breakdown that does not add up is reported', () => {
    const data = clone();
    const target = data.programmes.find((p) => p.code === 'emas')?.capacityTargets[0];
    if (!target) throw new Error('target');
    target.value = 41;
    expect(findReconciliationFindings(data).find((f) => f.check === 'capacity_breakdown')).toMatchObject({
      printedValue: 41,
      computedValue: 40,
    });
  });
});
