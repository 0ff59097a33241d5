import ExcelJS from 'exceljs';
import { formatDate } from '@sdat/format';
import { buildCommitteePackWorkbook, COMMITTEE_NUMBER_FORMATS, COMMITTEE_SHEET_NAMES, DEMO_BANNER, type CommitteePackData } from '../../index';
import { committeePack2022, EMAS_2021_HIDDEN_ENTRIES, funderCents, GENERATED_AT } from '../../test/committee-pack.fixtures';

async function read(data: CommitteePackData, generatedAt = GENERATED_AT): Promise<ExcelJS.Workbook> {
  const buffer = await buildCommitteePackWorkbook(data, { generatedAt });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`feuille « ${name} » absente`);
  return found;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(2).eachCell({ includeEmpty: false }, (cell) => out.push(String(cell.value)));
  return out;
}

/** Data rows (from row 3) as arrays of cells, 1-based columns dropped to 0-based. */
function rows(ws: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const out: ExcelJS.Cell[][] = [];
  for (let r = 3; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c));
    out.push(cells);
  }
  return out;
}

function column(ws: ExcelJS.Worksheet, header: string): number {
  const index = headers(ws).indexOf(header);
  if (index < 0) throw new Error(`colonne « ${header} » absente de « ${ws.name} »`);
  return index;
}

/** Every cell of every sheet, with its sheet and address. */
function allCells(workbook: ExcelJS.Workbook): { where: string; value: ExcelJS.CellValue }[] {
  const out: { where: string; value: ExcelJS.CellValue }[] = [];
  workbook.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => out.push({ where: `${ws.name}!${cell.address}`, value: cell.value }))),
  );
  return out;
}

