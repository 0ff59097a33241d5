/**
 * Faithfulness: every text the data claims to be "as printed" must be found verbatim in its
 * raw source document (compared with whitespace and simple markup removed).
 */
import { referenceData } from './data';
import { readSeed } from './testing/seed-files';
import type { SourceDocument } from './types';

const compact = (text: string): string => text.replace(/<[^>]+>/g, '').replace(/\*\*/g, '').replace(/\s+/g, '');

const documents = new Map<SourceDocument, string>(
  (['000', '001', '002', '003', '004'] as const).map((d) => [d, compact(readSeed(__dirname, `${d}_`))]),
);

function missingIn(doc: SourceDocument, texts: (string | null | undefined)[]): string[] {
  const body = documents.get(doc) ?? '';
  return texts.filter((t): t is string => !!t).filter((t) => !body.includes(compact(t)));
}

describe('printed texts are found in the source documents', () => {
  for (const agreement of referenceData.agreements) {
    it(`${agreement.code}: parties, signers, article titles, clauses, obligation sentences`, () => {
      const texts = [
        ...agreement.signatories.flatMap((s) => [s.printedParty, s.representedBy, s.signedBy]),
        ...agreement.keyArticles.map((a) => a.title),
        ...agreement.crossReferences.map((c) => c.printed),
        ...agreement.printedFunderLists.map((l) => l.printed),
        agreement.pilotRule?.printed,
        agreement.renewal.printed,
        agreement.terminationRule,
        ...referenceData.obligationRules.filter((r) => r.agreementCode === agreement.code).map((r) => r.printed),
      ];
      expect(missingIn(agreement.sourceDocument, texts)).toEqual([]);
    });
  }

  it('001: programmes (pilots, staff, capacities, indicators, public), funding notes and the CCA rules', () => {
    const texts = [
      ...referenceData.programmes.flatMap((p) => [
        p.pilotsPrinted,
        ...p.staff.map((s) => s.printed),
        ...p.capacityTargets.flatMap((c) => [c.printed, ...(c.of ?? []).map((o) => o.printed)]),
        ...p.indicators.map((i) => i.label),
        ...p.targetPublic,
      ]),
      ...referenceData.fundingSummaryNotes.map((n) => n.printed),
      ...referenceData.fundings.flatMap((f) => [...f.earmarked.map((e) => e.printed), f.breakdownPrinted]),
      ...referenceData.budgets.flatMap((b) => b.groups.flatMap((g) => [...(g.earmarked ?? []), ...g.lines.flatMap((l) => l.earmarked ?? [])].map((e) => e.printed))),
      referenceData.coordinationCommission.meetingRulePrinted,
      referenceData.coordinationCommission.referralEmail,
      ...referenceData.coordinationCommission.measures,
      ...referenceData.coordinationCommission.permanentMembers,
    ];
    expect(missingIn('001', texts)).toEqual([]);
  });

  it('003: Pacte titles, fiche contents, indicators and figures', () => {
    const p = referenceData.pacte;
    const texts = [
      ...p.axes.map((a) => `Axe ${a.number} ${a.title}`),
      p.parityRule.printed,
      ...p.actions.flatMap((a) => [
        a.tableTitle,
        `Action ${a.number}`,
        a.ficheTitle,
        a.objective,
        a.description,
        a.targetPublic,
        a.territory,
        a.timetable,
        a.estimatedBudgetPrinted,
        ...a.indicators.map((i) => i.label),
        ...a.figures.map((f) => f.printed),
      ]),
    ];
    expect(missingIn('003', texts)).toEqual([]);
  });

  it('002: CAF axes, targets and rehousing operations', () => {
    const c = referenceData.cafTargets;
    const texts = [...c.interventionAxes, ...c.housingAxes, ...c.numericTargets.map((t) => t.printed), c.rehousing.printed, ...c.rehousing.operations.map((o) => o.printed)];
    expect(missingIn('002', texts)).toEqual([]);
  });
});
