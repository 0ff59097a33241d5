import { referenceData, sumCents, type ReferenceData } from '@sdat/reference-data';
import type { BudgetView, FundingView, ProgrammeDetail, ProgrammeSummary } from '@sdat/api-types';
import { DataSource } from 'typeorm';
import { loadReferenceData } from '../src/reference/reference-loader';
import { signInOperator, type SignedIn } from './support/session';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The database holds the seed documents line by line. Chain of proof: the reference-data lib's own
 * specs compare its transcription with the raw text of shared/seeds; here every transcribed line must
 * be in the database through the API, and the printed grand totals — typed below from the document —
 * must equal the sum of the lines.
 */
describe('reference data loaded from the seed documents', () => {
  let t: TestApp;
  let http: SignedIn;
  beforeAll(async () => {
    t = await startTestApp();
    http = await signInOperator(t);
  });
  afterAll(async () => t?.close());

  const budgetOf = async (code: string): Promise<BudgetView> =>
    (await http.get(`/api/programmes/${code}/budgets?year=2022&basis=forecast`).expect(200)).body;

  it('lists the three programmes of the convention cadre 2022 with stable codes', async () => {
    const res = await http.get('/api/programmes').expect(200);
    const codes = (res.body as ProgrammeSummary[]).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['acor-centre-ville', 'acor-dijon-metropole', 'emas']));
    const cv = (res.body as ProgrammeSummary[]).find((p) => p.code === 'acor-centre-ville');
    expect(cv?.operator.code).toBe('sdat');
    expect(cv?.pilots.map((p) => p.code)).toEqual(['ccas-dijon']);
    const dm = (res.body as ProgrammeSummary[]).find((p) => p.code === 'acor-dijon-metropole');
    expect(dm?.pilots.map((p) => p.role).sort()).toEqual(['co_pilot', 'co_pilot']);
  });

  // Grand totals as printed in seed 001 ("TOTAL DES CHARGES").
  const printedTotals: [string, number][] = [
    ['acor-centre-ville', 679_241_00],
    ['acor-dijon-metropole', 778_870_00],
    ['emas', 184_913_00],
  ];
  it.each(printedTotals)('%s: the printed total of expenses equals the sum of its lines', async (code, printed) => {
    const budget = await budgetOf(code);
    expect(budget.totals.expenses.printedCents).toBe(printed);
    const lines = budget.groups.filter((g) => g.side === 'expenses').flatMap((g) => g.lines);
    expect(sumCents(lines.map((l) => l.amountCents ?? 0))).toBe(printed);
    expect(budget.totals.expenses.computedCents).toBe(printed);
    expect(budget.demo).toBe(false);
    expect(budget.source).toBe('document');
  });

  it.each(referenceData.budgets.map((b) => [b.programmeCode, b] as const))(
    '%s: every 2022 budget line of the document is in the database, with code, label and amount as printed',
    async (code, doc) => {
      const budget = await budgetOf(code);
      expect(budget.printedTitle).toBe(doc.title);
      expect(budget.groups.map((g) => g.groupCode)).toEqual(doc.groups.map((g) => g.groupCode));
      for (const g of doc.groups) {
        const stored = budget.groups.find((x) => x.groupCode === g.groupCode && x.side === g.side);
        expect(stored?.subtotal.printedCents).toBe(g.printedSubtotalCents);
        const storedLines = (stored?.lines ?? []).map((l) => [l.accountCode, l.label, l.amountCents]);
        if (g.lines.length === 0 && g.printedSubtotalCents !== 0) {
          // Printed without detail (e.g. 63/64 personnel): one line standing for the group.
          expect(storedLines).toEqual([[null, g.label, g.printedSubtotalCents]]);
        } else {
          expect(storedLines).toEqual(g.lines.map((l) => [l.accountCode, l.label, l.amountCents]));
        }
      }
    },
  );

  it('keeps a printed subtotal that is not the sum of its lines, beside the computed one', async () => {
    const budget = await budgetOf('acor-centre-ville');
    const g74 = budget.groups.find((g) => g.groupCode === '74');
    // Document: "74 - SUBVENTIONS D'EXPLOITATION 652 913" but its lines add up to
    // 198 000 + 184 474 + 163 956 + 25 000 + 38 000 + 43 483 + 22 368 = 675 281.
    expect(g74?.subtotal).toEqual({ printedCents: 652_913_00, computedCents: 675_281_00, differenceCents: -22_368_00 });
  });

  it.each(['acor-centre-ville', 'acor-dijon-metropole', 'emas'])('%s: the funding table of the annex is stored line by line', async (code) => {
    const funding: FundingView = (await http.get(`/api/programmes/${code}/funding?year=2022`).expect(200)).body;
    const doc = referenceData.fundings.filter((f) => f.programmeCode === code && f.year === 2022);
    expect(funding.lines.map((l) => [l.funder.code, l.amountCents, l.funderIsSignatory])).toEqual(
      doc.map((f) => [f.funderCode, f.amountCents, f.funderIsSignatory]),
    );
    expect(funding.totalCents).toBe(sumCents(doc.map((f) => f.amountCents)));
  });

  it('EMAS: only the signatories are listed, with the Ségur part of the State funding', async () => {
    const funding: FundingView = (await http.get('/api/programmes/emas/funding?year=2022').expect(200)).body;
    // Document: Ville 22 651 + CCAS Chenôve 1 975 + Métropole 29 040 + État 35 753 + ARS 33 000 = 122 419 €.
    expect(funding.totalCents).toBe(122_419_00);
    expect(funding.lines.every((l) => l.funderIsSignatory)).toBe(true);
    const state = funding.lines.find((l) => l.amountCents === 35_753_00);
    expect(state?.earmarks.map((e) => e.amountCents)).toEqual([10_673_00]);
    expect(funding.note).toMatch(/13 partenaires financeurs/);
    expect(funding.budgetIncomeCents).toBe(184_913_00);
  });

  it('stores staff as printed, posts kept apart from FTE', async () => {
    const dm: ProgrammeDetail = (await http.get('/api/programmes/acor-dijon-metropole').expect(200)).body;
    const doc2022 = (s: ProgrammeDetail['staff'][number]) => s.year === 2022 && s.basis === 'forecast' && !s.demo;
    const social = dm.staff.filter(doc2022).find((s) => /intervenants sociaux/.test(s.jobTitle));
    expect(social).toMatchObject({ quantity: 8, unit: 'posts' });
    const emas: ProgrammeDetail = (await http.get('/api/programmes/emas').expect(200)).body;
    // 0,08 + 0,30 + 1,00 + 1,00 + 0,40 + 0,30 = 3,08 ETP
    const fte = emas.staff.filter((s) => doc2022(s) && s.unit === 'fte').reduce((acc, s) => acc + Math.round((s.quantity ?? 0) * 100), 0);
    expect(fte).toBe(308);
  });

  it('answers 404 in French for an unknown programme and 400 for a bad year', async () => {
    const notFound = await http.get('/api/programmes/inconnu').expect(404);
    expect(notFound.body.message).toMatch(/Dispositif introuvable/);
    const bad = await http.get('/api/programmes/emas/budgets?year=abc').expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/année/);
    await http.get('/api/programmes/emas/budgets?year=2022&basis=autre').expect(400);
    await http.get('/api/programmes/emas/budgets?year=2022&hack=1').expect(400);
  });

  it('loading again is a no-op, and changed reference data is reloaded in one transaction', async () => {
    const ds = t.app.get(DataSource);
    const count = async () => Number((await ds.query('SELECT count(*)::int AS n FROM budget_line'))[0].n);
    const before = await count();
    expect((await loadReferenceData(ds)).loaded).toBe(false);
    expect(await count()).toBe(before);
    // A broken variant (unknown funder) must fail and leave the database as it was.
    const broken: ReferenceData = structuredClone(referenceData);
    broken.fundings[0] = { ...broken.fundings[0], funderCode: 'organisme-inexistant' } as ReferenceData['fundings'][number];
    await expect(loadReferenceData(ds, broken)).rejects.toThrow(/organisme-inexistant/);
    expect(await count()).toBe(before);
  });
});
