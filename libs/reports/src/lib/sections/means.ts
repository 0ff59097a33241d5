import type { Basis, IndicatorValue, StaffLineView } from '@sdat/api-types';
import { barOption } from '@sdat/charts';
import { formatFte, formatNumber } from '@sdat/format';
import type { Content } from 'pdfmake/interfaces';
import { chart, note, notes, paragraph, sectionTitle, subTitle, table, type Cell } from '../layout';
import { SECTION_TITLES } from '../titles';
import {
  attributeNumber,
  basisColumn,
  DASH,
  detail,
  euros,
  findIndicator,
  flagMessages,
  indicatorText,
  itemNumber,
  NOT_AVAILABLE,
  percent,
  signedEuros,
  signedPercent,
  unitValue,
} from '../text';
import type { AnnualReportData, RenderChart } from '../types';
import { indicatorSet, reportBases } from './synthesis';

function staffCell(line: StaffLineView | undefined): string {
  if (!line) return DASH;
  if (line.quantity === null) return line.printed ?? 'non chiffré';
  if (line.unit === 'fte') return formatFte(line.quantity);
  if (line.unit === 'posts') return `${formatNumber(line.quantity)} poste${line.quantity >= 2 ? 's' : ''}`;
  return line.printed ?? formatNumber(line.quantity, 2);
}

function staffTable(data: AnnualReportData): Content[] {
  const bases = reportBases(data);
  const lines = data.programme.staff.filter((s) => s.year === data.year);
  const jobs: { code: string; title: string }[] = [];
  for (const basis of bases) {
    for (const line of lines.filter((l) => l.basis === basis)) {
      if (!jobs.some((j) => j.code === line.jobCode)) jobs.push({ code: line.jobCode, title: line.jobTitle });
    }
  }
  const totals = bases.map((b) => findIndicator(indicatorSet(data, b), 'fte_total'));
  if (jobs.length === 0) return [paragraph(`Aucun effectif enregistré pour ${data.year}.`)];
  return [
    table({
      headers: ['Qualification', ...bases.map((b) => basisColumn(b, data.year))],
      rows: jobs.map((job) => [job.title, ...bases.map((b) => staffCell(lines.find((l) => l.basis === b && l.jobCode === job.code)))]),
      totals: [['Total ETP', ...totals.map((t) => (t && t.value !== null ? formatFte(t.value) : NOT_AVAILABLE))]],
      widths: ['*', ...bases.map(() => 90)],
    }),
    ...notes(flagMessages(...totals)),
  ];
}

/** Payroll of N-2, N-1 and N with the year-on-year rates (inputs and details of payroll_growth). */
function payrollSection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const growth = findIndicator(indicatorSet(data, data.basis), 'payroll_growth');
  const forecastPayroll = findIndicator(data.indicators.forecast, 'payroll');
  const years = (growth?.provenance.inputs ?? [])
    .filter((input) => input.ref === 'masse_salariale' && typeof input.year === 'number')
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  if (years.length === 0) {
    return [paragraph(`Masse salariale : ${growth?.reason ?? NOT_AVAILABLE}.`)];
  }
  const rateOf = (year: number) => growth?.details?.find((d) => d.key === `rate_${year - 1}_${year}`);
  const average = detail(growth, 'average_annual_rate');
  const rows: Cell[][] = years.map((input) => [input.label, euros(input.value), signedPercent(itemNumber(rateOf(input.year ?? 0)))]);
  if (data.basis === 'actual' && forecastPayroll && forecastPayroll.value !== null) {
    rows.push([`Masse salariale ${data.year} (budget prévisionnel)`, euros(forecastPayroll.value), DASH]);
  }
  const first = years[0];
  const last = years[years.length - 1];
  const out: Content[] = [
    table({
      headers: ['Exercice', 'Masse salariale', "Évolution sur l'année précédente"],
      rows,
      totals: average && first && last ? [[`Taux annuel moyen de ${first.year} à ${last.year}`, '', signedPercent(itemNumber(average))]] : [],
      widths: ['*', 'auto', 'auto'],
    }),
    note(`Calcul : ${growth?.provenance.formulaText ?? NOT_AVAILABLE}`),
    ...notes(flagMessages(growth).filter((m, i, all) => all.indexOf(m) === i)),
  ];
  if (years.length >= 2) {
    out.push(
      chart(renderChart, {
        caption: `Masse salariale de ${first?.year} à ${last?.year}`,
        option: barOption({
          title: 'Masse salariale',
          categoryLabel: 'Exercice',
          categories: years.map((input) => String(input.year)),
          series: [{ name: 'Masse salariale', values: years.map((input) => input.value) }],
          valueKind: 'euros',
          showTitle: false,
        }),
        width: 680,
        height: 220,
      }),
    );
  }
  return out;
}

