import type { IndicatorDefinition, IndicatorValue } from '@sdat/api-types';
import type { BreakdownItem } from '@sdat/indicators';
import { barOption, monthlyCaseloadChart, type IndicatorChart } from '@sdat/charts';
import type { Content } from 'pdfmake/interfaces';
import { chart, minorTitle, note, notes, paragraph, sectionTitle, subTitle, table, type Cell } from '../layout';
import { SECTION_TITLES } from '../titles';
import {
  attributeNumber,
  count,
  countOf,
  DASH,
  date,
  detail,
  findIndicator,
  flagMessages,
  indicatorText,
  itemNumber,
  NOT_AVAILABLE,
  percent,
  share,
  statusLabel,
  valueOf,
  unitValue,
} from '../text';
import type { AnnualReportData, RenderChart } from '../types';

/** Shown in their own tables (flows, durations, targets) or in section 5 (profiles). */
const DEDICATED = new Set([
  'entries',
  'exits',
  'active_caseload',
  'monthly_caseload',
  'avg_duration_days',
  'median_duration_days',
  'seniority_of_present_days',
  'target_completion',
  'profile_age',
  'profile_situation',
]);

export function resultIndicators(data: AnnualReportData): IndicatorValue[] {
  return (data.indicators.actual?.indicators ?? []).filter((i) => i.category === 'results');
}

function flowsSection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const set = data.basis === 'actual' ? data.indicators.actual : null;
  const entries = findIndicator(set, 'entries');
  const exits = findIndicator(set, 'exits');
  const caseload = findIndicator(set, 'active_caseload');
  if (!entries && !exits && !caseload) return [];
  if ([entries, exits, caseload].every((i) => !i || i.value === null)) {
    return [
      subTitle('Entrées, sorties et file active'),
      paragraph(`Entrées, sorties et file active ${data.year} : ${entries?.reason ?? NOT_AVAILABLE}.`),
    ];
  }
  const atStart = itemNumber(detail(caseload, 'at_start'));
  const atEnd = itemNumber(detail(caseload, 'at_end'));
  const rows: Cell[][] = [
    [detail(caseload, 'at_start')?.label ?? 'File active au début de la période', countOf(detail(caseload, 'at_start'))],
    [entries?.label ?? 'Entrées', countOf(entries)],
    [exits?.label ?? 'Sorties', countOf(exits)],
    [detail(caseload, 'at_end')?.label ?? 'File active en fin de période', countOf(detail(caseload, 'at_end'))],
    ['Parcours suivis sur l’année (présents au début + entrées)', countOf(caseload)],
    [detail(caseload, 'distinct_participants')?.label ?? 'Personnes distinctes', countOf(detail(caseload, 'distinct_participants'))],
  ];
  // Territorial details (« Dont Chenôve ») of entries and exits.
  for (const indicator of [entries, exits]) {
    for (const item of indicator?.details ?? []) {
      if (item.key.startsWith('territory_')) rows.push([`${indicator?.label ?? ''} : ${item.label.toLocaleLowerCase('fr-FR')}`, countOf(item)]);
    }
  }
  const categories = ['Présents au début', 'Entrées', 'Sorties', 'Présents en fin'];
  const values = [atStart, entries?.value ?? null, exits?.value ?? null, atEnd];
  return [
    subTitle('Entrées, sorties et file active'),
    table({ headers: ['Mesure', String(data.year)], rows, widths: ['*', 80] }),
    note(`Calcul : ${caseload?.provenance.formulaText ?? entries?.provenance.formulaText ?? NOT_AVAILABLE}`),
    ...notes(flagMessages(entries, exits, caseload)),
    chart(renderChart, {
      caption: `Flux de personnes accompagnées en ${data.year}`,
      option: barOption({
        title: `Flux ${data.year}`,
        categoryLabel: 'Mesure',
        categories,
        series: [{ name: 'Parcours', values }],
        valueKind: 'count',
        showTitle: false,
      }),
      width: 680,
      height: 220,
    }),
    ...monthlySection(data, monthlyCaseloadChart(findIndicator(set, 'monthly_caseload') ?? null, { showTitle: false }), renderChart),
  ];
}

