import type { FundingLineView, FundingView } from '@sdat/api-types';
import { earmarkKindLabel, expensesByGroupOption, fundingByFunderOption } from '@sdat/charts';
import { sumCents } from '@sdat/format';
import type { Content } from 'pdfmake/interfaces';
import { compareGroups, compareTotals, type GroupComparison } from '../budget-comparison';
import { chart, minorTitle, note, notes, paragraph, sectionTitle, subTitle, table, totalRow, type Cell } from '../layout';
import { SECTION_TITLES } from '../titles';
import {
  basisColumn,
  DASH,
  euros,
  findIndicator,
  indicatorText,
  percent,
  relativeGap,
  signedEuros,
  signedPercent,
} from '../text';
import type { AnnualReportData, RenderChart } from '../types';
import { reportBases } from './synthesis';

const withActual = (data: AnnualReportData): boolean => data.basis === 'actual';

function groupCells(row: GroupComparison, actual: boolean): Cell[] {
  const label = row.printedDiffers.length ? `${row.label} *` : row.label;
  return actual
    ? [label, euros(row.forecastCents), euros(row.actualCents), signedEuros(row.gapCents), signedPercent(row.gapRatio)]
    : [label, euros(row.forecastCents)];
}

function groupsTable(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const { forecast, actual } = data.budgets;
  if (!forecast && !actual) return [paragraph(`Aucun budget ${data.year} enregistré pour ce dispositif.`)];
  const showActual = withActual(data);
  const groups = compareGroups(forecast, showActual ? actual : null);
  const totals = compareTotals(forecast, showActual ? actual : null);
  const rows: Cell[][] = [
    ...groups.filter((g) => g.side === 'expenses').map((g) => groupCells(g, showActual)),
    totalRow(groupCells(totals.expenses, showActual)),
    ...groups.filter((g) => g.side === 'income').map((g) => groupCells(g, showActual)),
    totalRow(groupCells(totals.income, showActual)),
    totalRow(
      showActual
        ? [totals.result.label, signedEuros(totals.result.forecastCents), signedEuros(totals.result.actualCents), signedEuros(totals.result.gapCents), DASH]
        : [totals.result.label, signedEuros(totals.result.forecastCents)],
    ),
  ];
  const printedNotes = [...groups, totals.expenses, totals.income]
    .flatMap((g) => g.printedDiffers.map((p) => `* ${g.label} (${basisColumn(p.basis, data.year)}) : montant imprimé ${euros(p.printedCents)}, somme des lignes ${euros(p.computedCents)} ; le tableau retient la somme des lignes (voir les écarts relevés en synthèse).`));
  const out: Content[] = [
    table({
      headers: showActual
        ? ['Groupe de comptes', basisColumn('forecast', data.year), basisColumn('actual', data.year), 'Écart', 'Écart (%)']
        : ['Groupe de comptes', basisColumn('forecast', data.year)],
      rows,
      widths: showActual ? ['*', 'auto', 'auto', 'auto', 'auto'] : ['*', 'auto'],
      fontSize: 8.5,
    }),
    ...notes(printedNotes),
    note('Écart = réalisé − budget prévisionnel ; écart (%) rapporté au budget prévisionnel.'),
  ];
  const base = forecast ?? actual;
  if (base) {
    out.push(
      chart(renderChart, {
        caption: showActual && forecast && actual ? `Charges par groupe de comptes : budget prévisionnel et réalisé ${data.year}` : `Charges par groupe de comptes ${data.year}`,
        option: expensesByGroupOption(base, showActual && forecast ? actual : null, { showTitle: false }),
        width: 680,
        height: 330,
      }),
    );
  }
  return out;
}

interface FunderRow {
  code: string;
  name: string;
  isSignatory: boolean;
  forecast: FundingLineView[];
  actual: FundingLineView[];
}

function funders(forecast: FundingView | null, actual: FundingView | null): FunderRow[] {
  const out: FunderRow[] = [];
  const add = (line: FundingLineView, basis: 'forecast' | 'actual') => {
    let row = out.find((r) => r.code === line.funder.code);
    if (!row) {
      row = { code: line.funder.code, name: line.funder.name, isSignatory: line.funderIsSignatory, forecast: [], actual: [] };
      out.push(row);
    }
    row[basis].push(line);
  };
  forecast?.lines.forEach((line) => add(line, 'forecast'));
  actual?.lines.forEach((line) => add(line, 'actual'));
  return out;
}

