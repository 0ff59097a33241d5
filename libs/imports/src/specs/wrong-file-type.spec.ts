import { ImportRejectedError } from '../lib/errors';
import { parse, zip } from './helpers';

describe('files that are neither XLSX nor CSV are refused (400) with a French message', () => {
  const cases: [string, string, Buffer, string][] = [
    ['an old .xls (OLE2) workbook', 'budget.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'Excel 97-2003'],
    ['a PDF', 'budget.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'PDF'],
    ['a renamed text file with .xlsx', 'budget.xlsx', Buffer.from('Compte;Libellé\n'), "n'est pas un classeur Excel valide"],
    ['an image', 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'non pris en charge'],
    ['a Word document (ZIP without workbook)', 'budget.docx', zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), "n'est pas un classeur Excel"],
    ['an OpenDocument spreadsheet', 'budget.ods', zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }, { name: 'content.xml', data: Buffer.from('<x/>') }]), 'OpenDocument'],
    ['a truncated XLSX', 'budget.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'illisible'],
    ['a binary file named .csv', 'budget.csv', Buffer.from([0x41, 0x00, 0x42, 0x00]), 'binaires'],
    ['an empty file', 'budget.csv', Buffer.alloc(0), 'vide'],
  ];

  it.each(cases)('%s', async (_what, fileName, bytes, fragment) => {
    const error = await parse('budget', bytes, fileName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).status).toBe(400);
    expect((error as Error).message).toContain(fragment);
  });

  it('a workbook made for another dataset or year is recognised by its metadata', async () => {
    const { buildTemplate } = await import('../lib/template');
    const template = await buildTemplate('funding', { programmeCode: 'emas', year: 2022 });
    const result = await parse('budget', template, 'modele.xlsx', { programmeCode: 'acor-centre-ville' });
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual([
      "Ce fichier est un modèle « Financements reçus », pas « Budget réalisé » : choisissez le bon type d'import ou le bon fichier.",
      "Ce fichier a été préparé pour l'année 2022, alors que l'import concerne 2023.",
      "Ce fichier a été préparé pour le dispositif « emas », alors que l'import concerne « acor-centre-ville ».",
    ]);
  });
});