function ratioRow(data: AnnualReportData, basis: Basis): Cell[] | null {
  const ratio = findIndicator(indicatorSet(data, basis), 'payroll_ratio');
  if (!ratio) return null;
  const staffCost = findIndicator(indicatorSet(data, basis), 'staff_cost_ratio');
  return [
    basisColumn(basis, data.year),
    euros(itemNumber(detail(ratio, 'payroll'))),
    euros(itemNumber(detail(ratio, 'expenses'))),
    { text: indicatorText(ratio), bold: true },
    percent(itemNumber(detail(ratio, 'previous_ratio'))),
    unitValue(itemNumber(detail(ratio, 'evolution_points')), 'points'),
    staffCost ? indicatorText(staffCost) : DASH,
  ];
}

function payrollRatioSection(data: AnnualReportData): Content[] {
  const rows = reportBases(data).map((b) => ratioRow(data, b)).filter((r): r is Cell[] => r !== null);
  const main = findIndicator(indicatorSet(data, data.basis), 'payroll_ratio');
  if (rows.length === 0) return [paragraph(`Ratio masse salariale / budget global : ${NOT_AVAILABLE}.`)];
  const previousLabel = detail(main, 'previous_ratio')?.label ?? `Ratio ${data.year - 1}`;
  return [
    table({
      headers: ['Base', 'Masse salariale', 'Total des charges', 'Ratio', previousLabel, 'Évolution', 'Coût total du personnel / charges'],
      rows,
      widths: ['auto', 'auto', 'auto', 'auto', 'auto', 'auto', '*'],
      fontSize: 8,
    }),
    note(`Calcul : ${main?.provenance.formulaText ?? NOT_AVAILABLE}`),
    ...notes(flagMessages(main)),
  ];
}

function headOfficeRow(data: AnnualReportData, basis: Basis): Cell[] | null {
  const ratio = findIndicator(indicatorSet(data, basis), 'head_office_ratio');
  const cap = findIndicator(indicatorSet(data, basis), 'head_office_cap');
  if (!ratio) return null;
  const excluding = detail(ratio, 'excluding_fees');
  const including = detail(ratio, 'including_fees');
  return [
    basisColumn(basis, data.year),
    euros(itemNumber(detail(ratio, 'head_office_fees'))),
    `${percent(itemNumber(excluding), 2)} de ${euros(attributeNumber(excluding, 'denominatorCents'))}`,
    `${percent(itemNumber(including), 2)} de ${euros(attributeNumber(including, 'denominatorCents'))}`,
    euros(itemNumber(detail(cap, 'cap_amount'))),
    euros(itemNumber(detail(cap, 'excess'))),
    cap ? indicatorText(cap) : DASH,
  ];
}

