import { csv, parse, xlsx } from './helpers';

describe('formulas are refused: only typed values are imported', () => {
  it('XLSX: a formula cell, even with its cached result, is a cell error wherever it is', async () => {
    const bytes = await xlsx([
      {
        name: 'Budget réalisé',
        rows: [
          ['Compte', 'Libellé', 'Montant (€)'],
          ['606120', 'Eau', { formula: 'SUM(10,20)', result: 30 }],
          ['606260', 'Fournitures', 100],
          ['611000', { formula: 'HYPERLINK("http://exemple.invalid","clic")', result: 'clic' }, 200],
        ],
      },
    ]);
    const result = await parse('budget', bytes, 'budget.xlsx');
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'Montant (€) (C)', '=SUM(10,20)'],
      [4, 'Libellé (B)', '=HYPERLINK("http://exemple.invalid","clic")'],
    ]);
    expect(result.errors[0]?.message).toContain('formule');
    expect(result.rows.map((r) => r.accountCode)).toEqual(['606260']);
  });

  it('XLSX and CSV: a text that a spreadsheet would run as a formula (=, +, -, @) is refused in text columns', async () => {
    const text = [
      'Compte;Libellé;Montant (€)',
      '606120;"=HYPERLINK(""http://exemple.invalid"";""x"")";10',
      '606260;+cmd|\' /C calc\'!A0;10',
      '611000;- Subvention;10',
      '612000;@SUM(1+1);10',
      '613000;Loyer;-10',
    ].join('\n');
    const result = await parse('budget', csv(text), 'budget.csv');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Libellé (B)'],
      [3, 'Libellé (B)'],
      [4, 'Libellé (B)'],
      [5, 'Libellé (B)'],
    ]);
    for (const e of result.errors) expect(e.message).toContain("injection de formule");
    // A negative amount is a number, not a formula.
    expect(result.rows).toEqual([expect.objectContaining({ accountCode: '613000', amountCents: -1000 })]);

    const book = await parse(
      'budget',
      await xlsx([{ name: 'Budget réalisé', rows: [['Compte', 'Libellé', 'Montant (€)'], ['606120', '=1+1', 10]] }]),
      'budget.xlsx',
    );
    expect(book.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Libellé (B)']]);
  });
});
