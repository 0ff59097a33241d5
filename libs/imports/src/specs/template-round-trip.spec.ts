import type ExcelJS from 'exceljs';
import { DATASET_DEFS } from '../lib/datasets';
import { buildTemplate } from '../lib/template';
import { DATASET_KEYS } from '../lib/types';
import { loadWorkbook, parse, pseudonymise, saveWorkbook } from './helpers';

function cellText(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  const v = sheet.getCell(row, col).value;
  return v === null || v === undefined ? '' : String(v);
}

describe('template → fill → parse round-trip', () => {
  it('the template has the data sheet, « Mode d’emploi », « Exemples » and a hidden « Listes » sheet feeding the drop-downs', async () => {
    const workbook = await loadWorkbook(await buildTemplate('episodes', { programmeCode: 'acor-dijon-metropole', year: 2023 }));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Accompagnements', 'visible'],
      ["Mode d'emploi", 'visible'],
      ['Exemples', 'visible'],
      ['Listes', 'hidden'],
    ]);
    const data = workbook.getWorksheet('Accompagnements');
    if (data === undefined) throw new Error('no data sheet');
    const headers = DATASET_DEFS.episodes.columns.map((c) => c.header);
    expect(headers.map((_, i) => cellText(data, 1, i + 1))).toEqual(headers);
    expect(data.getCell(1, 1).note).toBeDefined();
    expect(data.actualRowCount).toBe(1);

    // « Type » (column C) drops down the labels listed in « Listes ».
    const validation = (data as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model['C2'];
    expect(validation).toMatchObject({ type: 'list', formulae: ["'Listes'!$A$2:$A$3"] });
    const lists = workbook.getWorksheet('Listes');
    if (lists === undefined) throw new Error('no list sheet');
    expect([cellText(lists, 1, 1), cellText(lists, 2, 1), cellText(lists, 3, 1)]).toEqual(['Type', 'Suivi', 'Co-évaluation']);

    const guide = workbook.getWorksheet("Mode d'emploi");
    if (guide === undefined) throw new Error('no guide');
    const guideText: string[] = [];
    guide.eachRow((row) => row.eachCell((cell) => guideText.push(String(cell.value))));
    const all = guideText.join('\n');
    expect(all).toContain('ACOR Dijon Métropole');
    expect(all).toContain('année 2023');
    expect(all).toContain('CNIL');
    for (const header of headers) expect(guideText).toContain(header);
  });

  it('an untouched template imports nothing: the example rows are never read', async () => {
    for (const dataset of DATASET_KEYS) {
      const result = await parse(dataset, await buildTemplate(dataset, { programmeCode: 'emas', year: 2023 }), 'modele.xlsx');
      expect(result.rows).toEqual([]);
      expect(result.errors.map((e) => e.message)).toEqual(["Aucune ligne de données sous l'en-tête (ligne 1)."]);
    }
  });

  it.each(DATASET_KEYS)('%s: the example rows, typed into the data sheet, are valid', async (dataset) => {
    const workbook = await loadWorkbook(await buildTemplate(dataset, { programmeCode: 'acor-centre-ville', year: 2024 }));
    const def = DATASET_DEFS[dataset];
    const examples = workbook.getWorksheet('Exemples');
    const data = workbook.getWorksheet(def.spec.sheetName);
    if (examples === undefined || data === undefined) throw new Error('sheets missing');
    examples.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell, col) => {
        data.getCell(n, col).value = cell.value;
      });
    });
    const result = await parse(dataset, await saveWorkbook(workbook), 'rempli.xlsx', { year: 2024, programmeCode: 'acor-centre-ville' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(def.spec.examples.length);
  });

  it('episodes filled by hand with identifiers, codes and labels parse into pseudonymised rows', async () => {
    const workbook = await loadWorkbook(await buildTemplate('episodes', { programmeCode: 'acor-dijon-metropole', year: 2023 }));
    const data = workbook.getWorksheet('Accompagnements');
    if (data === undefined) throw new Error('no data sheet');
    data.getRow(2).values = ['P-17', null, 'Suivi', new Date(Date.UTC(2023, 1, 6)), null, '35 à 44 ans', 'Personne seule', 'SIAO', 'Accord', null, null, 'Talant'];
    data.getRow(3).values = ['P-18', null, 'Co-évaluation', '12/04/2023', '28/06/2023', '55-64', null, 'secteur_psychiatrique', null, 'Soins — CMP', 'Non', 'Dijon'];
    const result = await parse('episodes', await saveWorkbook(workbook), 'rempli.xlsx', { programmeCode: 'acor-dijon-metropole' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        participantKey: pseudonymise('P-17'),
        kind: 'follow_up',
        entryDate: '2023-02-06',
        exitDate: null,
        ageBand: '35-44',
        householdSituation: 'personne_seule',
        referrer: 'siao',
        referralDecision: 'accord',
        handover: null,
        leaseTransfer: false,
        commune: 'Talant',
      },
      {
        participantKey: pseudonymise('P-18'),
        kind: 'co_evaluation',
        entryDate: '2023-04-12',
        exitDate: '2023-06-28',
        ageBand: '55-64',
        householdSituation: null,
        referrer: 'secteur_psychiatrique',
        referralDecision: null,
        handover: 'soins_cmp',
        leaseTransfer: false,
        commune: 'Dijon',
      },
    ]);
  });
});