const total = (lines: readonly FundingLineView[], present: boolean): number | null =>
  present ? sumCents(lines.map((line) => line.amountCents)) : null;

/** « dont primes Ségur » amounts of a funder's lines, per earmark kind. */
function earmarks(lines: readonly FundingLineView[]): Map<string, { label: string; cents: number }> {
  const out = new Map<string, { label: string; cents: number }>();
  for (const line of lines) {
    for (const earmark of line.earmarks) {
      const current = out.get(earmark.kind) ?? { label: earmarkKindLabel(earmark), cents: 0 };
      current.cents += earmark.amountCents;
      out.set(earmark.kind, current);
    }
  }
  return out;
}

function fundingTable(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const showActual = withActual(data);
  const forecast = data.funding.forecast?.lines.length ? data.funding.forecast : null;
  const actual = showActual && data.funding.actual?.lines.length ? data.funding.actual : null;
  if (!forecast && !actual) return [paragraph(`Aucun financement ${data.year} enregistré pour ce dispositif.`)];
  const rows = funders(forecast, actual);
  const shareBase = showActual ? actual?.totalCents ?? null : forecast?.totalCents ?? null;
  const body: Cell[][] = [];
  for (const funder of rows) {
    const f = total(funder.forecast, forecast !== null);
    const a = total(funder.actual, actual !== null);
    const main = showActual ? a : f;
    body.push([
      { text: funder.name, bold: true },
      funder.isSignatory ? 'oui' : 'non',
      euros(f),
      ...(showActual ? [euros(a), signedEuros(f !== null && a !== null ? a - f : null)] : []),
      shareBase && main !== null ? percent(main / shareBase) : DASH,
    ]);
    const labels = [...new Set([...funder.forecast, ...funder.actual].map((line) => line.label))];
    if (labels.length > 1) {
      for (const label of labels) {
        const fl = funder.forecast.filter((line) => line.label === label);
        const al = funder.actual.filter((line) => line.label === label);
        const fv = forecast ? sumCents(fl.map((line) => line.amountCents)) : null;
        const av = actual ? sumCents(al.map((line) => line.amountCents)) : null;
        body.push([{ text: `   ${label}`, italics: true }, '', euros(fv), ...(showActual ? [euros(av), signedEuros(fv !== null && av !== null ? av - fv : null)] : []), '']);
      }
    }
    const fe = earmarks(funder.forecast);
    const ae = earmarks(funder.actual);
    for (const kind of new Set([...fe.keys(), ...ae.keys()])) {
      const label = fe.get(kind)?.label ?? ae.get(kind)?.label ?? kind;
      const fv = forecast ? (fe.get(kind)?.cents ?? 0) : null;
      const av = actual ? (ae.get(kind)?.cents ?? 0) : null;
      body.push([{ text: `   dont ${label}`, italics: true }, '', euros(fv), ...(showActual ? [euros(av), signedEuros(fv !== null && av !== null ? av - fv : null)] : []), '']);
    }
  }
  const ft = forecast?.totalCents ?? null;
  const at = actual?.totalCents ?? null;
  body.push(totalRow(['Total des financements', '', euros(ft), ...(showActual ? [euros(at), signedEuros(ft !== null && at !== null ? at - ft : null)] : []), shareBase ? percent(1) : DASH]));
  const fi = forecast?.budgetIncomeCents ?? null;
  const ai = actual?.budgetIncomeCents ?? null;
  body.push(['Pour mémoire : total des produits du budget', '', euros(fi), ...(showActual ? [euros(ai), signedEuros(fi !== null && ai !== null ? ai - fi : null)] : []), '']);
  const fundingIndicator = findIndicator(showActual ? data.indicators.actual : data.indicators.forecast, 'funding_by_funder');
  const out: Content[] = [
    table({
      headers: ['Financeur', 'Signataire', basisColumn('forecast', data.year), ...(showActual ? [basisColumn('actual', data.year), 'Écart'] : []), 'Part'],
      rows: body,
      widths: showActual ? ['*', 'auto', 'auto', 'auto', 'auto', 'auto'] : ['*', 'auto', 'auto', 'auto'],
      numeric: showActual ? [2, 3, 4, 5] : [2, 3],
      fontSize: 8.5,
    }),
    ...(forecast?.note ? [note(`Document source : « ${forecast.note} »`)] : []),
    ...notes((fundingIndicator?.flags ?? []).map((flag) => flag.message)),
  ];
  const charted = actual ?? forecast;
  if (charted) {
    out.push(
      chart(renderChart, {
        caption: `Financements ${data.year} par financeur (${basisColumn(charted.basis, data.year)})`,
        option: fundingByFunderOption(charted, { showTitle: false }),
        width: 680,
        height: Math.min(380, 90 + charted.lines.length * 42),
      }),
    );
  }
  return out;
}

