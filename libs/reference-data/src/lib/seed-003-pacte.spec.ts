/**
 * Independent check of the Pacte de solidarité against the RAW document 003: the table of
 * commitments (annex 1) and the "Budget estimé" of each fiche (annex 2) are parsed here.
 */
import { referenceData } from './data';
import { readSeed } from './testing/seed-files';

const text = readSeed(__dirname, '003_');
const rows = text.split('\n');

const euros = (s: string): number => {
  const [int, dec] = s.replace('€', '').split(' ').join('').split(',');
  return Number(int) * 100 + (dec ? Number(dec) : 0);
};

// "1.1 Identifier …\t76 000 €\t76 000 €" and "3.2 - Se doter …\t4 275 €\t4 275 €"
const tableRows = rows
  .map((r) => /^(\d\.\d) (?:- )?([^\t]+)\t([\d ]+ €)\t([\d ]+ €)$/.exec(r))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ number: m[1], title: m[2], state: m[3], metropole: m[4] }));
const totalRow = rows.map((r) => /^Total\t([\d ]+ €)\t([\d ]+ €)$/.exec(r)).find((m) => m !== null);
const ficheTitles = rows.map((r) => /^Action\tAction (\d\.\d) [-–] (.*)$/.exec(r)).filter((m): m is RegExpExecArray => m !== null);
const ficheBudgets = rows.map((r) => /^Budget estimé\t(.*)$/.exec(r)).filter((m): m is RegExpExecArray => m !== null);

describe('seed 003 – Pacte de solidarité parsed from the raw document', () => {
  it('annex 1 has the same actions, titles and amounts', () => {
    expect(referenceData.pacte.actions.map((a) => ({ number: a.number, title: a.tableTitle, state: a.statePrinted, metropole: a.metropolePrinted }))).toEqual(
      tableRows,
    );
    for (const [i, a] of referenceData.pacte.actions.entries()) {
      expect(a.stateAmountCents).toBe(euros(tableRows[i]?.state ?? ''));
      expect(a.metropoleAmountCents).toBe(euros(tableRows[i]?.metropole ?? ''));
    }
  });

  it('the printed totals are 200 000 € each and equal the sum of the actions', () => {
    expect([totalRow?.[1], totalRow?.[2]]).toEqual([referenceData.pacte.printedTotals.statePrinted, referenceData.pacte.printedTotals.metropolePrinted]);
    // 76 000 + 7 500 + 5 000 + 6 000 + 7 500 + 66 500 + 7 000 + 5 225 + 15 000 + 4 275 = 200 000
    const sum = tableRows.reduce((acc, r) => acc + euros(r.state ?? ''), 0);
    expect(sum).toBe(20000000);
    expect(euros(totalRow?.[1] ?? '')).toBe(sum);
  });

  it('annex 2 fiches: titles and estimated budgets (= State + Métropole)', () => {
    expect(referenceData.pacte.actions.map((a) => [a.number, a.ficheTitle])).toEqual(ficheTitles.map((m) => [m[1], m[2]]));
    expect(referenceData.pacte.actions.map((a) => a.estimatedBudgetPrinted)).toEqual(ficheBudgets.map((m) => m[1]));
    for (const [i, a] of referenceData.pacte.actions.entries()) {
      expect(a.estimatedBudgetCents).toBe(euros(ficheBudgets[i]?.[1] ?? ''));
      expect(a.estimatedBudgetCents).toBe(euros(tableRows[i]?.state ?? '') + euros(tableRows[i]?.metropole ?? ''));
    }
  });
});
