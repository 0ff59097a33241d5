import { ImportRejectedError } from '../lib/errors';
import { csv, parse, xlsx } from './helpers';

describe('files over the limits are refused with a 413-type error and a French message', () => {
  it('a file over the size limit (default 20 MiB) → 413 file_too_large, before reading anything', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const error = await parse('budget', big, 'budget.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect(error).toMatchObject({ status: 413, code: 'file_too_large' });
    expect((error as Error).message).toBe(
      'Le fichier pèse 20,0 Mo : 20,0 Mo au plus par import. Découpez-le ou retirez les feuilles inutiles.',
    );
  });

  it('the size limit can be lowered by the caller', async () => {
    const bytes = await xlsx([{ name: 'Budget réalisé', rows: [['Compte', 'Libellé', 'Montant (€)'], ['606120', 'Eau', 10]] }]);
    await expect(parse('budget', bytes, 'budget.xlsx', { limits: { maxFileBytes: 1000 } })).rejects.toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
  });

  it('CSV with more data rows than allowed → 413 too_many_rows', async () => {
    const lines = ['Mois;Liste d\'attente fin de mois', ...Array.from({ length: 30 }, (_, i) => `${(i % 12) + 1};${i}`)];
    await expect(parse('monthly_activity', csv(lines.join('\n')), 'activite.csv', { limits: { maxRows: 12 } })).rejects.toMatchObject({
      status: 413,
      code: 'too_many_rows',
      message: expect.stringContaining('12 lignes de données'),
    });
  });

  it('XLSX with more rows than allowed → 413 too_many_rows (counted in the sheet XML before loading)', async () => {
    const rows = [['Mois', "Liste d'attente fin de mois"], ...Array.from({ length: 40 }, (_, i) => [(i % 12) + 1, i])];
    const bytes = await xlsx([{ name: 'Activité mensuelle', rows }]);
    await expect(parse('monthly_activity', bytes, 'activite.xlsx', { limits: { maxRows: 12 } })).rejects.toMatchObject({
      status: 413,
      code: 'too_many_rows',
    });
  });

  it('a data sheet with too many columns → 413', async () => {
    const header = ['Mois', ...Array.from({ length: 120 }, (_, i) => `Colonne ${i}`)];
    await expect(parse('monthly_activity', csv(`${header.join(';')}\n1;${'x;'.repeat(119)}x\n`), 'a.csv')).rejects.toMatchObject({
      status: 413,
      code: 'too_many_columns',
    });
  });
});