/** Realisation rate of the CERFA (« % » column): actual / forecast. */
function rate(forecast: number | null, actual: number | null): string {
  if (forecast === null || actual === null || forecast === 0) return DASH;
  return percent(actual / forecast, 0);
}

/**
 * One table per funder laid out like the CERFA 15059 « compte rendu financier de l'action »:
 * charges on the left, produits on the right, each with Prévision, Réalisation and %; the funder's
 * subsidy is shown inside the operating subsidies (74).
 */
function cerfaTables(data: AnnualReportData): Content[] {
  const { forecast, actual } = data.budgets;
  if (!forecast && !actual) return [paragraph('Compte rendu financier impossible : aucun budget enregistré.')];
  const showActual = withActual(data);
  const budgetActual = showActual ? actual : null;
  const fundingForecast = data.funding.forecast?.lines.length ? data.funding.forecast : null;
  const fundingActual = showActual && data.funding.actual?.lines.length ? data.funding.actual : null;
  const groups = compareGroups(forecast, budgetActual);
  const totals = compareTotals(forecast, budgetActual);
  const expenses = groups.filter((g) => g.side === 'expenses');
  const income = groups.filter((g) => g.side === 'income');
  const list = funders(fundingForecast, fundingActual);
  if (list.length === 0) return [paragraph(`Aucun financeur enregistré pour ${data.year}.`)];
  const side = (label: string, f: number | null, a: number | null, italics = false): Cell[] => [
    { text: label, italics },
    euros(f),
    euros(a),
    rate(f, a),
  ];
  const empty: Cell[] = ['', '', '', ''];
  return list.flatMap((funder): Content[] => {
    const f = total(funder.forecast, fundingForecast !== null);
    const a = total(funder.actual, fundingActual !== null);
    const produce: Cell[][] = [];
    for (const group of income) {
      produce.push(side(group.label, group.forecastCents, group.actualCents));
      if (group.groupCode.startsWith('74')) {
        produce.push(side(`dont ${funder.name}`, f, a, true));
        const others = (whole: number | null, part: number | null) => (whole !== null && part !== null ? whole - part : null);
        produce.push(side('dont autres financements', others(group.forecastCents, f), others(group.actualCents, a), true));
      }
    }
    if (!income.some((g) => g.groupCode.startsWith('74'))) produce.push(side(`Subvention ${funder.name}`, f, a, true));
    const lines = Math.max(expenses.length, produce.length);
    const rows: Cell[][] = Array.from({ length: lines }, (_, i) => {
      const e = expenses[i];
      return [...(e ? side(e.label, e.forecastCents, e.actualCents) : empty), ...(produce[i] ?? empty)];
    });
    rows.push(
      totalRow([
        ...side('Total des charges', totals.expenses.forecastCents, totals.expenses.actualCents),
        ...side('Total des produits', totals.income.forecastCents, totals.income.actualCents),
      ]),
    );
    const incomeActual = totals.income.actualCents;
    const incomeForecast = totals.income.forecastCents;
    const shareOf = (part: number | null, whole: number | null) => (part !== null && whole ? percent(part / whole) : DASH);
    const block: Content[] = [
      minorTitle(`Compte rendu financier — ${funder.name}`),
      table({
        superHeaders: [[{ text: 'Charges', colSpan: 4, alignment: 'center' }, '', '', '', { text: 'Produits', colSpan: 4, alignment: 'center' }, '', '', '']],
        headers: ['Groupe', 'Prévision', 'Réalisation', '%', 'Groupe', 'Prévision', 'Réalisation', '%'],
        rows,
        widths: ['*', 'auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto'],
        numeric: [1, 2, 3, 5, 6, 7],
        fontSize: 7.5,
      }),
      note(
        `Subvention ${funder.name} : ${euros(f)} prévus (${shareOf(f, incomeForecast)} des produits prévus)` +
          (showActual ? `, ${euros(a)} réalisés (${shareOf(a, incomeActual)} des produits réalisés), écart ${signedEuros(f !== null && a !== null ? a - f : null)} (${signedPercent(relativeGap(f, a))}).` : '.') +
          ` Résultat de l'action : ${signedEuros(showActual ? totals.result.actualCents : totals.result.forecastCents)}.`,
      ),
    ];
    // One funder's statement fits on a page: never split it.
    return [{ stack: block, unbreakable: true }];
  });
}

