import type { ComparisonResponse, IndicatorValue } from '@sdat/api-types';
import ExcelJS from 'exceljs';
import { buildComparisonWorkbook, COMPARISON_SHEET } from '../index';
import { centreVille2022 } from '../test/fixtures';

const read = async (bytes: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(COMPARISON_SHEET);
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('comparison workbook: the committee’s comparison as XLSX', () => {
  const indicators = centreVille2022().indicators.forecast?.indicators ?? [];
  const masked: IndicatorValue = { ...(indicators.find((i) => i.code === 'payroll') as IndicatorValue), code: 'entries', label: 'Entrées', unit: 'count', value: null, suppressed: { reason: 'small_count', threshold: 5, below: 5 } };
  const comparison: ComparisonResponse = {
    agreement: { code: 'convention-cadre-sdat-2022', title: 'Convention cadre 2022' },
    years: [2021, 2022],
    basis: 'forecast',
    programmes: [{ code: 'acor-centre-ville', name: 'ACOR Centre Ville' }],
    cells: [
      { programmeCode: 'acor-centre-ville', year: 2021, demo: false, indicators: [] },
      { programmeCode: 'acor-centre-ville', year: 2022, demo: true, indicators: [...indicators.filter((i) => i.code !== 'entries'), masked] },
    ],
  };

  it('has a title line, French headers and a line per programme and chosen indicator', async () => {
    const rows = await read(await buildComparisonWorkbook(comparison, { indicators: ['payroll', 'entries'], generatedAt: '2023-03-01T10:00:00Z' }));
    expect(String(rows[0][0])).toContain('comparaison 2021, 2022 (prévisionnel) — générée le 01/03/2023 — DONNÉES DE DÉMONSTRATION');
    expect(rows[1]).toEqual(['Dispositif', 'Indicateur', 'Unité', '2021', '2022']);
    expect(rows.slice(2).map((r) => r[1])).toEqual(['Masse salariale', 'Entrées']);
  });

  it('writes money as euros (a number), a masked count as « < 5 » text, and a year without data as text', async () => {
    const rows = await read(await buildComparisonWorkbook(comparison, { indicators: ['payroll', 'entries'], generatedAt: '2023-03-01T10:00:00Z' }));
    const payroll = indicators.find((i) => i.code === 'payroll')?.value as number;
    expect(rows[2][4]).toBe(Math.round(payroll) / 100);
    expect(rows[2][3]).toBe('Pas de données');
    expect(String(rows[3][4]).replace(/\s/g, ' ')).toMatch(/^< ?5$/);
  });
});
