import { formatDate, formatEuros, formatNumber, formatPercent } from '@sdat/format';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  buildCommitteePack,
  COMMITTEE_LATE_LABEL,
  COMMITTEE_SECTION_TITLES,
  DEMO_BANNER,
  TOC_TITLE,
  type CommitteePackData,
  type RenderChart,
} from '../../index';
import { documentTables, documentTexts } from '../../test/doc-text';
import { committeePack2022, EMAS_2021_HIDDEN_ENTRIES, funderCents, GENERATED_AT } from '../../test/committee-pack.fixtures';

const charts: { option: { series?: unknown }; width: number; height: number }[] = [];
const stubChart: RenderChart = (option, { width, height }) => {
  charts.push({ option: option as { series?: unknown }, width, height });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
};
const build = (data: CommitteePackData, generatedAt = GENERATED_AT): TDocumentDefinitions => buildCommitteePack(data, { renderChart: stubChart, generatedAt });
const allText = (doc: TDocumentDefinitions): string => documentTexts(doc, 3).join('\n');
const SECTIONS = Object.values(COMMITTEE_SECTION_TITLES);

/** The content of the document cut at each section title: section title → its nodes. */
function sections(doc: TDocumentDefinitions): Map<string, Content[]> {
  const out = new Map<string, Content[]>();
  let current: Content[] | null = null;
  for (const node of doc.content as Content[]) {
    const title = node && typeof node === 'object' && 'text' in node && typeof node.text === 'string' ? node.text : null;
    if (title !== null && (SECTIONS as string[]).includes(title)) {
      current = [];
      out.set(title, current);
    } else if (current) {
      current.push(node);
    }
  }
  return out;
}