function headOfficeSection(data: AnnualReportData): Content[] {
  const rows = reportBases(data).map((b) => headOfficeRow(data, b)).filter((r): r is Cell[] => r !== null);
  const main = findIndicator(indicatorSet(data, data.basis), 'head_office_ratio');
  if (rows.length === 0) return [paragraph(`Frais de siège : ${NOT_AVAILABLE}.`)];
  return [
    paragraph(main?.target ? `Règle : ${main.target.label}, appréciée sur les ${main.target.of ?? 'charges'} ; le taux sur les charges totales est donné pour comparaison.` : ''),
    table({
      headers: ['Base', 'Frais de siège', 'Taux sur charges hors frais de siège', 'Taux sur charges totales', 'Plafond', 'Dépassement', 'Plafond respecté'],
      rows,
      widths: ['auto', 'auto', '*', '*', 'auto', 'auto', 'auto'],
      fontSize: 8,
    }),
    ...notes((main?.provenance.notes ?? []).concat(flagMessages(main))),
  ];
}

function socialFundSection(data: AnnualReportData): Content[] {
  const rows: Cell[][] = [];
  let main: IndicatorValue | undefined;
  for (const basis of reportBases(data)) {
    const fund = findIndicator(indicatorSet(data, basis), 'social_fund_growth');
    if (!fund) continue;
    if (basis === data.basis) main = fund;
    rows.push([
      basisColumn(basis, data.year),
      euros(itemNumber(detail(fund, `envelope_${data.year - 1}`))),
      euros(itemNumber(detail(fund, `envelope_${data.year}`))),
      { text: fund.value === null ? NOT_AVAILABLE : indicatorText(fund), bold: true },
    ]);
  }
  if (rows.length === 0) {
    return [paragraph("Le dispositif n'a pas de Fonds de Vie Sociale : indicateur sans objet.")];
  }
  return [
    table({ headers: ['Base', `Enveloppe ${data.year - 1}`, `Enveloppe ${data.year}`, 'Évolution'], rows, widths: ['*', 'auto', 'auto', 'auto'] }),
    note(`Calcul : ${main?.provenance.formulaText ?? NOT_AVAILABLE}`),
    ...notes(flagMessages(main)),
  ];
}

function surplusSection(data: AnnualReportData): Content[] {
  const surplus = findIndicator(indicatorSet(data, data.basis), 'cumulative_surplus');
  if (!surplus || !surplus.breakdown?.length) return [paragraph(`Excédents d'exploitation cumulés : ${surplus?.reason ?? NOT_AVAILABLE}.`)];
  return [
    table({
      headers: ['Exercice', 'Produits', 'Charges', 'Résultat'],
      rows: surplus.breakdown.map((item) => [
        `${item.label}${item.attributes?.['basis'] === 'forecast' ? ' (budget prévisionnel)' : ''}`,
        euros(attributeNumber(item, 'incomeCents')),
        euros(attributeNumber(item, 'expensesCents')),
        signedEuros(itemNumber(item)),
      ]),
      totals: [['Résultats cumulés', '', '', signedEuros(surplus.value)]],
      widths: ['*', 'auto', 'auto', 'auto'],
    }),
    ...notes(flagMessages(surplus)),
  ];
}

function costSection(data: AnnualReportData): Content[] {
  const cost = findIndicator(indicatorSet(data, data.basis), 'cost_per_participant');
  if (!cost || cost.value === null) return [];
  return [
    subTitle('Coût par personne accompagnée'),
    paragraph(`${indicatorText(cost)} (${cost.provenance.formulaText}).`),
    ...notes((cost.provenance.notes ?? []).concat(flagMessages(cost))),
  ];
}

export function meansSection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  return [
    sectionTitle(SECTION_TITLES.means),
    paragraph("Indicateurs de moyens demandés par l'annexe de la convention : personnel, masse salariale, frais de siège, Fonds de Vie Sociale et résultats d'exploitation."),
    subTitle('Personnel : ETP par qualification'),
    ...staffTable(data),
    subTitle('Masse salariale et évolution'),
    ...payrollSection(data, renderChart),
    subTitle('Ratio masse salariale / budget global'),
    ...payrollRatioSection(data),
    subTitle('Frais de siège et plafond de la convention'),
    ...headOfficeSection(data),
    subTitle('Fonds de Vie Sociale'),
    ...socialFundSection(data),
    subTitle("Excédents d'exploitation cumulés"),
    ...surplusSection(data),
    ...costSection(data),
  ];
}
