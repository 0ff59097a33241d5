import type { ComparisonResponse } from '@sdat/api-types';
import { barOption, comparisonChart, indicatorInputValue, lineOption, valueKindOfUnit, type CategoryChartSpec } from '@sdat/charts';
import type { EChartsOption } from 'echarts';
import type { Column, Content, ContentTable, Margins, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { COLORS, keepTitlesWithContent, keyValues, note, paragraph, sectionTitle, STYLES, subTitle, TABLE_LAYOUT } from '../layout';
import { DEMO_BANNER } from '../sections/cover';
import { basisLabel, DASH, date, euros, frenchList, statusLabel } from '../text';
import { TOC_TITLE } from '../titles';
import type { RenderChart } from '../types';
import {
  alertsSummary,
  basisExceptions,
  complianceRows,
  fundingMatrix,
  packBasisText,
  packYears,
  periodText,
  reportObservation,
  reportRow,
  signatoryText,
  suppressionLegend,
  synthesisTable,
  trendTables,
  verdictLabel,
  type Figure,
  type KeyFigure,
  type TrendTable,
  type Verdict,
} from './model';
import { COMMITTEE_SECTION_TITLES, COMMITTEE_LATE_LABEL } from './titles';
import type { CommitteePackData, CommitteePackOptions } from './types';

/** A4 landscape in points, and the margins of every page. */
const PAGE_WIDTH = 841.89;
const SIDE_MARGIN = 36;
const PAGE_MARGINS: Margins = [SIDE_MARGIN, 56, SIDE_MARGIN, 44];
/** Width available to the content: ≈ 770 pt. */
const CONTENT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN;
/** Width of a chart beside its table (section 2). */
const SIDE_CHART_WIDTH = 330;

type Cell = TableCell;

const text = (value: string, extra: Record<string, unknown> = {}): Cell => ({ text: value, ...extra }) as Cell;
const right = (value: string, extra: Record<string, unknown> = {}): Cell => text(value, { alignment: 'right', ...extra });
const header = (value: string, alignment: 'left' | 'right' = 'left'): Cell => text(value, { style: 'tableHeader', alignment });

/** A table of the pack (same look as the annual report's tables), cells built by the caller. */
function grid(headers: readonly Cell[], rows: readonly (readonly Cell[])[], widths: readonly (string | number)[], fontSize = 8.5): ContentTable {
  return {
    table: { headerRows: 1, widths: [...widths], body: [[...headers], ...rows.map((row) => [...row])], dontBreakRows: true },
    layout: TABLE_LAYOUT,
    fontSize,
    margin: [0, 2, 0, 8],
  };
}

function figureCell(figure: Figure, extra: Record<string, unknown> = {}): Cell {
  if (figure.kind === 'value') return right(figure.text, extra);
  if (figure.kind === 'suppressed') return right(figure.text, { italics: true, color: COLORS.muted, ...extra });
  return right(figure.text, { italics: true, color: COLORS.muted, ...extra });
}

function statusColor(status: string | null | undefined): string {
  return status === 'alert' ? COLORS.alert : status === 'warning' ? COLORS.warning : status === 'ok' ? COLORS.ok : COLORS.text;
}

function verdictCell(verdict: Verdict): Cell {
  const color = verdict === 'conforme' ? COLORS.ok : verdict === 'non conforme' ? COLORS.alert : COLORS.warning;
  return text(verdictLabel(verdict), { color, bold: verdict === 'non conforme' });
}

/** A chart rendered to SVG by the caller's renderer, with its caption (if any), kept on one page. */
function chartBlock(renderChart: RenderChart, option: EChartsOption, caption: string | null, width: number, size: { width: number; height: number }): Content {
  return {
    stack: [...(caption === null ? [] : [{ text: caption, style: 'caption' }]), { svg: renderChart(option, size), width }],
    unbreakable: true,
    margin: [0, 2, 0, 8],
  };
}

// ---------------------------------------------------------------------------------------------
// Cover
// ---------------------------------------------------------------------------------------------

function demoBlock(): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: DEMO_BANNER, bold: true, fontSize: 13, color: COLORS.demo, alignment: 'center' },
              {
                text: "Ce document est établi à partir de données générées pour la démonstration de l'outil : il ne décrit pas l'activité réelle des dispositifs et ne doit pas être présenté au comité de suivi.",
                fontSize: 8.5,
                color: COLORS.demo,
                alignment: 'center',
                margin: [0, 3, 0, 0],
              },
            ],
            fillColor: COLORS.demoFill,
            margin: [6, 6, 6, 6],
          },
        ],
      ],
    },
    layout: { hLineColor: () => COLORS.demo, vLineColor: () => COLORS.demo, hLineWidth: () => 1, vLineWidth: () => 1 },
    margin: [0, 10, 0, 10],
  };
}