/** Title, introduction and the first funder's statement kept together, then one block per funder. */
function cerfaSection(data: AnnualReportData): Content[] {
  const [first, ...rest] = cerfaTables(data);
  const head: Content[] = [
    subTitle('Comptes rendus financiers par financeur'),
    paragraph("Pour chaque financeur, présentation du compte rendu financier de l'action (modèle CERFA n° 15059) : charges et produits prévus et réalisés, taux de réalisation (%)."),
  ];
  return first === undefined ? head : [{ stack: [...head, first], unbreakable: true }, ...rest];
}

function resultTable(data: AnnualReportData): Content[] {
  const bases = reportBases(data);
  const totals = compareTotals(data.budgets.forecast, withActual(data) ? data.budgets.actual : null);
  const nature = (cents: number | null) => (cents === null ? DASH : cents > 0 ? 'Excédent' : cents < 0 ? 'Déficit' : 'Équilibre');
  const rows: Cell[][] = bases.map((basis) => {
    const pick = (row: GroupComparison) => (basis === 'forecast' ? row.forecastCents : row.actualCents);
    return [basisColumn(basis, data.year), euros(pick(totals.income)), euros(pick(totals.expenses)), signedEuros(pick(totals.result)), nature(pick(totals.result))];
  });
  const noDeficit = findIndicator(data.basis === 'actual' ? data.indicators.actual : data.indicators.forecast, 'no_deficit_carried_over');
  return [
    table({ headers: ['Base', 'Total des produits', 'Total des charges', 'Résultat', ''], rows, widths: ['*', 'auto', 'auto', 'auto', 'auto'], numeric: [1, 2, 3] }),
    ...(noDeficit
      ? [note(`${noDeficit.label} : ${indicatorText(noDeficit)} — ${noDeficit.provenance.formulaText}${noDeficit.provenance.notes?.length ? ` ${noDeficit.provenance.notes.join(' ')}` : ''}`)]
      : []),
    note("L'affectation des excédents est soumise à la validation des co-financeurs ; les déficits ne peuvent pas être repris dans le budget de l'année suivante (article 3 de la convention)."),
  ];
}

export function financialSection(data: AnnualReportData, renderChart: RenderChart): Content[] {
  const source = (basis: 'forecast' | 'actual') => {
    const budget = basis === 'forecast' ? data.budgets.forecast : data.budgets.actual;
    if (!budget) return `${basisColumn(basis, data.year)} : non disponible`;
    const origin = budget.source === 'document' ? 'document source' : budget.source === 'demo' ? 'données de démonstration' : 'import';
    return `${basisColumn(basis, data.year)} : ${budget.printedTitle ?? origin} (${origin})`;
  };
  return [
    sectionTitle(SECTION_TITLES.financial),
    paragraph(`Budgets : ${reportBases(data).map(source).join(' ; ')}. Montants arrondis à l'euro ; les totaux sont les sommes des lignes.`),
    subTitle('Charges et produits par groupe de comptes'),
    ...groupsTable(data, renderChart),
    subTitle('Financement par financeur'),
    ...fundingTable(data, renderChart),
    ...cerfaSection(data),
    subTitle("Résultat d'exploitation"),
    ...resultTable(data),
  ];
}