/** Entries, exits and caseload of each month (the dashboard's builder and table), masked cells as « < 5 ». */
function monthlySection(data: AnnualReportData, monthly: IndicatorChart | null, renderChart: RenderChart): Content[] {
  if (monthly === null) return [];
  const { headers, rows, footer } = monthly.table;
  return [
    minorTitle(`Mois par mois (${data.year})`),
    table({
      headers,
      rows: rows.map((row) => [row.header, ...row.cells]),
      totals: footer === null ? [] : [[footer.header, ...footer.cells]],
      widths: ['*', 70, 70, 110],
      fontSize: 8,
    }),
    chart(renderChart, { caption: `${monthly.table.caption} — ${data.year}`, option: monthly.option, width: 680, height: 260 }),
  ];
}

function durationRow(indicator: IndicatorValue | undefined, countKeys: string[], definition: IndicatorDefinition | undefined): Cell[] | null {
  if (!indicator) return null;
  const counts = countKeys
    .map((key) => detail(indicator, key))
    .filter((item): item is BreakdownItem => item !== undefined)
    .map((item) => `${item.label} : ${countOf(item)}`)
    .join(' ; ');
  const range = ['min_days', 'max_days', 'min_observed_days', 'max_observed_days']
    .map((key) => detail(indicator, key))
    .filter((item): item is BreakdownItem => item !== undefined && itemNumber(item) !== null)
    .map((item) => `${item.label} : ${valueOf(item, 'days')}`)
    .join(' ; ');
  return [
    indicator.label,
    { text: indicator.value === null ? NOT_AVAILABLE : indicatorText(indicator), bold: true },
    [counts, range].filter((t) => t !== '').join(' ; ') || DASH,
    definition?.formula ?? DASH,
  ];
}

function durationsSection(data: AnnualReportData): Content[] {
  const set = data.indicators.actual;
  const definition = (code: string) => data.catalogue.find((d) => d.code === code);
  const avg = findIndicator(set, 'avg_duration_days');
  const median = findIndicator(set, 'median_duration_days');
  const seniority = findIndicator(set, 'seniority_of_present_days');
  const rows = [
    durationRow(avg, ['closed_episodes'], definition('avg_duration_days')),
    durationRow(median, ['events', 'censored'], definition('median_duration_days')),
    durationRow(seniority, ['open_episodes'], definition('seniority_of_present_days')),
  ].filter((row): row is Cell[] => row !== null);
  if (rows.length === 0) return [];
  const bands = (seniority?.details ?? []).filter((item) => item.share !== undefined);
  return [
    subTitle('Durée des parcours'),
    table({ headers: ['Mesure', 'Valeur', 'Parcours pris en compte', 'Méthode'], rows, widths: [110, 'auto', '*', 140], numeric: [1], fontSize: 8 }),
    ...notes([avg, median, seniority].filter((i): i is IndicatorValue => i !== undefined && i.value !== null).map((i) => `${i.label} — calcul : ${i.provenance.formulaText}`)),
    ...notes(flagMessages(avg, median, seniority)),
    ...(bands.length
      ? [
          minorTitle(`Ancienneté des parcours en cours au ${date(seniority?.provenance.period?.end)}`),
          table({
            headers: ['Ancienneté', 'Parcours', 'Part'],
            rows: bands.map((item) => [item.label, countOf(item), share(item.share)]),
            totals: [[detail(seniority, 'open_episodes')?.label ?? 'Parcours ouverts', count(itemNumber(detail(seniority, 'open_episodes'))), '']],
            widths: ['*', 70, 70],
          }),
        ]
      : []),
  ];
}