function cover(data: CommitteePackData, generatedAt: string): Content[] {
  const signatories = (data.agreement.signatories ?? []).map(signatoryText);
  const programmes = data.programmes.map((p) => p.programme.name);
  const operators = [...new Set(data.programmes.map((p) => p.programme.operator).filter((name) => typeof name === 'string' && name.trim() !== ''))];
  const exceptions = basisExceptions(data);
  return [
    { text: 'Comité de suivi réuni par le préfet', fontSize: 11, color: COLORS.muted, margin: [0, 24, 0, 0] },
    { text: `Comité de suivi ${data.year}`, fontSize: 24, bold: true, color: COLORS.primary, margin: [0, 10, 0, 4] },
    { text: data.agreement.title, fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
    ...(data.demo ? [demoBlock()] : [{ text: '', margin: [0, 8, 0, 0] } as Content]),
    keyValues([
      ['Convention', `${data.agreement.title} (${data.agreement.code})`],
      ['Période', periodText(data.agreement)],
      ['Signataires', signatories.length ? frenchList(signatories) : DASH],
      ['Dispositifs', programmes.length ? frenchList(programmes) : DASH],
      [operators.length > 1 ? 'Opérateurs' : 'Opérateur', operators.length ? frenchList(operators) : DASH],
      ['Année examinée', `${data.year}, avec l'évolution depuis ${data.year - 2}`],
      ['Base des chiffres', `${packBasisText(data)}${exceptions.length ? ` ; autre base pour ${frenchList(exceptions)}` : ''}`],
      ['Généré le', date(generatedAt)],
    ]),
    {
      text: "Les chiffres sont calculés par la plateforme d'indicateurs à partir des budgets, des financements et des données d'activité enregistrés ; les effectifs de moins de quelques personnes sont masqués (règle des petits effectifs).",
      style: 'note',
      margin: [0, 4, 0, 0],
    },
  ];
}

function tableOfContents(): Content {
  return { toc: { title: { text: TOC_TITLE, style: 'tocTitle' }, numberStyle: { fontSize: 9.5 } }, pageBreak: 'before' };
}

// ---------------------------------------------------------------------------------------------
// 1. Synthèse
// ---------------------------------------------------------------------------------------------

function keyFigureCell(key: KeyFigure): Cell {
  const parts: { text: string; [style: string]: unknown }[] = [{ text: key.figure.text, ...(key.figure.kind === 'value' ? {} : { italics: true, color: COLORS.muted }) }];
  if (key.status) parts.push({ text: `\n${statusLabel(key.status)}`, color: statusColor(key.status), bold: key.status === 'alert', fontSize: 7.5 });
  if (key.target) parts.push({ text: `${key.status ? ' — ' : '\n'}${key.target}`, color: COLORS.muted, fontSize: 7 });
  return { text: parts, alignment: 'right' } as unknown as Cell;
}

function synthesis(data: CommitteePackData, generatedAt: string): Content[] {
  const table = synthesisTable(data, generatedAt);
  const out: Content[] = [
    sectionTitle(COMMITTEE_SECTION_TITLES.synthesis),
    paragraph(
      `Chaque dispositif de la convention en ${data.year} (${packBasisText(data)}) : statut du bilan annuel, chiffres clés comparés aux cibles et règles de la convention, nombre d'alertes.`,
    ),
  ];
  if (table.rows.length === 0) return [...out, paragraph('Aucun dispositif rattaché à cette convention.')];
  const headers = [
    header('Dispositif'),
    header(`Bilan ${data.year}`),
    ...table.columns.map((column) => header(`${column.label} ${data.year}`, 'right')),
    header('Alertes'),
  ];
  const rows = table.rows.map((row) => [
    { text: [{ text: row.programme.name, bold: true }, { text: `\n${row.programme.operator}`, fontSize: 7, color: COLORS.muted }] } as Cell,
    {
      text: [
        { text: row.report.status, bold: true },
        { text: ` (v${row.report.version ?? DASH})\néchéance ${date(row.report.dueDate)}`, fontSize: 7.5 },
        ...(row.report.late ? [{ text: `\n${COMMITTEE_LATE_LABEL}`, color: COLORS.alert, bold: true, fontSize: 7.5 }] : []),
      ],
    } as Cell,
    ...row.figures.map(keyFigureCell),
    text(alertsSummary(row), { color: row.alerts.length ? COLORS.alert : row.warnings.length ? COLORS.warning : COLORS.text, bold: row.alerts.length > 0 }),
  ]);
  out.push(grid(headers, rows, [120, 80, ...table.columns.map(() => '*'), 70], 8));
  out.push(note('Statut : « Conforme » lorsque la cible ou la règle est respectée, « Vigilance » à son approche, « Alerte » au-delà. Montants arrondis à l’euro.'));
  for (const rule of table.rules) out.push(note(`Règle — ${rule}.`));
  const legend = suppressionLegend(table.suppressed);
  if (legend) out.push(note(legend));
  const attention = table.rows.filter((row) => row.alerts.length || row.warnings.length);
  out.push(subTitle("Points d'attention"));
  if (attention.length === 0) {
    out.push(paragraph(`Aucun indicateur en alerte ou en vigilance en ${data.year}.`));
  } else {
    out.push({
      ul: attention.flatMap((row) => [
        ...row.alerts.map((alert) => ({ text: [{ text: `${row.programme.name} — Alerte : `, bold: true, color: COLORS.alert }, { text: alert }] })),
        ...row.warnings.map((warning) => ({ text: [{ text: `${row.programme.name} — Vigilance : `, bold: true, color: COLORS.warning }, { text: warning }] })),
      ]),
      margin: [0, 0, 0, 6],
    } as Content);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Évolution sur trois ans
// ---------------------------------------------------------------------------------------------

function comparisonOf(data: CommitteePackData): ComparisonResponse {
  return {
    agreement: { code: data.agreement.code, title: data.agreement.title },
    years: packYears(data),
    basis: data.basis,
    programmes: data.programmes.map((p) => ({ code: p.programme.code, name: p.programme.name })),
    cells: data.programmes.flatMap((p) =>
      packYears(data).flatMap((year) => {
        const entry = p.years?.find((candidate) => candidate.year === year);
        return entry ? [{ programmeCode: p.programme.code, year, demo: entry.demo, indicators: entry.indicators ?? [] }] : [];
      }),
    ),
  };
}

/** The chart of one main indicator: programmes over N-2..N (the dashboard's comparison chart). */
function trendOption(table: TrendTable, data: CommitteePackData): EChartsOption | null {
  const main = table.main;
  const source = main.sources[0];
  if (source && source.detail === undefined && main.sources.length === 1) {
    return comparisonChart(comparisonOf(data), source.code, { title: table.label, showTitle: false })?.option ?? null;
  }
  // A detail of an indicator (total expenses): same chart, built from the table's figures.
  const unit = table.unit;
  const kind = unit === null ? null : valueKindOfUnit(unit);
  if (unit === null || kind === null) return null;
  // One line per programme having a value, as the comparison chart does.
  const series = table.rows
    .map((row) => ({
      name: row.programme.name,
      values: row.figures.map((figure) => (figure.kind === 'value' && figure.unit === unit ? indicatorInputValue(figure.value, unit) : null)),
    }))
    .filter((item) => item.values.some((value) => value !== null));
  if (series.length === 0) return null;
  const spec: CategoryChartSpec = { title: table.label, categoryLabel: 'Année', categories: packYears(data).map(String), series, valueKind: kind, showTitle: false };
  return lineOption(spec);
}

function trendBlock(table: TrendTable, data: CommitteePackData, renderChart: RenderChart): Content {
  const years = packYears(data);
  const rows = table.rows.map((row) => [
    text(row.programme.name, { bold: true }),
    ...row.figures.map((figure) => figureCell(figure)),
    right(row.change),
  ]);
  const tableContent: Content[] = [
    grid(
      [header('Dispositif'), ...years.map((year) => header(String(year), 'right')), header(`Évolution de ${years[1]} à ${years[2]}`, 'right')],
      rows,
      ['*', 'auto', 'auto', 'auto', 'auto'],
      8.5,
    ),
    ...table.reasons.map((reason) => note(reason)),
  ];
  const legend = suppressionLegend(table.suppressed);
  if (legend) tableContent.push(note(legend));
  const option = trendOption(table, data);
  const chartColumn: Content = option
    ? chartBlock(renderChart, option, null, SIDE_CHART_WIDTH, { width: 600, height: 190 })
    : note('Aucune valeur à représenter.');
  return {
    // Not `subTitle`: a title kept with its content (headlineLevel) inside an unbreakable block
    // would be moved once more by `keepTitlesWithContent`, leaving an empty page.
    stack: [{ text: table.label, style: 'h2', tocItem: true, tocStyle: 'tocSubsection', tocMargin: [14, 1, 0, 0] }, { columns: [{ width: '*', stack: tableContent }, { width: SIDE_CHART_WIDTH, stack: [chartColumn] }] as Column[], columnGap: 16 }],
    unbreakable: true,
    margin: [0, 0, 0, 6],
  };
}

function trends(data: CommitteePackData, renderChart: RenderChart): Content[] {
  const years = packYears(data);
  const { tables, absent } = trendTables(data);
  const exceptions = basisExceptions(data);
  const out: Content[] = [
    sectionTitle(COMMITTEE_SECTION_TITLES.trends),
    paragraph(
      `Indicateurs principaux de ${years[0]} à ${years[2]}, dispositif par dispositif (${basisLabel(data.basis)}${exceptions.length ? `, sauf ${frenchList(exceptions)}` : ''}). Une valeur absente n'est jamais comptée pour 0 : « Pas de données », « Non calculable » ou « Sans objet » disent pourquoi.`,
    ),
  ];
  if (data.programmes.length === 0) return [...out, paragraph('Aucun dispositif rattaché à cette convention.')];
  for (const table of tables) out.push(trendBlock(table, data, renderChart));
  if (absent.length) out.push(note(`Sans donnée pour aucun dispositif de ${years[0]} à ${years[2]} : ${frenchList(absent)}.`));
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Financements par financeur
// ---------------------------------------------------------------------------------------------

function funding(data: CommitteePackData, renderChart: RenderChart): Content[] {
  const matrix = fundingMatrix(data);
  const out: Content[] = [
    sectionTitle(COMMITTEE_SECTION_TITLES.funding),
    paragraph(
      `Financements ${data.year} de chaque dispositif par financeur${matrix.bases.length ? ` (${frenchList(matrix.bases)})` : ''}, parts fléchées et financeurs signataires ou non de la convention.`,
    ),
  ];
  if (matrix.programmes.length === 0) return [...out, paragraph('Aucun dispositif rattaché à cette convention.')];
  const rowStyle = (kind: string): Record<string, unknown> =>
    kind === 'total' ? { bold: true, fillColor: COLORS.totalFill } : kind === 'earmark' || kind === 'subtotal' ? { italics: true, color: COLORS.muted } : {};
  const rows = matrix.rows.map((row) => {
    const style = rowStyle(row.kind);
    return [
      text(row.label, row.kind === 'earmark' || row.kind === 'subtotal' ? { ...style, margin: [10, 0, 0, 0] } : style),
      text(row.signatory === null ? '' : row.signatory ? 'Oui' : 'Non', style),
      text(row.lineLabels.join(' ; '), { ...style, fontSize: 7 }),
      ...row.cents.map((cents) => right(euros(cents), style)),
      right(euros(row.total), { ...style, bold: true }),
    ];
  });
  out.push(
    grid(
      [header('Financeur'), header('Signataire'), header('Lignes de financement'), ...matrix.programmes.map((p) => header(p.name, 'right')), header('Total', 'right')],
      rows,
      ['*', 'auto', 120, ...matrix.programmes.map(() => 'auto'), 'auto'],
      8,
    ),
  );
  if (matrix.without.length) out.push(note(`Aucun financement enregistré pour ${data.year} : ${frenchList(matrix.without)}.`));
  out.push(note('Montants arrondis à l’euro ; le total de chaque dispositif est celui calculé par la plateforme à partir de ses lignes de financement.'));
  const funders = matrix.rows.filter((row) => row.kind === 'funder');
  const series = matrix.programmes
    .map((p, index) => ({
      name: p.name,
      stack: 'financement',
      values: funders.map((row) => {
        const cents = row.cents[index];
        return typeof cents === 'number' && Number.isInteger(cents) ? cents : null;
      }),
    }))
    .filter((item) => item.values.some((value) => value !== null));
  if (funders.length && series.length) {
    const spec: CategoryChartSpec = {
      title: `Financements ${data.year} par financeur`,
      categoryLabel: 'Financeur',
      categories: funders.map((row) => row.label),
      series,
      valueKind: 'euros',
      horizontal: true,
      showTitle: false,
      totalColumnLabel: 'Total',
    };
    const height = Math.min(420, 80 + 34 * funders.length);
    out.push(chartBlock(renderChart, barOption(spec), `Financements ${data.year} par financeur et par dispositif`, Math.round(CONTENT_WIDTH * 0.75), { width: 900, height }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Contrôles de conformité
// ---------------------------------------------------------------------------------------------

function compliance(data: CommitteePackData): Content[] {
  const rows = complianceRows(data);
  const out: Content[] = [
    sectionTitle(COMMITTEE_SECTION_TITLES.compliance),
    paragraph(
      `Règles de la convention vérifiées pour ${data.year} : plafond des frais de siège, absence de reprise de déficit, et les contrôles au niveau de la convention (parité du Pacte) lorsqu'ils sont fournis.`,
    ),
  ];
  out.push(
    grid(
      [header('Périmètre'), header('Contrôle'), header('Résultat'), header('Règle vérifiée'), header('Calcul')],
      rows.map((row) => [
        text(row.scope, { bold: true }),
        text(row.label),
        verdictCell(row.verdict),
        text(row.rule ?? DASH),
        text([row.formula, row.reason].filter((part): part is string => typeof part === 'string' && part !== '').join('\n') || DASH, { fontSize: 7.5 }),
      ]),
      [100, 130, 62, 140, '*'],
      8,
    ),
  );
  if (!(data.agreementChecks ?? []).length) out.push(note(`Aucun contrôle au niveau de la convention (parité du Pacte) fourni pour ${data.year}.`));
  const counts = { conforme: 0, 'non conforme': 0, 'non évaluable': 0 } as Record<Verdict, number>;
  rows.forEach((row) => (counts[row.verdict] += 1));
  out.push(note(`${counts.conforme} conforme(s), ${counts['non conforme']} non conforme(s), ${counts['non évaluable']} non évaluable(s).`));
  return out;
}

// ---------------------------------------------------------------------------------------------
// 5. Statut des bilans
// ---------------------------------------------------------------------------------------------

function reports(data: CommitteePackData, generatedAt: string): Content[] {
  const out: Content[] = [
    sectionTitle(COMMITTEE_SECTION_TITLES.reports, false),
    paragraph(`Bilan qualitatif et financier ${data.year} de chaque dispositif, dû à ses pilotes ; « ${COMMITTEE_LATE_LABEL} » : encore en projet après l'échéance (au ${date(generatedAt)}).`),
  ];
  if (data.programmes.length === 0) return [...out, paragraph('Aucun dispositif rattaché à cette convention.')];
  out.push(
    grid(
      [header('Dispositif'), header('Opérateur'), header('Pilotes'), header('Statut'), header('Version', 'right'), header('Échéance'), header('Validé le'), header('Observation')],
      data.programmes.map((programme) => {
        const row = reportRow(programme, generatedAt);
        const pilots = (programme.programme.pilots ?? []).filter((pilot) => typeof pilot === 'string' && pilot.trim() !== '');
        return [
          text(programme.programme.name, { bold: true }),
          text(programme.programme.operator),
          text(pilots.length ? frenchList(pilots) : DASH),
          text(row.status, { bold: true }),
          right(row.version === null ? DASH : String(row.version)),
          text(date(row.dueDate)),
          text(date(row.validatedAt)),
          text(reportObservation(row), row.late ? { color: COLORS.alert, bold: true } : {}),
        ];
      }),
      [110, 130, '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      8.5,
    ),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The préfet's « comité de suivi » pack of an agreement for year N, as a pdfmake document
 * definition: A4 landscape, Roboto, running header (agreement, year, demo banner), « x / y »
 * footers, table of contents and 5 sections (synthesis, 3-year evolution of the main indicators
 * with charts, funding by funder, compliance checks, annual report status). Every figure comes
 * from `data`, formatted fr-FR; masked figures (small-count rule) print as `formatSuppressed`.
 */
export function buildCommitteePack(data: CommitteePackData, options: CommitteePackOptions): TDocumentDefinitions {
  const generated = date(options.generatedAt);
  const headerLeft = `Comité de suivi ${data.year} — ${shorten(data.agreement.title, 90)}`;
  const headerRight = `Base : ${basisLabel(data.basis)} ${data.year}`;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    language: 'fr-FR',
    info: {
      title: `Comité de suivi ${data.year} — ${data.agreement.title}`,
      subject: `Dossier du comité de suivi ${data.year} de la convention ${data.agreement.code}`,
      creator: "Plateforme d'indicateurs des conventions",
      keywords: data.demo ? `comité de suivi, ${data.year}, ${data.agreement.code}, données de démonstration` : `comité de suivi, ${data.year}, ${data.agreement.code}`,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15, color: COLORS.text },
    styles: STYLES,
    pageBreakBefore: keepTitlesWithContent,
    header: (): Content => {
      const columns: Column[] = [{ text: headerLeft, fontSize: 8, color: COLORS.muted, width: '*' }];
      if (data.demo) columns.push({ text: DEMO_BANNER, fontSize: 8, bold: true, color: COLORS.demo, width: 'auto', margin: [0, 0, 12, 0] });
      columns.push({ text: headerRight, fontSize: 8, color: COLORS.muted, width: 'auto', alignment: 'right' });
      return { margin: [SIDE_MARGIN, 22, SIDE_MARGIN, 0], columns };
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      margin: [SIDE_MARGIN, 14, SIDE_MARGIN, 0],
      columns: [
        { text: `Généré le ${generated} — document de travail du comité de suivi`, fontSize: 7.5, color: COLORS.muted, width: '*' },
        { text: `${currentPage} / ${pageCount}`, fontSize: 8, width: 'auto', alignment: 'right' as const },
      ],
    }),
    content: [
      ...cover(data, options.generatedAt),
      tableOfContents(),
      ...synthesis(data, options.generatedAt),
      ...trends(data, options.renderChart),
      ...funding(data, options.renderChart),
      ...compliance(data),
      ...reports(data, options.generatedAt),
    ],
  };
}
