import type { ProgrammeIndicatorsResponse } from '@sdat/api-types';
import { formatEuros, formatNumber, formatPercent } from '@sdat/format';
import { CATALOGUE } from '@sdat/indicators';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  annualReportDueDate,
  buildAnnualReport,
  DEMO_BANNER,
  QUALITATIVE_PLACEHOLDER,
  SECTION_TITLES,
  type AnnualReportData,
  type RenderChart,
} from '../index';
import { documentTables, documentTexts } from '../test/doc-text';
import { centreVille2022, emas2022 } from '../test/fixtures';

const charts: { option: unknown; width: number; height: number }[] = [];
const stubChart: RenderChart = (option, { width, height }) => {
  charts.push({ option, width, height });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
};
const build = (data: AnnualReportData): TDocumentDefinitions => buildAnnualReport(data, { renderChart: stubChart, generatedAt: '2023-02-20T09:30:00Z' });
const text = (doc: TDocumentDefinitions): string => documentTexts(doc).join('\n');
const pick = (set: ProgrammeIndicatorsResponse | null, code: string) => {
  const found = set?.indicators.find((i) => i.code === code);
  if (!found || found.value === null) throw new Error(`${code} absent de la fixture`);
  return found.value;
};

describe('buildAnnualReport', () => {
  const data = centreVille2022();
  const doc = build(data);
  const all = text(doc);

  it('is an A4 portrait document in Roboto, with a table of contents', () => {
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('portrait');
    expect(doc.defaultStyle?.font).toBe('Roboto');
    expect(doc.language).toBe('fr-FR');
    expect(JSON.stringify(doc.content)).toContain('"toc":');
  });

  it('contains every section title, each entered in the table of contents', () => {
    const content = JSON.stringify(doc.content);
    for (const title of Object.values(SECTION_TITLES)) {
      expect(all).toContain(title);
      expect(content).toContain(JSON.stringify({ text: title }).slice(1, -1));
    }
    const tocItems = (JSON.stringify(doc.content).match(/"tocItem":true/g) ?? []).length;
    expect(tocItems).toBeGreaterThanOrEqual(Object.values(SECTION_TITLES).length);
  });

  it('shows the demo banner on the cover and in every page header when the data are demo data', () => {
    expect(all).toContain(DEMO_BANNER);
    const header = typeof doc.header === 'function' ? JSON.stringify(doc.header(3, 10, { width: 595.28, height: 841.89, orientation: 'portrait' })) : '';
    expect(header).toContain(DEMO_BANNER);
    const real = build({ ...data, demo: false });
    expect(text(real)).not.toContain(DEMO_BANNER);
  });

  it('prints the formatted key figures of the fixture (budgets, payroll ratio, entries and exits)', () => {
    const forecastExpenses = formatEuros(data.budgets.forecast?.totals.expenses.computedCents ?? -1);
    expect(forecastExpenses).toBe('679\u00a0241\u00a0€');
    expect(all).toContain(forecastExpenses);
    expect(all).toContain(formatEuros(data.budgets.actual?.totals.expenses.computedCents ?? -1));
    expect(all).toContain(formatPercent(pick(data.indicators.actual, 'payroll_ratio')));
    expect(all).toContain(formatPercent(pick(data.indicators.forecast, 'payroll_ratio')));
    expect(all).toContain(formatPercent(pick(data.indicators.actual, 'head_office_ratio'), 2));
    const entriesRow = documentTables(doc).flatMap((t) => t.body).find((row) => JSON.stringify(row[0]).includes('"Entrées"'));
    expect(JSON.stringify(entriesRow)).toContain(formatNumber(pick(data.indicators.actual, 'entries')));
    expect(all).toContain(formatNumber(pick(data.indicators.actual, 'exits')));
  });

  it('states the deadline (15 March N+1), the version and the draft status on the cover', () => {
    expect(annualReportDueDate(2022)).toBe('2023-03-15');
    expect(all).toContain('15/03/2023');
    expect(all).toContain('« projet »');
    expect(all).toMatch(/Version 1/);
    expect(all).toContain('Généré le 20/02/2023');
  });

  it('numbers the pages « x / y » in the footer', () => {
    expect(typeof doc.footer).toBe('function');
    const footer = typeof doc.footer === 'function' ? JSON.stringify(doc.footer(2, 16, { width: 595.28, height: 841.89, orientation: 'portrait' })) : '';
    expect(footer).toContain('2 / 16');
  });

  it('puts the placeholder in the qualitative section until a narrative is written, then the narrative', () => {
    expect(all).toContain(QUALITATIVE_PLACEHOLDER);
    const written = text(build({ ...data, narrative: { actions: 'Maraudes renforcées en hiver.', difficulties: '', partnerships: 'Convention avec le SIAO.\n\nRéunions mensuelles.', outlook: null } }));
    expect(written).not.toContain(QUALITATIVE_PLACEHOLDER);
    expect(written).toContain('Maraudes renforcées en hiver.');
    expect(written).toContain('Réunions mensuelles.');
    expect(written).toContain('Non renseigné.');
    for (const part of ['Actions menées', 'Difficultés rencontrées', 'Partenariats', 'Perspectives']) expect(written).toContain(part);
  });

  it('lists every indicator used in the methodological annex with its definition, formula and version', () => {
    const used = new Set([...(data.indicators.actual?.indicators ?? []), ...(data.indicators.forecast?.indicators ?? [])].map((i) => i.code));
    for (const definition of CATALOGUE.filter((d) => used.has(d.code))) {
      expect(all).toContain(definition.label);
      expect(all).toContain(definition.definition);
      expect(all).toContain(definition.formula);
      expect(all).toContain(`${definition.code}, version ${definition.version}`);
    }
  });

  it('raises the head-office alert and lists the reconciliation findings in the synthesis', () => {
    expect(all).toMatch(/Vigilance — Frais de siège \(BP 2022\)/);
    for (const finding of data.findings) expect(all).toContain(finding.message);
    const over = text(build(emas2022()));
    expect(over).toContain('Frais de siège');
  });

  it('draws the charts with the shared option builders, at a size that fits the page', () => {
    charts.length = 0;
    build(data);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) {
      expect(chart.width).toBeLessThanOrEqual(800);
      expect(chart.height).toBeLessThanOrEqual(400);
    }
  });

  it('keeps every table inside the page: one width per column, « * » columns for text, 8–9 pt for wide tables', () => {
    for (const docToCheck of [doc, build(emas2022())]) {
      for (const table of documentTables(docToCheck)) {
        const columns = table.widths.length;
        for (const row of table.body) {
          const spanned = row.reduce<number>((n, cell) => n + (cell && typeof cell === 'object' && 'colSpan' in cell ? 0 : 1), 0);
          expect(row.length).toBe(columns);
          expect(spanned).toBeLessThanOrEqual(columns);
        }
        const fixed = table.widths.filter((w): w is number => typeof w === 'number').reduce((a, b) => a + b, 0);
        expect(fixed).toBeLessThan(400);
        if (columns >= 5) {
          expect(table.widths).toContain('*');
          expect(table.fontSize).toBeLessThanOrEqual(9);
          expect(table.fontSize).toBeGreaterThanOrEqual(7.5);
        }
      }
    }
  });

  it('builds a forecast-only report without the actual columns nor the activity figures', () => {
    const forecastOnly = build({ ...data, basis: 'forecast', budgets: { ...data.budgets, actual: null }, funding: { ...data.funding, actual: null }, indicators: { ...data.indicators, actual: null } });
    const t = text(forecastOnly);
    expect(t).not.toContain('Réalisé 2022');
    expect(t).toContain('BP 2022');
    expect(t).toContain("ne sont pas présentés dans un bilan établi sur le budget prévisionnel");
  });

  it('shows missing budgets and indicators as unavailable rather than failing', () => {
    const empty = build({
      ...data,
      agreement: null,
      budgets: { forecast: null, actual: null },
      funding: { forecast: null, actual: null },
      indicators: { actual: null, forecast: null },
      findings: [],
    });
    const t = text(empty);
    for (const title of Object.values(SECTION_TITLES)) expect(t).toContain(title);
    expect(t).toContain('Aucun budget 2022 enregistré');
    expect(t).toContain('non disponible');
  });
});