function targetsSection(data: AnnualReportData): Content[] {
  const completion = findIndicator(data.indicators.actual, 'target_completion');
  if (!completion) return [];
  if (completion.value === null) return [subTitle('Objectifs de la convention'), paragraph(`${completion.label} : ${completion.reason ?? NOT_AVAILABLE}.`)];
  return [
    subTitle('Objectifs de la convention'),
    table({
      headers: ['Objectif', 'Réalisé', 'Cible', "Taux d'atteinte", 'Statut'],
      rows: (completion.details ?? []).map((item) => [
        item.label,
        count(attributeNumber(item, 'achieved')),
        count(attributeNumber(item, 'target')),
        percent(itemNumber(item)),
        statusLabel(item.status ?? null),
      ]),
      widths: ['*', 'auto', 'auto', 'auto', 'auto'],
    }),
    ...(completion.target ? [note(`Règle : ${completion.target.label}.`)] : []),
    ...notes(flagMessages(completion)),
  ];
}

/** Table of a breakdown (partition of the value) or of the details of an indicator. */
export function itemsTable(items: readonly BreakdownItem[], header: string, totalLabel?: string, total?: string): Content {
  const withShare = items.some((item) => item.share !== undefined);
  const rows: Cell[][] = [];
  for (const item of items) {
    rows.push([item.label, valueOf(item, item.unit), ...(withShare ? [share(item.share)] : [])]);
    for (const child of item.children ?? []) {
      rows.push([{ text: `   ${child.label}`, italics: true }, valueOf(child, child.unit), ...(withShare ? [share(child.share)] : [])]);
    }
  }
  return table({
    headers: [header, 'Valeur', ...(withShare ? ['Part'] : [])],
    rows,
    totals: totalLabel && total !== undefined ? [[totalLabel, total, ...(withShare ? [''] : [])]] : [],
    widths: ['*', 90, ...(withShare ? [60] : [])],
  });
}

/** Generic presentation of a result indicator: value, status, breakdown, details, calculation, flags. */
export function genericIndicator(indicator: IndicatorValue): Content[] {
  const out: Content[] = [minorTitle(indicator.label)];
  if (indicator.value === null) {
    out.push(paragraph(`${NOT_AVAILABLE} : ${indicator.reason ?? 'données absentes'}.`));
    return out;
  }
  const status = indicator.status ? ` — ${statusLabel(indicator.status)}${indicator.target ? ` (${indicator.target.label})` : ''}` : '';
  out.push({ text: [{ text: 'Valeur : ' }, { text: indicatorText(indicator), bold: true }, { text: status }], style: 'paragraph' });
  if (indicator.breakdown?.length) out.push(itemsTable(indicator.breakdown, 'Répartition', 'Total', indicatorText(indicator)));
  const details = (indicator.details ?? []).filter((item) => item.value !== null);
  if (details.length) out.push(itemsTable(details, 'Détail'));
  out.push(note(`Calcul : ${indicator.provenance.formulaText}`));
  out.push(...notes((indicator.provenance.notes ?? []).concat(flagMessages(indicator))));
  return out;
}

export function activitySection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const results = resultIndicators(data);
  const head: Content[] = [sectionTitle(SECTION_TITLES.activity)];
  if (data.basis !== 'actual' || results.length === 0) {
    return [
      ...head,
      paragraph(
        data.basis === 'actual'
          ? `Aucun indicateur de résultat disponible pour ${data.year}.`
          : `Les indicateurs de résultats décrivent l'activité réalisée : ils ne sont pas présentés dans un bilan établi sur le budget prévisionnel.`,
      ),
    ];
  }
  const available = results.filter((i) => i.value !== null && !DEDICATED.has(i.code));
  const missing = results.filter((i) => i.value === null && !DEDICATED.has(i.code));
  return [
    ...head,
    paragraph(`Indicateurs de résultats ${data.year} demandés par l'annexe de la convention, calculés sur les données d'activité de l'année ${data.year}.`),
    ...flowsSection(data, renderChart),
    ...durationsSection(data),
    ...targetsSection(data),
    ...(available.length ? [subTitle('Autres indicateurs de résultats') as Content, ...available.flatMap(genericIndicator)] : []),
    ...(missing.length
      ? [
          subTitle('Indicateurs non disponibles'),
          table({ headers: ['Indicateur', 'Motif'], rows: missing.map((i) => [i.label, i.reason ?? NOT_AVAILABLE]), widths: [170, '*'], numeric: [] }),
        ]
      : []),
  ];
}