const numberTokens = (text: string): string[] => text.match(/\d+(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?/g) ?? [];

describe('committee pack (comité de suivi) of the 2022 agreement: XLSX workbook', () => {
  const data = committeePack2022();
  const names = data.programmes.map((p) => p.programme.name);
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await read(data);
  });

  it('re-reads with exceljs: the five sheets in order, French headers on the frozen second row', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Synthèse', 'Évolution', 'Financements', 'Conformité', 'Bilans']);
    expect(Object.values(COMMITTEE_SHEET_NAMES)).toEqual(workbook.worksheets.map((ws) => ws.name));
    expect(headers(sheet(workbook, 'Synthèse')).slice(0, 7)).toEqual(['Dispositif', 'Code', 'Opérateur', 'Statut du bilan 2022', 'Version', 'Échéance', 'En retard']);
    expect(headers(sheet(workbook, 'Évolution'))).toEqual([
      'Indicateur',
      'Dispositif',
      'Code du dispositif',
      '2020',
      '2021',
      '2022',
      'Évolution de 2021 à 2022',
      'Base 2020',
      'Base 2021',
      'Base 2022',
      'Remarques',
    ]);
    expect(headers(sheet(workbook, 'Financements'))).toEqual(['Financeur', 'Ligne', 'Signataire', 'Lignes de financement', ...names, 'Total']);
    expect(headers(sheet(workbook, 'Conformité'))).toEqual(['Périmètre', 'Contrôle', 'Code', 'Résultat', 'Règle vérifiée', 'Calcul', 'Motif']);
    expect(headers(sheet(workbook, 'Bilans'))).toEqual(['Dispositif', 'Code', 'Opérateur', 'Pilotes', 'Statut', 'Version', 'Échéance', 'Validé le', 'En retard']);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
  });

  it('heads every sheet with the agreement, the year, the basis, the generation date and the demo notice', () => {
    for (const ws of workbook.worksheets) {
      const line = String(ws.getCell('A1').value);
      expect(line).toContain(data.agreement.title);
      expect(line).toContain('convention-cadre-sdat-2022');
      expect(line).toContain('Comité de suivi 2022');
      expect(line).toContain('Base des chiffres : réalisé 2022');
      expect(line).toContain(`Généré le ${formatDate(GENERATED_AT)}`);
      expect(line).toContain(DEMO_BANNER);
    }
  });

  it('leaves the demo notice out when the data are not demo data', async () => {
    const real = await read({ ...data, demo: false });
    expect(String(sheet(real, 'Bilans').getCell('A1').value)).not.toContain(DEMO_BANNER);
  });

  it('lists every programme in every sheet', () => {
    for (const name of ['Synthèse', 'Évolution', 'Conformité', 'Bilans']) {
      const ws = sheet(workbook, name);
      const listed = new Set(rows(ws).map((row) => String(row[name === 'Évolution' ? 1 : 0]?.value)));
      for (const programme of names) expect(listed.has(programme), `${name} : ${programme}`).toBe(true);
    }
    expect(headers(sheet(workbook, 'Financements'))).toEqual(expect.arrayContaining(names));
  });

  it('stores figures as numbers with euro and percent formats', () => {
    const ws = sheet(workbook, 'Évolution');
    const row = (indicator: string, programme: string) => rows(ws).find((cells) => cells[0]?.value === indicator && cells[1]?.value === programme) ?? [];
    const expenses = row('Total des charges', 'ACOR Centre Ville');
    const y2022 = column(ws, '2022');
    expect(expenses[y2022]?.value).toBe(686_730);
    expect(expenses[y2022]?.numFmt).toBe(COMMITTEE_NUMBER_FORMATS.euros);
    expect(COMMITTEE_NUMBER_FORMATS.euros).toBe('#,##0 "€"');
    const ratio = row('Ratio masse salariale / budget global', 'ACOR Centre Ville');
    const cv2022 = data.programmes[0]?.years.find((y) => y.year === 2022)?.indicators.find((i) => i.code === 'payroll_ratio');
    expect(ratio[y2022]?.value).toBe(cv2022?.value);
    expect(ratio[y2022]?.numFmt).toBe('0.0 %');
    const headOffice = row('Taux de frais de siège', 'EMAS');
    expect(headOffice[y2022]?.numFmt).toBe('0.00 %');
    const fte = row('ETP mobilisés', 'ACOR Centre Ville');
    expect(fte[y2022]?.value).toBe(10.3);
    expect(row('ETP mobilisés', 'ACOR Dijon Métropole')[y2022]?.value).toBe('Pas de données');
  });

  it('synthesis: report status, key figures of N as numbers, their status against the target, alerts counted', () => {
    const ws = sheet(workbook, 'Synthèse');
    const emas = rows(ws).find((cells) => cells[0]?.value === 'EMAS') ?? [];
    expect(emas[column(ws, 'Statut du bilan 2022')]?.value).toBe('validé');
    expect(emas[column(ws, 'Taux de frais de siège 2022')]?.value).toBeCloseTo(0.0496, 4);
    expect(emas[column(ws, 'Taux de frais de siège 2022')]?.numFmt).toBe(COMMITTEE_NUMBER_FORMATS.percent2);
    expect(emas[column(ws, 'Statut — Taux de frais de siège')]?.value).toBe('Vigilance — cible ≤ 5,00\u00a0%');
    expect(emas[column(ws, 'Vigilances')]?.value).toBe(1);
    expect(emas[column(ws, 'Alertes')]?.value).toBe(0);
    expect(headers(ws)).not.toContain('Statut — File active'); // no target, no status: no column
    const late = rows(ws).find((cells) => cells[0]?.value === 'ACOR Dijon Métropole') ?? [];
    expect(late[column(ws, 'En retard')]?.value).toBe('Oui');
    expect(late[column(ws, 'File active 2022')]?.value).toBe('Pas de données');
  });

  it('writes the masked entries of EMAS 2021 as the text « < 5 », and the hidden count in no cell', async () => {
    const ws = sheet(workbook, 'Évolution');
    const entries = rows(ws).find((cells) => cells[0]?.value === 'Entrées' && cells[1]?.value === 'EMAS') ?? [];
    expect(entries[column(ws, '2021')]?.value).toBe('< 5');
    expect(entries[column(ws, '2022')]?.value).toBe(72);
    const hidden = EMAS_2021_HIDDEN_ENTRIES;
    const leaks = allCells(workbook).filter(({ value }) => value === hidden || (typeof value === 'string' && numberTokens(value).includes(String(hidden))));
    expect(leaks).toEqual([]);
    // Control: the same pack without the small-count rule does hold it.
    const open = await read(committeePack2022(1));
    expect(allCells(open).some(({ value }) => value === hidden)).toBe(true);
  });

  it('funding: funders × programmes in euros, with the Ségur part and the totals', () => {
    const ws = sheet(workbook, 'Financements');
    const emas = column(ws, 'EMAS');
    const total = column(ws, 'Total');
    const state = rows(ws).find((cells) => cells[0]?.value === "L'Etat") ?? [];
    expect(state[emas]?.value).toBe(funderCents(data.programmes[2]?.funding ?? null, 'etat') / 100);
    expect(state[emas]?.numFmt).toBe(COMMITTEE_NUMBER_FORMATS.euros);
    expect(state[column(ws, 'Signataire')]?.value).toBe('Oui');
    const segur = rows(ws).find((cells) => cells[0]?.value === 'dont primes Ségur') ?? [];
    expect(segur[emas]?.value).toBe(10_618);
    const totals = rows(ws).find((cells) => cells[0]?.value === 'Total des financements') ?? [];
    expect(totals[emas]?.value).toBe((data.programmes[2]?.funding?.totalCents ?? 0) / 100);
    expect(totals[column(ws, 'ACOR Dijon Métropole')]?.value).toBeNull();
    expect(totals[total]?.value).toBe(((data.programmes[0]?.funding?.totalCents ?? 0) + (data.programmes[2]?.funding?.totalCents ?? 0)) / 100);
  });

  it('compliance and reports: verdicts, dates as dates, late report', () => {
    const compliance = rows(sheet(workbook, 'Conformité'));
    expect(compliance.map((cells) => [cells[0]?.value, cells[3]?.value])).toEqual([
      ['ACOR Centre Ville', 'Conforme'],
      ['ACOR Centre Ville', 'Conforme'],
      ['ACOR Dijon Métropole', 'Non évaluable'],
      ['EMAS', 'Conforme'],
      ['EMAS', 'Conforme'],
      ['Convention', 'Non conforme'],
    ]);
    const reports = sheet(workbook, 'Bilans');
    const emas = rows(reports).find((cells) => cells[0]?.value === 'EMAS') ?? [];
    expect(emas[column(reports, 'Statut')]?.value).toBe('validé');
    expect(emas[column(reports, 'Version')]?.value).toBe(2);
    expect(emas[column(reports, 'Échéance')]?.value).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(emas[column(reports, 'Échéance')]?.numFmt).toBe('dd/mm/yyyy');
    expect(emas[column(reports, 'Validé le')]?.value).toEqual(new Date(Date.UTC(2023, 2, 10)));
    const late = rows(reports).find((cells) => cells[0]?.value === 'ACOR Dijon Métropole') ?? [];
    expect(late[column(reports, 'En retard')]?.value).toBe('Oui');
    expect(emas[column(reports, 'En retard')]?.value).toBe('Non');
  });
});
