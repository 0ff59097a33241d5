import type { BarSeriesOption } from 'echarts';
import { actualBudget, collectNumbers, collectStrings, forecastBudget } from '../test/fixtures';
import { expensesByGroupOption, expensesByGroupTable } from './budget-chart';
import { accountGroupLabel, accountGroupShortLabel } from './labels';

const NBSP = '\u00a0';

type AxisWithFormatter = { type: string; data?: string[]; axisLabel: { formatter: (value: number) => string } };

function seriesOf(option: ReturnType<typeof expensesByGroupOption>): BarSeriesOption[] {
  return option.series as BarSeriesOption[];
}

describe('expensesByGroupOption', () => {
  const option = expensesByGroupOption(forecastBudget);
  const expenseGroups = forecastBudget.groups.filter((group) => group.side === 'expenses');

  it('has one bar per expense group whose value is the computed subtotal in euros (cents / 100)', () => {
    const [series] = seriesOf(option);
    expect(seriesOf(option)).toHaveLength(1);
    expect(series?.type).toBe('bar');
    expect(series?.data).toEqual(expenseGroups.map((group) => group.subtotal.computedCents / 100));
    expect(series?.data?.[0]).toBe(39772);
  });

  it('labels the categories and the series in French', () => {
    const yAxis = option.yAxis as AxisWithFormatter;
    expect(yAxis.type).toBe('category');
    expect(yAxis.data).toEqual([
      '60 Achats',
      '61 Services exterieurs',
      '62 Autres services exterieurs',
      '63 Impots et taxes',
      '63/64 Charges de personnel',
      '65 Charges de gestion courante',
      '68 Dotations aux amortissements et provisions',
    ]);
    expect(seriesOf(option)[0]?.name).toBe('Budget prévisionnel 2022');
    expect(option.title).toMatchObject({ text: 'Charges par groupe de comptes : budget prévisionnel 2022' });
  });

  it('formats the value axis in fr-FR euros', () => {
    const xAxis = option.xAxis as AxisWithFormatter;
    expect(xAxis.type).toBe('value');
    expect(xAxis.axisLabel.formatter(500000)).toBe(`500${NBSP}000${NBSP}€`);
    expect(xAxis.axisLabel.formatter(0)).toBe(`0${NBSP}€`);
  });

  it('is accessible: aria enabled with a French description of the values', () => {
    expect(option.aria).toMatchObject({ enabled: true, label: { enabled: true } });
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toContain('Graphique en barres : Charges par groupe de comptes');
    expect(description).toContain(`60 Achats : 39${NBSP}772${NBSP}€`);
    expect(description).toContain(`63/64 Charges de personnel : 489${NBSP}174${NBSP}€`);
  });

  it('contains no NaN and no English default text', () => {
    collectNumbers(option).forEach((value) => expect(Number.isFinite(value)).toBe(true));
    expect(collectStrings(option).join(' ')).not.toMatch(/NaN|undefined|Expenses|Forecast/);
  });

  it('formats the tooltip in French', () => {
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const html = tooltip.formatter([
      { name: '60 Achats', seriesName: 'Budget prévisionnel 2022', value: 39772, marker: '' },
    ]);
    expect(html).toBe(`<strong>60 Achats</strong><br/>Budget prévisionnel 2022${NBSP}: <strong>39${NBSP}772${NBSP}€</strong>`);
  });

  it('can leave the title out of the chart (the page shows a heading)', () => {
    const withoutTitle = expensesByGroupOption(forecastBudget, null, { showTitle: false });
    expect(withoutTitle.title).toEqual({ show: false });
  });

  it('shows forecast and actual side by side, over the union of the groups', () => {
    const compared = expensesByGroupOption(forecastBudget, actualBudget);
    const series = seriesOf(compared);
    expect(series.map((item) => item.name)).toEqual(['Budget prévisionnel 2022', 'Réalisé 2022']);
    const categories = (compared.yAxis as AxisWithFormatter).data ?? [];
    expect(categories).toHaveLength(8);
    expect(categories[7]).toBe('66 Charges financieres');
    expect(series[0]?.data?.[7]).toBe(0);
    expect(series[1]?.data?.[0]).toBe(41000.5);
    expect(series[1]?.data?.[1]).toBe(0);
    expect(compared.legend).toMatchObject({ show: true });
  });
});

describe('expensesByGroupTable', () => {
  it('gives the same figures as the chart, formatted, with the total', () => {
    const table = expensesByGroupTable(forecastBudget);
    expect(table.headers).toEqual(['Groupe de comptes', 'Budget prévisionnel 2022']);
    expect(table.rows[0]).toEqual({ header: '60 Achats', cells: [`39${NBSP}772${NBSP}€`] });
    expect(table.footer).toEqual({ header: 'Total des charges', cells: [`679${NBSP}241${NBSP}€`] });
  });
});

describe('account group labels', () => {
  it('drop the group code printed in front of the label', () => {
    expect(accountGroupLabel({ groupCode: '60', label: '60 - ACHATS' })).toBe('ACHATS');
    expect(accountGroupLabel({ groupCode: '63/64', label: '63/64 CHARGES DE PERSONNEL' })).toBe('CHARGES DE PERSONNEL');
    expect(accountGroupLabel({ groupCode: '61', label: 'SERVICES EXTERIEURS' })).toBe('SERVICES EXTERIEURS');
    expect(accountGroupLabel({ groupCode: '74', label: '74' })).toBe('74');
  });

  it('keeps short labels that are not in capitals', () => {
    expect(accountGroupShortLabel({ groupCode: '74', label: "Subventions d'exploitation" })).toBe(
      "74 Subventions d'exploitation",
    );
  });
});