/** Number tokens of a text, thousands kept together: « 3 662 600 € » → « 3 662 600 », « 3,11 ETP » → « 3,11 ». */
const numberTokens = (text: string): string[] => text.match(/\d+(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?/g) ?? [];

/** Rows of a table whose first cell reads `label`. */
function rowsLabelled(doc: TDocumentDefinitions, label: string): unknown[][] {
  return documentTables(doc)
    .flatMap((table) => table.body)
    .filter((row) => JSON.stringify(row[0]).includes(`"${label}"`));
}

function trendTable(doc: TDocumentDefinitions, label: string): unknown[][] {
  // Each main indicator is a sub-title followed (in its block) by the table programmes × years.
  const blocks = (doc.content as Content[]).filter(
    (node) => node && typeof node === 'object' && 'stack' in node && JSON.stringify((node.stack as Content[])[0]).includes(`"text":"${label}"`),
  );
  const tables = blocks.flatMap((block) => documentTables({ content: block }));
  const body = tables[0]?.body;
  if (!body) throw new Error(`tableau « ${label} » introuvable`);
  return body;
}

describe('committee pack (comité de suivi) of the 2022 agreement: PDF document', () => {
  const data = committeePack2022();
  charts.length = 0;
  const doc = build(data);
  const packCharts = [...charts];
  const text = allText(doc);
  const programmeNames = data.programmes.map((p) => p.programme.name);

  it('is an A4 landscape document in Roboto, in French, with a table of contents', () => {
    expect(doc.pageSize).toBe('A4');
    expect(doc.pageOrientation).toBe('landscape');
    expect(doc.defaultStyle?.font).toBe('Roboto');
    expect(doc.language).toBe('fr-FR');
    expect(text).toContain(TOC_TITLE);
    expect(JSON.stringify(doc.content)).toContain('"toc":');
  });

  it('contains the five section titles, in order, each entered in the table of contents', () => {
    expect(SECTIONS).toEqual(['1. Synthèse', '2. Évolution sur trois ans', '3. Financements par financeur', '4. Contrôles de conformité', '5. Statut des bilans']);
    const positions = SECTIONS.map((title) => (doc.content as Content[]).findIndex((node) => JSON.stringify(node).startsWith(`{"text":${JSON.stringify(title)}`)));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const title of SECTIONS) {
      const node = (doc.content as Content[])[positions[SECTIONS.indexOf(title)] ?? -1] as { tocItem?: boolean };
      expect(node.tocItem).toBe(true);
    }
  });

  it('lists every programme of the agreement in every table of every section', () => {
    const bySection = sections(doc);
    expect([...bySection.keys()]).toEqual(SECTIONS);
    for (const [title, nodes] of bySection) {
      const tables = documentTables({ content: nodes });
      expect(tables.length, title).toBeGreaterThan(0);
      for (const table of tables) {
        const json = JSON.stringify(table.body);
        for (const name of programmeNames) expect(json, `${title} : ${name}`).toContain(JSON.stringify(name));
      }
    }
    // Section 2: one table per main indicator present in the data, 11 of them here.
    expect(documentTables({ content: bySection.get(COMMITTEE_SECTION_TITLES.trends) ?? [] })).toHaveLength(11);
  });

  it('prints the figures of the fixture formatted in fr-FR exactly (money, ratios, FTE, dates)', () => {
    const centreVille = data.programmes[0];
    const cv2022 = centreVille?.years.find((y) => y.year === 2022)?.indicators ?? [];
    const payrollRatio = cv2022.find((i) => i.code === 'payroll_ratio');
    const expenses = payrollRatio?.details?.find((d) => d.key === 'expenses')?.value;
    expect(formatEuros(expenses ?? -1)).toBe('686\u00a0730\u00a0€');
    expect(text).toContain('686\u00a0730\u00a0€');
    expect(formatPercent(payrollRatio?.value ?? -1)).toBe('72,1\u00a0%');
    expect(text).toContain('72,1\u00a0%');
    expect(text).toContain('4,89\u00a0%'); // head-office fees of ACOR Centre Ville, 2 decimals against the 5 % cap
    expect(text).toContain('10,30\u00a0ETP');
    expect(text).toContain('15/03/2023');
    expect(text).toContain(formatDate('2023-03-10'));
    // Funding: a funder's amount and the Ségur part of EMAS.
    const emas = data.programmes[2];
    expect(text).toContain(formatEuros(funderCents(emas?.funding ?? null, 'etat')));
    expect(text).toContain('10\u00a0618\u00a0€');
    expect(text).toContain(formatEuros(centreVille?.funding?.totalCents ?? -1));
    // The entries of ACOR Centre Ville over the three years, in the row of their table.
    const entries = trendTable(doc, 'Entrées');
    const cvRow = JSON.stringify(entries.find((row) => JSON.stringify(row[0]).includes('"ACOR Centre Ville"')));
    for (const year of [2020, 2021, 2022]) {
      const value = centreVille?.years.find((y) => y.year === year)?.indicators.find((i) => i.code === 'entries')?.value;
      expect(cvRow).toContain(`"${formatNumber(value ?? -1)}"`);
    }
  });

  it('prints the masked entries of EMAS 2021 « < 5 » and nowhere the hidden count', () => {
    const entries = trendTable(doc, 'Entrées');
    const emasRow = entries.find((row) => JSON.stringify(row[0]).includes('"EMAS"')) as { text: string }[];
    expect(emasRow.map((cell) => cell.text)).toEqual(['EMAS', 'Pas de données', '< 5', formatNumber(72), '—']);
    const hidden = String(EMAS_2021_HIDDEN_ENTRIES);
    const structural = (t: string) => (SECTIONS as string[]).includes(t) || /^\d+ \/ \d+$/.test(t);
    const texts = documentTexts(doc, 1).filter((t) => !structural(t));
    expect(texts.filter((t) => numberTokens(t).includes(hidden))).toEqual([]);
    // Control: the same pack without the small-count rule does print it.
    const open = documentTexts(build(committeePack2022(1)), 1).filter((t) => !structural(t));
    expect(open.filter((t) => numberTokens(t).includes(hidden)).length).toBeGreaterThan(0);
  });

  it('says why a figure is missing, never 0: a year without data, an indicator the programme does not have', () => {
    const occupancy = trendTable(doc, "Taux d'occupation");
    const cells = (name: string) => (occupancy.find((row) => JSON.stringify(row[0]).includes(`"${name}"`)) as { text: string }[]).map((cell) => cell.text);
    expect(cells('ACOR Dijon Métropole')).toEqual(['ACOR Dijon Métropole', 'Pas de données', 'Pas de données', 'Pas de données', '—']);
    expect(cells('ACOR Centre Ville')).toEqual(['ACOR Centre Ville', 'Sans objet', 'Sans objet', 'Sans objet', '—']);
    expect(text).toContain('ACOR Centre Ville 2020, 2021 et 2022 — Sans objet : Indicateur non calculé pour ce dispositif.');
  });

  it('renders one chart per main indicator (the dashboard comparison chart: one series per programme) and the funding chart', () => {
    expect(packCharts).toHaveLength(11 + 1);
    const first = packCharts[0]?.option.series as { name: string; type: string; data: (number | null)[] }[];
    expect(first.map((series) => series.name)).toEqual(['ACOR Centre Ville', 'EMAS']);
    expect(first[0]?.type).toBe('line');
    expect(first[0]?.data).toEqual([514_200, 529_100, 686_730]); // total expenses in euros, 2020..2022
    const entries = packCharts.find((chart) => JSON.stringify(chart.option).includes('Entrées'));
    const emasEntries = (entries?.option.series as { name: string; data: (number | null)[] }[]).find((series) => series.name === 'EMAS');
    expect(emasEntries?.data).toEqual([null, null, 72]); // masked: a gap, never 0 nor the hidden count
    const funding = packCharts[packCharts.length - 1]?.option.series as { name: string; stack?: string }[];
    expect(funding.map((series) => series.name)).toEqual(['ACOR Centre Ville', 'EMAS']); // ACOR Dijon Métropole: no funding
  });

  it('synthesis: report status and due date, key figures with the status word, alerts counted', () => {
    const emasRow = rowsLabelled(doc, 'EMAS').find((row) => JSON.stringify(row).includes('échéance')) ?? [];
    const json = JSON.stringify(emasRow);
    expect(json).toContain('"validé"');
    expect(json).toContain('échéance 15/03/2023');
    expect(json).toContain('4,96\u00a0%');
    expect(json).toContain('Vigilance');
    expect(json).toContain('1 vigilance');
    const late = JSON.stringify(rowsLabelled(doc, 'ACOR Dijon Métropole')[0]);
    expect(late).toContain(COMMITTEE_LATE_LABEL);
  });

  it('compliance: every check of every programme and the agreement, with its verdict and calculation', () => {
    const rows = documentTables({ content: sections(doc).get(COMMITTEE_SECTION_TITLES.compliance) ?? [] })[0]?.body ?? [];
    const verdicts = rows.slice(1).map((row) => [(row[0] as { text: string }).text, (row[1] as { text: string }).text, (row[2] as { text: string }).text]);
    expect(verdicts).toEqual([
      ['ACOR Centre Ville', 'Plafond des frais de siège (5 %)', 'Conforme'],
      ['ACOR Centre Ville', 'Absence de reprise de déficit', 'Conforme'],
      ['ACOR Dijon Métropole', '—', 'Non évaluable'],
      ['EMAS', 'Plafond des frais de siège (5 %)', 'Conforme'],
      ['EMAS', 'Absence de reprise de déficit', 'Conforme'],
      ['Convention', 'Parité des financements du Pacte (Métropole ≥ État)', 'Non conforme'],
    ]);
    const pacte = data.agreementChecks[0];
    expect(text).toContain(pacte?.provenance.formulaText ?? 'absent');
  });

  it('report status: « en retard » only for a draft past its due date', () => {
    const table = documentTables({ content: sections(doc).get(COMMITTEE_SECTION_TITLES.reports) ?? [] })[0]?.body ?? [];
    const observation = (name: string) => (table.find((row) => JSON.stringify(row[0]).includes(`"${name}"`)) as { text: string }[]).map((c) => c.text);
    expect(observation('ACOR Dijon Métropole')).toEqual(['ACOR Dijon Métropole', "Société Dijonnaise de l'Assistance par le Travail (SDAT)", 'Dijon Métropole', 'projet', '1', '15/03/2023', '—', 'en retard']);
    expect(observation('EMAS').slice(3)).toEqual(['validé', '2', '15/03/2023', '10/03/2023', '—']);
    expect(observation('ACOR Centre Ville').slice(3)).toEqual(['transmis', '1', '15/03/2023', '—', '—']);
    // On the due date itself, nothing is late yet.
    const onDueDate = documentTables({ content: sections(build(data, '2023-03-15T17:00:00Z')).get(COMMITTEE_SECTION_TITLES.reports) ?? [] })[0]?.body ?? [];
    expect(JSON.stringify(onDueDate)).not.toContain(`"${COMMITTEE_LATE_LABEL}"`);
  });

  it('carries the demo banner in the header of every page when the data are demo data, not otherwise', () => {
    const header = (d: TDocumentDefinitions, page: number) =>
      typeof d.header === 'function' ? JSON.stringify(d.header(page, 9, { width: 841.89, height: 595.28, orientation: 'landscape' })) : '';
    for (const page of [1, 2, 5, 9]) expect(header(doc, page)).toContain(DEMO_BANNER);
    const real = build({ ...data, demo: false });
    expect(header(real, 3)).not.toContain(DEMO_BANNER);
    expect(allText(real)).not.toContain(DEMO_BANNER);
    const footer = typeof doc.footer === 'function' ? JSON.stringify(doc.footer(4, 9, { width: 841.89, height: 595.28, orientation: 'landscape' })) : '';
    expect(footer).toContain('4 / 9');
    expect(footer).toContain('Généré le 03/04/2023');
  });

  it('prints the agreement, its period, signatories and the basis of the figures on the cover', () => {
    expect(text).toContain('du 01/01/2022 au 31/12/2022');
    expect(text).toContain('Dijon Métropole (financeur)');
    expect(text).toContain('réalisé 2022');
    const forecast = build({ ...data, basis: 'forecast' });
    expect(allText(forecast)).toContain('budget prévisionnel 2022');
  });
});
