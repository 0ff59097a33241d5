import { csv, parse, xlsx } from './helpers';

describe('CSV with a UTF-8 BOM, « ; » separator and decimal comma', () => {
  const text = [
    'Compte;Libellé;Montant (€);Groupe;Financeur',
    '606120;"Eau; électricité; chauffage";4 230,18;;',
    '641100;Salaires;"312 000,50";;',
    ';Personnel mis à disposition;12000;63/64;',
    '741000;Subvention de la Ville;382474;;ville-dijon',
    '',
  ].join('\r\n');

  it('parses accents, quoted separators, grouped thousands and decimal commas', async () => {
    const result = await parse('budget', csv(text, true), 'budget.csv');
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('csv');
    expect(result.sheet).toBeNull();
    expect(result.rows.map((r) => [r.accountCode, r.label, r.amountCents, r.groupCode, r.funderCode])).toEqual([
      ['606120', 'Eau; électricité; chauffage', 423018, '60', null],
      ['641100', 'Salaires', 31200050, '63/64', null],
      [null, 'Personnel mis à disposition', 1200000, '63/64', null],
      ['741000', 'Subvention de la Ville', 38247400, '74', 'ville-dijon'],
    ]);
  });

  it('gives the same rows and content hash with or without BOM, with « , » separator, and as XLSX', async () => {
    const withBom = await parse('budget', csv(text, true), 'budget.csv');
    const withoutBom = await parse('budget', csv(text), 'budget.csv');
    const comma = await parse(
      'budget',
      csv(
        [
          'Compte,Libellé,Montant,Groupe,Financeur',
          '741000,Subvention de la Ville,"382 474,00",,Ville de Dijon',
          ',Personnel mis à disposition,12000.00,63-64,',
          '606120,"Eau; électricité; chauffage","4230,18",,',
          '641100,Salaires,312000.5,,',
        ].join('\n'),
      ),
      'budget.csv',
    );
    const book = await parse(
      'budget',
      await xlsx([
        {
          name: 'Budget réalisé',
          rows: [
            ['Compte', 'Libellé', 'Montant (€)'],
            [606120, 'Eau; électricité; chauffage', 4230.18],
            [641100, 'Salaires', 312000.5],
            [null, 'Personnel mis à disposition', 12000],
            [741000, 'Subvention de la Ville', 382474],
          ],
        },
      ]),
      'budget.xlsx',
    );
    expect(book.errors).toEqual([
      // No « Groupe » column: the line without account cannot be placed.
      { sheet: 'Budget réalisé', row: 4, column: 'Compte (A)', value: null, message: 'Renseignez le numéro de compte ou, pour une ligne sans compte, le groupe.' },
    ]);
    expect(withoutBom.rows).toEqual(withBom.rows);
    expect(withoutBom.contentHash).toBe(withBom.contentHash);
    expect(comma.errors).toEqual([]);
    expect(comma.contentHash).toBe(withBom.contentHash);

    const fixedBook = await parse(
      'budget',
      await xlsx([
        {
          name: 'Budget réalisé',
          rows: [
            ['Compte', 'Libellé', 'Montant (€)', 'Groupe', 'Financeur'],
            [606120, 'Eau; électricité; chauffage', 4230.18, null, null],
            [641100, 'Salaires', 312000.5, null, null],
            [null, 'Personnel mis à disposition', 12000, '63/64 – Charges de personnel', null],
            [741000, 'Subvention de la Ville', 382474, null, 'Ville de Dijon'],
          ],
        },
      ]),
      'budget.xlsx',
    );
    expect(fixedBook.errors).toEqual([]);
    expect(fixedBook.contentHash).toBe(withBom.contentHash);
  });

  it('refuses a file that is not UTF-8 with a French explanation (400)', async () => {
    const latin1 = Buffer.from('Compte;Libellé;Montant\n606120;Eau;10\n', 'latin1');
    await expect(parse('budget', latin1, 'budget.csv')).rejects.toMatchObject({
      name: 'ImportRejectedError',
      status: 400,
      code: 'not_utf8',
      message: expect.stringContaining('CSV UTF-8'),
    });
  });
});
