import { ImportRejectedError } from '../lib/errors';
import { parse, unzipEntries, xlsx, zip } from './helpers';

async function validBook(): Promise<Buffer> {
  return xlsx([{ name: 'Budget réalisé', rows: [['Compte', 'Libellé', 'Montant (€)'], ['606120', 'Eau', 10]] }]);
}

describe('XLSX archives are inspected before exceljs loads them', () => {
  it('the rebuilt archive of a valid workbook still parses (the forging helper is faithful)', async () => {
    const entries = await unzipEntries(await validBook());
    const result = await parse('budget', zip(entries), 'budget.xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('a zip bomb (tiny file, huge inflated entry) → 413 archive_too_large, from the declared sizes', async () => {
    const entries = await unzipEntries(await validBook());
    const bomb = zip([...entries, { name: 'xl/media/bombe.bin', data: Buffer.alloc(64 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const error = await parse('budget', bomb, 'budget.xlsx', { limits: { maxUncompressedBytes: 16 * 1024 * 1024 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect(error).toMatchObject({ status: 413, code: 'archive_too_large' });
    expect((error as Error).message).toContain('décompressé');
  });

  it('an entry whose header lies about its size is caught while inflating', async () => {
    const entries = await unzipEntries(await validBook());
    const liar = zip([...entries, { name: 'xl/media/petit.bin', data: Buffer.alloc(8 * 1024 * 1024), declaredSize: 100 }]);
    const error = await parse('budget', liar, 'budget.xlsx', { limits: { maxUncompressedBytes: 4 * 1024 * 1024 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect([400, 413]).toContain((error as ImportRejectedError).status);
  });

  it('too many entries → 413', async () => {
    const entries = await unzipEntries(await validBook());
    const many = zip([...entries, ...Array.from({ length: 50 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: Buffer.from('x') }))]);
    await expect(parse('budget', many, 'budget.xlsx', { limits: { maxZipEntries: 40 } })).rejects.toMatchObject({ status: 413, code: 'archive_too_large' });
  });

  it('a sheet declaring huge dimensions → 413 sheet_too_large', async () => {
    const entries = await unzipEntries(await validBook());
    const forged = entries.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml'
        ? { ...e, data: Buffer.from(e.data.toString('utf8').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) }
        : e,
    );
    expect(forged.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString()).toContain('XFD1048576');
    await expect(parse('budget', zip(forged), 'budget.xlsx')).rejects.toMatchObject({
      status: 413,
      code: 'sheet_too_large',
      message: expect.stringContaining('dimensions démesurées'),
    });
  });

  it('a data validation over whole columns (which exceljs would expand cell by cell) → 413 sheet_too_large', async () => {
    const entries = await unzipEntries(await validBook());
    const forged = entries.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml'
        ? {
            ...e,
            data: Buffer.from(
              e.data
                .toString('utf8')
                .replace(
                  '</sheetData>',
                  '</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A:D"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
                ),
            ),
          }
        : e,
    );
    await expect(parse('budget', zip(forged), 'budget.xlsx')).rejects.toMatchObject({ status: 413, code: 'sheet_too_large' });
  });
});
