import { referenceData } from './data';
import { isIsoDate } from './dates';
import { parsePrintedAmount } from './money';

const { organisations, agreements, programmes, budgets, fundings, obligationRules, pacte, cafTargets } = referenceData;
const orgCodes = new Set(organisations.map((o) => o.code));

function unique<T>(values: T[]): boolean {
  return new Set(values).size === values.length;
}

describe('referenceData – integrity', () => {
  it('has unique codes', () => {
    expect(unique(organisations.map((o) => o.code))).toBe(true);
    expect(unique(agreements.map((a) => a.code))).toBe(true);
    expect(unique(programmes.map((p) => p.code))).toBe(true);
    expect(unique(obligationRules.map((r) => r.id))).toBe(true);
    expect(agreements.map((a) => a.code).sort()).toEqual([
      'caf-grand-dijon-2016-2017',
      'ccas-dijon-adoma-2023',
      'ccas-dijon-carsat-2014',
      'convention-cadre-sdat-2022',
      'pacte-solidarite-dijon-metropole-2020',
    ]);
  });

  it('only references organisations that exist', () => {
    const used = [
      ...organisations.flatMap((o) => [o.parentCode, o.successorCode]),
      ...agreements.flatMap((a) => [...a.signatories.map((s) => s.orgCode), ...a.printedFunderLists.flatMap((l) => l.orgCodes)]),
      ...programmes.flatMap((p) => [p.operatorCode, ...p.coOperatorCodes, ...p.pilots.map((x) => x.orgCode)]),
      ...budgets.flatMap((b) => b.groups.flatMap((g) => g.lines.map((l) => l.funderCode))),
      ...fundings.map((f) => f.funderCode),
      ...obligationRules.flatMap((r) => [...r.responsibleOrgCodes, ...r.recipientOrgCodes]),
      cafTargets.numericTargets.map((t) => t.responsibleOrgCode),
    ]
      .flat()
      .filter((c): c is string => typeof c === 'string');
    expect(used.filter((c) => !orgCodes.has(c))).toEqual([]);
  });

  it('links programmes, agreements, budgets and rules consistently', () => {
    for (const p of programmes) {
      expect(agreements.find((a) => a.code === p.agreementCode)?.programmeCodes).toContain(p.code);
    }
    for (const a of agreements) for (const code of a.programmeCodes) expect(programmes.map((p) => p.code)).toContain(code);
    expect(budgets.map((b) => b.programmeCode).sort()).toEqual(programmes.map((p) => p.code).sort());
    for (const r of obligationRules) {
      expect(agreements.map((a) => a.code)).toContain(r.agreementCode);
      if (r.programmeCode) expect(agreements.find((a) => a.code === r.agreementCode)?.programmeCodes).toContain(r.programmeCode);
    }
  });

  it('uses valid ISO dates with start ≤ end', () => {
    for (const a of agreements) {
      expect(isIsoDate(a.startDate) && isIsoDate(a.endDate)).toBe(true);
      expect(a.startDate <= a.endDate).toBe(true);
      if (a.signedOn) expect(isIsoDate(a.signedOn)).toBe(true);
    }
    for (const r of obligationRules) {
      for (const d of [r.validFrom, r.validTo]) if (d) expect(isIsoDate(d)).toBe(true);
      if (r.rule.type === 'months_after' && r.rule.baseDate) expect(isIsoDate(r.rule.baseDate)).toBe(true);
    }
  });

  it('keeps every amount as integer cents matching the printed text', () => {
    for (const b of budgets) {
      expect(parsePrintedAmount(b.printedTotalExpenses)).toBe(b.printedTotalExpensesCents);
      expect(parsePrintedAmount(b.printedTotalIncome)).toBe(b.printedTotalIncomeCents);
      for (const g of b.groups) {
        expect(parsePrintedAmount(g.printedSubtotal)).toBe(g.printedSubtotalCents);
        for (const l of g.lines) {
          expect(parsePrintedAmount(l.printed)).toBe(l.amountCents);
          for (const e of l.earmarked ?? []) expect(Number.isInteger(e.amountCents)).toBe(true);
        }
      }
    }
    for (const f of fundings) {
      expect(Number.isInteger(f.amountCents)).toBe(true);
      expect(parsePrintedAmount(f.printed.split(' €')[0] ?? '')).toBe(f.amountCents);
      for (const e of f.earmarked) expect(Number.isInteger(e.amountCents)).toBe(true);
    }
    for (const a of pacte.actions) {
      expect(parsePrintedAmount(a.statePrinted)).toBe(a.stateAmountCents);
      expect(parsePrintedAmount(a.metropolePrinted)).toBe(a.metropoleAmountCents);
      expect(parsePrintedAmount(a.estimatedBudgetPrinted)).toBe(a.estimatedBudgetCents);
    }
    expect(parsePrintedAmount(pacte.printedTotals.statePrinted)).toBe(pacte.printedTotals.stateCents);
    expect(parsePrintedAmount(pacte.printedTotals.metropolePrinted)).toBe(pacte.printedTotals.metropoleCents);
  });

  it('sets funderIsSignatory from the signatories of the agreement', () => {
    for (const f of fundings) {
      const signatories = agreements.find((a) => a.code === f.agreementCode)?.signatories.map((s) => s.orgCode) ?? [];
      expect(f.funderIsSignatory).toBe(signatories.includes(f.funderCode));
    }
  });

  it('records that 13 funders support EMAS but only the signatories are listed', () => {
    const note = referenceData.fundingSummaryNotes.find((n) => n.programmeCode === 'emas');
    expect(note).toMatchObject({ totalFunderCount: 13, onlySignatoriesListed: true });
    expect(pacte.emasFunderPartners.reduce((acc, c) => acc + c.orgNames.length, 0)).toBe(13);
  });

  it('has the programmes of the convention cadre with their pilots and targets', () => {
    const byCode = Object.fromEntries(programmes.map((p) => [p.code, p]));
    expect(byCode['acor-centre-ville']?.pilots).toEqual([{ orgCode: 'ccas-dijon', role: 'pilot' }]);
    expect(byCode['acor-dijon-metropole']?.pilots.map((p) => p.orgCode)).toEqual(['dijon-metropole', 'ccas-chenove']);
    expect(byCode['emas']?.pilots.map((p) => p.orgCode)).toEqual(['dijon-metropole', 'ars-bfc']);
    expect(byCode['acor-dijon-metropole']?.capacityTargets[0]).toMatchObject({ code: 'follow_ups_per_year', value: 220, of: [{ code: 'follow_ups_chenove', value: 60 }] });
    expect(byCode['emas']?.capacityTargets[0]).toMatchObject({ value: 40, of: [{ value: 35 }, { value: 5, maxDurationMonths: 3 }] });
    // EMAS staff: 0,08 + 0,30 + 1,00 + 1,00 + 0,40 + 0,30 = 3,08 FTE
    expect(Math.round((byCode['emas']?.staff ?? []).reduce((acc, s) => acc + (s.fteValue ?? 0), 0) * 100)).toBe(308);
  });

  it('has the 10 actions of the Pacte (annex 1 rows 1.1 to 3.2) in 3 axes and the CAF targets', () => {
    expect(pacte.actions.map((a) => a.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '3.1', '3.2']);
    for (const a of pacte.actions) expect(a.number.startsWith(`${a.axisNumber}.`)).toBe(true);
    expect(cafTargets.numericTargets.filter((t) => t.period === 'year').map((t) => [t.code, t.value])).toEqual([
      ['insalubrious_dwellings_per_year', 6],
      ['non_decent_dwellings_per_year', 25],
    ]);
    expect(cafTargets.housingAxes).toHaveLength(5);
    expect(cafTargets.interventionAxes).toHaveLength(4);
  });
});
